using System.Globalization;
using Beratungspass.Institutions;
using Beratungspass.ServiceDirectory;
using Beratungspass.Topics;

namespace Beratungspass.Web.ServiceDirectory.Public;

/// <summary>
/// The search form's values as typed into an address, checked: what the directory does not know is left out of
/// the search and named (by its text key) so the page can say so — a hand-edited link never fails.
/// </summary>
public sealed record SearchInput(
    string? Text, string? Topic, string? Language, string? AgeText, int? Age, string? Town, bool OpenNow, IReadOnlyList<string> Ignored)
{
    public const int TextLength = 200;

    public DirectoryQuery Query => new(Text, Topic, Language, Age, Town, OpenNow);

    public bool IsEmpty => Text is null && Topic is null && Language is null && Age is null && Town is null && !OpenNow;

    public static SearchInput Read(string? text, string? topic, string? language, string? age, string? town, string? open)
    {
        var ignored = new List<string>();

        text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (text is { Length: > TextLength })
        {
            // Not into the middle of a surrogate pair: the page shows the shortened text back.
            var cut = char.IsHighSurrogate(text[TextLength - 1]) ? TextLength - 1 : TextLength;
            text = text[..cut].TrimEnd();
            ignored.Add("TextShortened");
        }

        topic = Blank(topic);
        var knownTopic = topic is null ? null : Taxonomy.Topics.FirstOrDefault(t => string.Equals(t.Code, topic, StringComparison.OrdinalIgnoreCase))?.Code;
        if (topic is not null && knownTopic is null)
        {
            ignored.Add("TopicIgnored");
        }

        language = Blank(language);
        var knownLanguage = language is null ? null : Languages.All.FirstOrDefault(l => string.Equals(l.Code, language, StringComparison.OrdinalIgnoreCase))?.Code;
        if (language is not null && knownLanguage is null)
        {
            ignored.Add("LanguageIgnored");
        }

        age = Blank(age);
        int? years = null;
        if (age is not null)
        {
            // Arabic-Indic and Persian digits (٢٥, ۲۵) count as the number they are.
            var digits = string.Concat(age.Select(c => char.IsDigit(c) ? (char)('0' + (int)char.GetNumericValue(c)) : c));
            if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed <= DirectoryValidation.MaximumAge)
            {
                years = parsed;
            }
            else
            {
                ignored.Add("AgeIgnored");
            }
        }

        town = Blank(town);
        // "lunen" or "LÜNEN" in a typed address still means Lünen.
        var knownTown = town is null ? null : Institution.Towns.FirstOrDefault(t => DirectorySnapshot.Fold(t) == DirectorySnapshot.Fold(town));
        if (town is not null && knownTown is null)
        {
            ignored.Add("TownIgnored");
        }

        var openNow = Blank(open) is { } flag && (flag == "1" || flag.Equals("true", StringComparison.OrdinalIgnoreCase) || flag.Equals("on", StringComparison.OrdinalIgnoreCase));
        return new(text, knownTopic, knownLanguage, age, years, knownTown, openNow, ignored);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
