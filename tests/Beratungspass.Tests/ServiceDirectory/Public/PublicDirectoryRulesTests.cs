using System.Collections;
using System.Globalization;
using Beratungspass.Passes;
using Beratungspass.Topics;
using Beratungspass.Web.ServiceDirectory.Public;
using Microsoft.Net.Http.Headers;
using NodaTime;

namespace Beratungspass.Tests.ServiceDirectory.Public;

/// <summary>The public pages' pure rules: reading search input, choosing the language, phone links, labels in every language.</summary>
public sealed class PublicDirectoryRulesTests
{
    [Fact]
    public void Search_input_keeps_what_the_directory_knows_and_names_the_rest()
    {
        var input = SearchInput.Read("  Lünen  ", "HOUSING", "AR", " 27 ", "lunen", "on");
        var bad = SearchInput.Read(null, "astrology", "xx", "121", "Berlin", "maybe");

        Assert.Equal(new Beratungspass.ServiceDirectory.DirectoryQuery("Lünen", "housing", "ar", 27, "Lünen", true), input.Query);
        Assert.Empty(input.Ignored);
        Assert.Equal(new Beratungspass.ServiceDirectory.DirectoryQuery(), bad.Query);
        Assert.Equal(["TopicIgnored", "LanguageIgnored", "AgeIgnored", "TownIgnored"], bad.Ignored);
        Assert.Equal("121", bad.AgeText);
    }

    [Fact]
    public void A_long_search_text_is_cut_without_splitting_a_character()
    {
        var text = new string('a', 199) + "😀😀";

        var input = SearchInput.Read(text, null, null, null, null, null);

        Assert.Equal(new string('a', 199), input.Text);
        Assert.Equal(["TextShortened"], input.Ignored);
    }

    [Theory]
    [InlineData("ar", "", "Ar", true, false)]
    [InlineData("AR", "", "Ar", true, false)]
    [InlineData(null, "de-DE,de;q=0.9", "De", false, false)]
    [InlineData(null, "pl,uk;q=0.8", "Uk", false, false)]
    [InlineData(null, "tr;q=0,fa;q=0.1", "Fa", false, false)]
    [InlineData("xx", "en-GB", "En", false, true)]
    [InlineData("xx", "", "De", false, true)]
    public void The_page_language_is_the_chosen_one_else_the_browsers_else_German(string? requested, string acceptLanguage, string expected, bool chosen, bool unknown)
    {
        var ranges = StringWithQualityHeaderValue.TryParseList(acceptLanguage.Split(','), out var parsed) ? parsed : [];

        var language = PublicLanguage.Negotiate(requested, ranges);

        Assert.Equal(new PublicLanguage(Enum.Parse<ClientLanguage>(expected), chosen, unknown), language);
    }

    [Theory]
    [InlineData("02303 27-1234", "tel:+492303271234")]
    [InlineData("+49 (0)2303 27 1234", "tel:+492303271234")]
    [InlineData("0049 2303 271234", "tel:+492303271234")]
    [InlineData("(02389) 555/0101", "tel:+4923895550101")]
    [InlineData("+90 212 555 0101", "tel:+902125550101")]
    public void Phone_links_dial_in_international_form(string number, string tel) => Assert.Equal(tel, DirectoryDisplay.Tel(number));

    [Fact]
    public void Every_label_and_topic_exists_in_every_client_language_with_the_same_placeholders()
    {
        var german = Texts(CultureInfo.InvariantCulture);
        Assert.All(Taxonomy.Topics, topic => Assert.True(german.ContainsKey("Topic." + topic.Code), $"No label for topic {topic.Code}."));

        foreach (var language in ClientLanguages.All.Where(l => l != ClientLanguage.De))
        {
            var texts = Texts(language.Culture());
            Assert.Equal(german.Keys.Order(), texts.Keys.Order());
            foreach (var (key, value) in texts)
            {
                Assert.False(string.IsNullOrWhiteSpace(value), $"{language.Code()}: {key} is empty.");
                Assert.Equal(Placeholders(german[key]), Placeholders(value));
            }
        }
    }

    [Fact]
    public void Weekdays_times_and_dates_are_written_as_each_language_writes_them_in_the_Gregorian_calendar()
    {
        var monday = Instant.FromUtc(2026, 3, 2, 9, 0);

        Assert.Equal("Montag", DirectoryTexts.For(ClientLanguage.De).DayName(IsoDayOfWeek.Monday));
        Assert.Equal("понеділок", DirectoryTexts.For(ClientLanguage.Uk).DayName(IsoDayOfWeek.Monday));
        Assert.Equal("Pazar", DirectoryTexts.For(ClientLanguage.Tr).DayName(IsoDayOfWeek.Sunday));
        Assert.Equal("Montag, 2. März 2026", DirectoryTexts.For(ClientLanguage.De).Date(monday));
        Assert.Contains("2026", DirectoryTexts.For(ClientLanguage.Fa).Date(monday), StringComparison.Ordinal);
        Assert.Equal("9:00\u202fAM–12:00\u202fPM", DirectoryTexts.For(ClientLanguage.En).TimeRange(new LocalTime(9, 0), new LocalTime(12, 0)));
    }

    /// <summary>The compiled texts of one language only (the satellite assembly, or the neutral German), without fallback.</summary>
    private static Dictionary<string, string> Texts(CultureInfo culture) =>
        DirectoryTexts.Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    private static string[] Placeholders(string text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Order()];
}
