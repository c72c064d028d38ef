using System.Collections;
using System.Globalization;
using Beratungspass.Passes;
using Beratungspass.Web.Passes.Printing;

namespace Beratungspass.Browser.Tests.Passes.Printing;

/// <summary>The texts a client reads on the card and the sheet, checked in the resource files themselves.</summary>
public sealed class CardTextsTests
{
    public static TheoryData<string> Languages => new(ClientLanguages.All.Select(l => l.Code()));

    public static TheoryData<string> Translations => new(ClientLanguages.All.Where(l => l != ClientLanguage.De).Select(l => l.Code()));

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_card_text_exists_and_is_filled_in_in_every_client_language(string code)
    {
        var german = Texts(ClientLanguage.De);
        var texts = Texts(Parse(code));

        Assert.Equal(german.Keys.Order(StringComparer.Ordinal), texts.Keys.Order(StringComparer.Ordinal));
        Assert.All(texts, text => Assert.False(string.IsNullOrWhiteSpace(text.Value), $"{code}: {text.Key} is empty."));
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void No_text_is_left_in_German(string code)
    {
        var german = Texts(ClientLanguage.De);

        Assert.All(Texts(Parse(code)), text => Assert.NotEqual(german[text.Key], text.Value));
    }

    [Theory]
    [InlineData("ar", '\u0600', '\u06FF')]
    [InlineData("fa", '\u0600', '\u06FF')]
    [InlineData("uk", '\u0400', '\u04FF')]
    [InlineData("ru", '\u0400', '\u04FF')]
    public void Every_text_is_written_in_the_script_of_its_language(string code, char first, char last)
    {
        Assert.All(Texts(Parse(code)), text => Assert.True(text.Value.Any(c => c >= first && c <= last), $"{code}: {text.Key} has no letter of its script."));
    }

    [Fact]
    public void Persian_texts_use_Persian_letters_and_Arabic_texts_Arabic_ones()
    {
        // ي/ك are Arabic; Persian writes ی/ک. Mixed up, words look wrong to a reader and break searching.
        Assert.All(Texts(ClientLanguage.Fa), text => Assert.DoesNotMatch("[\u064A\u0643\u0649]", text.Value));
        Assert.All(Texts(ClientLanguage.Ar), text => Assert.DoesNotMatch("[\u06CC\u06A9]", text.Value));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void The_reader_for_a_language_gives_that_language_whatever_the_request_culture(string code)
    {
        var language = Parse(code);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language == ClientLanguage.En ? "de" : "en");
        try
        {
            Assert.Equal(Texts(language)["CardExplanation"], new CardTexts(language)["CardExplanation"]);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static ClientLanguage Parse(string code) =>
        ClientLanguages.TryParse(code, out var language) ? language : throw new ArgumentException(code, nameof(code));

    /// <summary>One language's own resource set, without falling back to German for missing keys.</summary>
    private static Dictionary<string, string> Texts(ClientLanguage language)
    {
        var culture = language == ClientLanguage.De ? CultureInfo.InvariantCulture : language.Culture();
        var set = CardTexts.Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
                  ?? throw new Xunit.Sdk.XunitException($"There are no card texts for {language.Code()}.");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => e.Value as string ?? "", StringComparer.Ordinal);
    }
}
