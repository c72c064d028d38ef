using System.Text;
using System.Text.RegularExpressions;
using Beratungspass.Web.Infrastructure.Layout;

namespace Beratungspass.Web.ServiceDirectory.Editing;

/// <summary>
/// Turns the directory's error and change paths (<c>locations[0].address.postalCode</c>) into the ids of the
/// edit form's fields (<c>locations-0-address-postalCode</c>) and into labels people read
/// („Standort 1 › Postleitzahl“). Rows that were left empty or removed are not in the entry, so the entry's
/// row numbers are mapped back to the form's with <see cref="Rows"/>.
/// </summary>
public sealed partial class FieldPaths
{
    /// <summary>Entry path of a row (<c>phones[1]</c>) → form id of that row (<c>phones-2</c>).</summary>
    public Dictionary<string, string> Rows { get; } = new(StringComparer.Ordinal);

    /// <summary>Lists of plain values shown as one group of checkboxes: an error about one value belongs to the group.</summary>
    private static readonly HashSet<string> ValueLists = new(StringComparer.Ordinal) { "topics", "languages", "days" };

    /// <summary>Parts of a row that have no field of their own: the row itself is meant.</summary>
    private static readonly HashSet<string> RowParts = new(StringComparer.Ordinal) { "id", "locationId" };

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex Index();

    public void Row(string entryPath, string formId) => Rows[entryPath] = formId;

    /// <summary>The id of the form field (or group) an entry path names.</summary>
    public string IdOf(string path)
    {
        var prefix = Rows.Keys
            .Where(k => path == k || path.StartsWith(k + ".", StringComparison.Ordinal) || path.StartsWith(k + "[", StringComparison.Ordinal))
            .MaxBy(k => k.Length);
        var id = prefix is null ? Plain(path) : Rows[prefix] + Plain(path[prefix.Length..]);
        var parts = id.Split('-').ToList();
        if (parts.Count >= 2 && int.TryParse(parts[^1], out _) && ValueLists.Contains(parts[^2]))
        {
            parts.RemoveAt(parts.Count - 1);
        }

        if (parts.Count >= 2 && RowParts.Contains(parts[^1]))
        {
            parts.RemoveAt(parts.Count - 1);
        }

        return string.Join('-', parts);
    }

    private static string Plain(string path) => Index().Replace(path, "-$1").Replace('.', '-');

    private static readonly Dictionary<string, (string German, string English)> Names = new(StringComparer.Ordinal)
    {
        ["id"] = ("Kennung", "Id"),
        ["name"] = ("Name", "Name"),
        ["alternateName"] = ("Weiterer Name", "Alternate name"),
        ["description"] = ("Beschreibung", "Description"),
        ["email"] = ("E-Mail", "E-mail"),
        ["website"] = ("Website", "Website"),
        ["phones"] = ("Telefon", "Phone"),
        ["number"] = ("Nummer", "Number"),
        ["languages"] = ("Sprachen", "Languages"),
        ["locations"] = ("Standort", "Location"),
        ["address"] = ("", ""),
        ["street"] = ("Straße und Hausnummer", "Street and number"),
        ["postalCode"] = ("Postleitzahl", "Postal code"),
        ["town"] = ("Ort", "Town"),
        ["transportation"] = ("Anfahrt", "Getting there"),
        ["accessibility"] = ("Barrierefreiheit", "Accessibility"),
        ["latitude"] = ("Breitengrad", "Latitude"),
        ["longitude"] = ("Längengrad", "Longitude"),
        ["status"] = ("Status", "Status"),
        ["eligibilityDescription"] = ("Für wen", "Who it is for"),
        ["minimumAge"] = ("Mindestalter", "Minimum age"),
        ["maximumAge"] = ("Höchstalter", "Maximum age"),
        ["applicationProcess"] = ("So kommt man hin", "How to get the service"),
        ["feesDescription"] = ("Kosten", "Fees"),
        ["topics"] = ("Themen", "Topics"),
        ["locationId"] = ("Standort", "Location"),
        ["hours"] = ("Öffnungszeit", "Opening hours"),
        ["days"] = ("Wochentage", "Days"),
        ["opens"] = ("von", "opens"),
        ["closes"] = ("bis", "closes"),
        ["note"] = ("Hinweis", "Note"),
        ["staffContacts"] = ("Ansprechperson (nur Fachkräfte)", "Contact person (staff only)"),
        ["role"] = ("Funktion", "Role"),
        ["phone"] = ("Durchwahl", "Direct phone"),
        ["reachable"] = ("Erreichbar", "Reachable"),
        ["offered"] = ("Angeboten", "Offered"),
    };

    /// <summary>A path or field id as people read it: „Standort 2 › Öffnungszeit 1 › bis“. Unknown parts stay as they are.</summary>
    public static string Label(string pathOrId, Ui ui)
    {
        var segments = Index().Replace(pathOrId, "-$1").Replace('.', '-').Split('-', StringSplitOptions.RemoveEmptyEntries);
        var label = new StringBuilder();
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment == "details" && i == 0)
            {
                continue;
            }

            var text = Names.TryGetValue(segment, out var name) ? ui.T(name.German, name.English) : segment;
            if (i + 1 < segments.Length && int.TryParse(segments[i + 1], out var index))
            {
                text = segment is "topics" or "languages" or "days" ? text : $"{text} {index + 1}";
                i++;
            }

            if (text.Length == 0)
            {
                continue;
            }

            if (label.Length > 0)
            {
                label.Append(" › ");
            }

            label.Append(text);
        }

        return label.ToString();
    }
}
