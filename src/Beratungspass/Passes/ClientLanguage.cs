using System.Globalization;
using System.Text.Json.Serialization;

namespace Beratungspass.Passes;

/// <summary>The languages a card, its sheet and the client's pages are available in.</summary>
public enum ClientLanguage
{
    [JsonStringEnumMemberName("de")] De,
    [JsonStringEnumMemberName("en")] En,
    [JsonStringEnumMemberName("ar")] Ar,
    [JsonStringEnumMemberName("uk")] Uk,
    [JsonStringEnumMemberName("ru")] Ru,
    [JsonStringEnumMemberName("tr")] Tr,
    [JsonStringEnumMemberName("fa")] Fa,
}

public static class ClientLanguages
{
    public static IReadOnlyList<ClientLanguage> All { get; } = Enum.GetValues<ClientLanguage>();

    /// <summary>ISO 639-1 code, as used in URLs, forms and the API.</summary>
    public static string Code(this ClientLanguage language) => language.ToString().ToLowerInvariant();

    public static CultureInfo Culture(this ClientLanguage language) => CultureInfo.GetCultureInfo(language.Code());

    public static bool IsRightToLeft(this ClientLanguage language) => language is ClientLanguage.Ar or ClientLanguage.Fa;

    /// <summary>The language's name in itself, for pickers the client reads.</summary>
    public static string Endonym(this ClientLanguage language) => language switch
    {
        ClientLanguage.De => "Deutsch",
        ClientLanguage.En => "English",
        ClientLanguage.Ar => "العربية",
        ClientLanguage.Uk => "Українська",
        ClientLanguage.Ru => "Русский",
        ClientLanguage.Tr => "Türkçe",
        ClientLanguage.Fa => "فارسی",
        _ => throw new ArgumentOutOfRangeException(nameof(language)),
    };

    public static bool TryParse(string? code, out ClientLanguage language)
    {
        language = default;
        if (string.IsNullOrWhiteSpace(code) || code.Length != 2 || !code.All(char.IsAsciiLetter))
        {
            return false;
        }

        return Enum.TryParse(code, ignoreCase: true, out language) && Enum.IsDefined(language);
    }
}
