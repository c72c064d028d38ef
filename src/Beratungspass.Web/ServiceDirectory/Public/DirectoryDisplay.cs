using System.Text;
using Beratungspass.ServiceDirectory;
using NodaTime;

namespace Beratungspass.Web.ServiceDirectory.Public;

/// <summary>How the public pages put a service's entry into words: where, whom to call, when.</summary>
public static class DirectoryDisplay
{
    private static readonly IsoDayOfWeek[] Week =
        [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday];

    /// <summary>
    /// A <c>tel:</c> address a phone dials from anywhere: digits only, in international form
    /// (<c>02303 27-1234</c> → <c>tel:+492303271234</c>), so it also works with a foreign SIM card.
    /// </summary>
    public static string Tel(string number)
    {
        var trimmed = number.Trim();
        // "+49 (0)2303 …": the bracketed trunk zero is not dialled from abroad.
        var text = trimmed.StartsWith('+') ? trimmed.Replace("(0)", "", StringComparison.Ordinal) : trimmed;
        var digits = new StringBuilder();
        foreach (var c in text.Where(char.IsAsciiDigit))
        {
            digits.Append(c);
        }

        var dial = digits.ToString();
        return text.StartsWith('+') ? "tel:+" + dial
            : dial.StartsWith("00", StringComparison.Ordinal) ? "tel:+" + dial[2..]
            : dial.StartsWith('0') ? "tel:+49" + dial[1..]
            : "tel:" + dial;
    }

    /// <summary>The service's own phone numbers, else its organization's.</summary>
    public static IReadOnlyList<DirectoryPhone> Phones(DirectorySnapshot directory, DirectoryService service) =>
        service.Details.Phones.Count > 0
            ? service.Details.Phones
            : directory.Organization(service.OrganizationId)?.Details.Phones ?? [];

    /// <summary>The towns the service is offered in, each once.</summary>
    public static IReadOnlyList<string> Towns(DirectorySnapshot directory, DirectoryService service) =>
        [.. directory.LocationsOf(service).Select(l => l.Location.Address.Town).Distinct(StringComparer.Ordinal)];

    /// <summary>Monday to Sunday, the days with opening slots and the slots of each day by opening time.</summary>
    public static IReadOnlyList<(IsoDayOfWeek Day, IReadOnlyList<OpeningHours> Slots)> ByWeekday(IReadOnlyList<OpeningHours> hours) =>
        [.. Week
            .Select(day => (Day: day, Slots: (IReadOnlyList<OpeningHours>)[.. hours.Where(h => h.Days.Contains(day)).OrderBy(h => h.Opens)]))
            .Where(d => d.Slots.Count > 0)];

    /// <summary>One slot as a line of the printed overview: "Mo., Di., Do. 09:00–12:00".</summary>
    public static string Summary(OpeningHours slot, DirectoryTexts texts) =>
        string.Join(", ", Week.Where(slot.Days.Contains).Select(texts.ShortDayName)) + " " + texts.TimeRange(slot.Opens, slot.Closes);

    /// <summary>Only web addresses open from a link; anything else is shown as text.</summary>
    public static bool IsWebAddress(string? address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http";
}
