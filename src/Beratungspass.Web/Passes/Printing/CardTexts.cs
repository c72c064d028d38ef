using System.Globalization;
using System.Resources;
using Beratungspass.Passes;

namespace Beratungspass.Web.Passes.Printing;

/// <summary>
/// The client-facing texts of the card and the sheet (CardTexts.*.resx), read for the language the card
/// is printed in — never the request culture, which belongs to the counsellor at the desk.
/// </summary>
public sealed class CardTexts(ClientLanguage language)
{
    /// <summary>German is the neutral resource; each other client language has its own satellite.</summary>
    public static ResourceManager Resources { get; } = new(typeof(CardTexts).FullName!, typeof(CardTexts).Assembly);

    private readonly CultureInfo culture = language.Culture();

    public ClientLanguage Language => language;

    public string this[string key] =>
        Resources.GetString(key, culture) is { Length: > 0 } text
            ? text
            : throw new KeyNotFoundException($"The card text '{key}' is missing.");
}
