using Beratungspass.Passes;
using System.Globalization;
using System.Resources;
using Beratungspass.Infrastructure;
using Beratungspass.ServiceDirectory;
using NodaTime;

namespace Beratungspass.Web.ServiceDirectory.Public;

/// <summary>
/// The labels of the public directory (DirectoryTexts.*.resx) in one client language, and how that language
/// writes weekdays, times and dates. What organizations entered (names, descriptions) stays as entered, in German.
/// </summary>
public sealed class DirectoryTexts
{
    /// <summary>German is the neutral resource; each other client language has its own satellite.</summary>
    public static ResourceManager Resources { get; } = new(typeof(DirectoryTexts).FullName!, typeof(DirectoryTexts).Assembly);

    private static readonly Dictionary<ClientLanguage, DirectoryTexts> Each = ClientLanguages.All.ToDictionary(l => l, l => new DirectoryTexts(l));

    private readonly CultureInfo culture;

    /// <summary>The texts of one language; they never change while the app runs, so each language has one instance.</summary>
    public static DirectoryTexts For(ClientLanguage language) => Each[language];

    private DirectoryTexts(ClientLanguage language)
    {
        Language = language;
        culture = language.Culture();
        // Persian defaults to the Solar Hijri calendar; opening hours and dates in Germany are Gregorian.
        var formatting = (CultureInfo)culture.Clone();
        if (formatting.DateTimeFormat.Calendar is not GregorianCalendar)
        {
            formatting.DateTimeFormat.Calendar = formatting.OptionalCalendars.OfType<GregorianCalendar>().FirstOrDefault() ?? new GregorianCalendar();
        }

        Formatting = CultureInfo.ReadOnly(formatting);
    }

    public ClientLanguage Language { get; }

    /// <summary>Numbers, weekdays, times and dates as the language writes them, always in the Gregorian calendar.</summary>
    public CultureInfo Formatting { get; }

    public string this[string key] =>
        Resources.GetString(key, culture) is { Length: > 0 } text
            ? text
            : throw new KeyNotFoundException($"The directory text '{key}' is missing.");

    public string Format(string key, params object[] values) => string.Format(Formatting, this[key], values);

    /// <summary>A topic's name in this language; a code the taxonomy no longer knows is shown as it is.</summary>
    public string Topic(string code) => Resources.GetString("Topic." + code, culture) is { Length: > 0 } text ? text : code;

    /// <summary>
    /// A service language by its endonym, so a client finds their own language; for German and English readers
    /// with the name they know it by, when that differs (<c>العربية (Arabisch)</c>).
    /// </summary>
    public string LanguageName(string code) => Languages.Find(code) switch
    {
        null => code,
        var language when KnownName(language) is { } known => $"{language.Endonym} ({known})",
        var language => language.Endonym,
    };

    /// <summary>The German or English name of a language for readers of those, if it differs from the endonym.</summary>
    public string? KnownName(Language language)
    {
        var known = Language switch
        {
            ClientLanguage.De => language.German,
            ClientLanguage.En => language.English,
            _ => null,
        };
        return known == language.Endonym ? null : known;
    }

    public string DayName(IsoDayOfWeek day) => Formatting.DateTimeFormat.GetDayName(BclDay(day));

    public string ShortDayName(IsoDayOfWeek day) => Formatting.DateTimeFormat.GetAbbreviatedDayName(BclDay(day));

    public string Time(LocalTime time) => time.ToString("t", Formatting);

    public string TimeRange(LocalTime opens, LocalTime closes) => $"{Time(opens)}–{Time(closes)}";

    /// <summary>A moment as the date it was in Kreis Unna, written out (Montag, 2. März 2026).</summary>
    public string Date(Instant instant) =>
        instant.InZone(MartenConfiguration.Zone).LocalDateTime.ToDateTimeUnspecified().ToString("D", Formatting);

    public string Ages(int? minimum, int? maximum) => (minimum, maximum) switch
    {
        (null, null) => this["AllAges"],
        ({ } from, null) => Format("AgeFrom", from),
        (null, { } upTo) => Format("AgeUpTo", upTo),
        ({ } from, { } upTo) => Format("AgeRange", from, upTo),
    };

    private static DayOfWeek BclDay(IsoDayOfWeek day) => day == IsoDayOfWeek.Sunday ? DayOfWeek.Sunday : (DayOfWeek)(int)day;
}
