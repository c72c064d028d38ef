using System.Globalization;
using System.Text;
using Beratungspass.Infrastructure;
using Beratungspass.ServiceDirectory;
using Beratungspass.Topics;
using NodaTime;

namespace Beratungspass.Web.ServiceDirectory.Exporting;

/// <summary>
/// The services as CSV that a German Excel opens as it is: UTF-8 with BOM, semicolons, CRLF between rows,
/// fields quoted as RFC 4180 says, decimal commas, dates as dd.MM.yyyy (Kreis Unna's calendar). Several
/// values in one cell (addresses, hours) are on lines of their own inside it.
/// </summary>
/// <remarks>
/// Text that a spreadsheet would take for a formula (starting with = + - @, tab or carriage return) gets a
/// leading apostrophe, so a directory entry can never run anything on a reader's computer. The directory's phone
/// numbers are national ("02303 …") and pass unchanged; one written internationally ("+49 …") keeps the apostrophe.
/// Numbers (ages, coordinates) are written as numbers, not as text.
/// </remarks>
public static class ServicesCsv
{
    public static IReadOnlyList<string> Headers { get; } =
    [
        "Angebot", "Organisation", "Status", "Themen", "Sprachen", "Alter von", "Alter bis", "Orte", "Adressen", "Breitengrad", "Längengrad",
        "Telefon", "E-Mail", "Website", "Sprechzeiten", "Zielgruppe", "Zugang", "Kosten", "Beschreibung", "Zuletzt geändert", "Kennung", "HSDS-ID",
    ];

    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static byte[] Write(DirectorySnapshot directory)
    {
        var csv = new StringBuilder();
        Row(csv, [.. Headers.Select(Text)]);
        foreach (var service in directory.Services)
        {
            Row(csv, Cells(directory, service));
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static List<string> Cells(DirectorySnapshot directory, DirectoryService service)
    {
        var d = service.Details;
        var organization = directory.Organization(service.OrganizationId);
        var locations = directory.LocationsOf(service).ToList();
        var phones = d.Phones.Count > 0 ? d.Phones : organization?.Details.Phones ?? [];
        return
        [
            Text(d.Name),
            Text(organization?.Details.Name),
            Text(Status(d.Status)),
            Text(string.Join(", ", d.Topics.Select(t => Taxonomy.Find(t)?.German ?? t))),
            Text(string.Join(", ", d.Languages.Select(l => Languages.Find(l)?.German ?? l))),
            Number(d.MinimumAge),
            Number(d.MaximumAge),
            Text(string.Join(", ", locations.Select(l => l.Location.Address.Town).Distinct())),
            Text(string.Join("\n", locations.Select(l => $"{l.Location.Address.Street}, {l.Location.Address.PostalCode} {l.Location.Address.Town}"))),
            Numbers(locations.Select(l => l.Location.Latitude)),
            Numbers(locations.Select(l => l.Location.Longitude)),
            Text(string.Join(", ", phones.Select(p => p.Number))),
            Text(d.Email ?? organization?.Details.Email),
            Text(d.Website ?? organization?.Details.Website),
            Text(string.Join("\n", locations.Where(l => l.At.Hours.Count > 0).Select(l => Hours(l.Location, l.At)))),
            Text(d.EligibilityDescription),
            Text(d.ApplicationProcess),
            Text(d.FeesDescription),
            Text(d.Description),
            Text(service.LastModified.InZone(MartenConfiguration.Zone).Date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)),
            Text(service.ServiceId),
            Text(service.HsdsId.ToString()),
        ];
    }

    public static string Status(ServiceStatus status) => status switch
    {
        ServiceStatus.Active => "aktiv",
        ServiceStatus.Inactive => "inaktiv",
        ServiceStatus.TemporarilyClosed => "vorübergehend geschlossen",
        ServiceStatus.Defunct => "eingestellt",
        _ => status.ToString(),
    };

    /// <summary>"Unna: Mo, Di 09:00–12:00 (nur mit Termin); Do 14:00–16:00".</summary>
    public static string Hours(DirectoryLocation location, ServiceLocation at) =>
        $"{location.Address.Town}: " + string.Join("; ", at.Hours.Select(h =>
            $"{string.Join(", ", h.Days.Select(Day))} {h.Opens:HH:mm}–{h.Closes:HH:mm}" + (h.Note is null ? "" : $" ({h.Note})")));

    private static string Day(IsoDayOfWeek day) => day switch
    {
        IsoDayOfWeek.Monday => "Mo",
        IsoDayOfWeek.Tuesday => "Di",
        IsoDayOfWeek.Wednesday => "Mi",
        IsoDayOfWeek.Thursday => "Do",
        IsoDayOfWeek.Friday => "Fr",
        IsoDayOfWeek.Saturday => "Sa",
        _ => "So",
    };

    private static void Row(StringBuilder csv, List<string> cells) => csv.AppendJoin(';', cells).Append("\r\n");

    /// <summary>A text cell: guarded against formulas, quoted when it holds a separator, a quote or a line break.</summary>
    public static string Text(string? value)
    {
        value ??= "";
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '＝' or '＋' or '－' or '＠')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string Number(int? value) => value?.ToString(German) ?? "";

    private static string Numbers(IEnumerable<double?> values)
    {
        var list = values.ToList();
        if (list.All(v => v is null))
        {
            return "";
        }

        var text = string.Join("\n", list.Select(v => v?.ToString("0.0#####", German) ?? ""));
        return text.Contains('\n', StringComparison.Ordinal) ? "\"" + text + "\"" : text;
    }
}
