namespace Beratungspass.ServiceDirectory;

/// <summary>A language a service is offered in: ISO 639-1 code, its name in itself (endonym) and in German and English.</summary>
public sealed record Language(string Code, string Endonym, string German, string English);

/// <summary>
/// The languages the directory knows: those spoken by people who come to migration counselling in Kreis Unna.
/// Pickers show the endonym, so a client finds their language without reading German.
/// </summary>
public static class Languages
{
    public static IReadOnlyList<Language> All { get; } =
    [
        new("de", "Deutsch", "Deutsch", "German"),
        new("en", "English", "Englisch", "English"),
        new("ar", "العربية", "Arabisch", "Arabic"),
        new("uk", "Українська", "Ukrainisch", "Ukrainian"),
        new("ru", "Русский", "Russisch", "Russian"),
        new("tr", "Türkçe", "Türkisch", "Turkish"),
        new("fa", "فارسی", "Persisch (Farsi/Dari)", "Persian (Farsi/Dari)"),
        new("ku", "Kurdî", "Kurdisch", "Kurdish"),
        new("ps", "پښتو", "Paschtu", "Pashto"),
        new("ti", "ትግርኛ", "Tigrinya", "Tigrinya"),
        new("so", "Soomaali", "Somali", "Somali"),
        new("am", "አማርኛ", "Amharisch", "Amharic"),
        new("fr", "Français", "Französisch", "French"),
        new("es", "Español", "Spanisch", "Spanish"),
        new("it", "Italiano", "Italienisch", "Italian"),
        new("pt", "Português", "Portugiesisch", "Portuguese"),
        new("pl", "Polski", "Polnisch", "Polish"),
        new("ro", "Română", "Rumänisch", "Romanian"),
        new("bg", "Български", "Bulgarisch", "Bulgarian"),
        new("el", "Ελληνικά", "Griechisch", "Greek"),
        new("sq", "Shqip", "Albanisch", "Albanian"),
        new("sr", "Српски", "Serbisch", "Serbian"),
        new("hr", "Hrvatski", "Kroatisch", "Croatian"),
        new("bs", "Bosanski", "Bosnisch", "Bosnian"),
        new("mk", "Македонски", "Mazedonisch", "Macedonian"),
        new("hu", "Magyar", "Ungarisch", "Hungarian"),
        new("ur", "اردو", "Urdu", "Urdu"),
        new("hi", "हिन्दी", "Hindi", "Hindi"),
        new("vi", "Tiếng Việt", "Vietnamesisch", "Vietnamese"),
        new("zh", "中文", "Chinesisch", "Chinese"),
        new("ka", "ქართული", "Georgisch", "Georgian"),
        new("hy", "Հայերեն", "Armenisch", "Armenian"),
        new("az", "Azərbaycanca", "Aserbaidschanisch", "Azerbaijani"),
        new("ln", "Lingála", "Lingala", "Lingala"),
        new("sgn", "Deutsche Gebärdensprache", "Deutsche Gebärdensprache", "German Sign Language"),
    ];

    private static readonly Dictionary<string, Language> ByCode = All.ToDictionary(l => l.Code, StringComparer.Ordinal);

    public static bool IsKnown(string? code) => code is not null && ByCode.ContainsKey(code);

    public static Language? Find(string? code) => code is null ? null : ByCode.GetValueOrDefault(code);
}
