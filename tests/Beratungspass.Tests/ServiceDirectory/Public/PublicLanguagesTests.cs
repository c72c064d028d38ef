using static Beratungspass.Tests.ServiceDirectory.Public.PublicDirectoryEntries;

namespace Beratungspass.Tests.ServiceDirectory.Public;

/// <summary>
/// Every public page in each client language: the right lang and direction, labels, topic names and dates in the
/// language, the language taken from the browser when none is chosen, and the switch keeping what was searched.
/// Also the printable overview of all offers.
/// </summary>
public sealed class PublicLanguagesTests(PublicLanguagesTests.Host host) : IClassFixture<PublicLanguagesTests.Host>
{
    public sealed class Host(TestPostgres postgres) : PublicDirectoryHost(postgres);

    [Theory]
    [InlineData("de", "ltr", "Beratung im Kreis Unna finden", "Einbürgerung")]
    [InlineData("en", "ltr", "Find counselling in Kreis Unna", "Naturalisation")]
    [InlineData("ar", "rtl", "ابحث عن استشارة في دائرة أونا", "التجنس")]
    [InlineData("uk", "ltr", "Знайдіть консультацію в окрузі Унна", "Набуття громадянства")]
    [InlineData("ru", "ltr", "Найдите консультацию в округе Унна", "Получение гражданства")]
    [InlineData("tr", "ltr", "Unna ilçesinde danışmanlık bulun", "Vatandaşlığa geçiş")]
    [InlineData("fa", "rtl", "یافتن مشاوره در شهرستان اونا", "اخذ تابعیت")]
    public async Task Every_page_speaks_the_chosen_language_in_its_direction(string lang, string dir, string heading, string naturalisation)
    {
        var search = await Forms.PageAsync(host.Client(), $"/directory?lang={lang}");
        var service = await Forms.PageAsync(host.Client(), $"/directory/services/{Cafe}?lang={lang}");
        var overview = await Forms.PageAsync(host.Client(), $"/directory/overview?lang={lang}");

        foreach (var html in new[] { search, service, overview })
        {
            Assert.Equal((lang, dir), PublicHtml.LangAndDir(html));
            Assert.Contains("aria-current=\"true\">", html, StringComparison.Ordinal);
        }

        Assert.Contains($"<h1>{heading}</h1>", search, StringComparison.Ordinal);
        Assert.Contains($">{naturalisation}</option>", search, StringComparison.Ordinal);
        Assert.Contains($"<input type=\"hidden\" name=\"lang\" value=\"{lang}\">", search, StringComparison.Ordinal);
        Assert.Contains($"href=\"/directory/services/{Cafe}?lang={lang}\"", overview, StringComparison.Ordinal);
        Assert.Contains($"id=\"topic-heading-naturalisation\">{naturalisation}</h2>", overview, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fa-IR,fa;q=0.9,en;q=0.5", "fa", "rtl")]
    [InlineData("fr-FR,fr;q=0.9,ru;q=0.8,de;q=0.7", "ru", "ltr")]
    [InlineData("en;q=0.3,ar;q=0.8", "ar", "rtl")]
    [InlineData("fr", "de", "ltr")]
    [InlineData("", "de", "ltr")]
    public async Task Without_a_choice_the_browser_language_is_used_else_German(string acceptLanguage, string lang, string dir)
    {
        var (_, html) = await PublicHtml.GetAsync(host.Client(), "/directory", acceptLanguage);

        Assert.Equal((lang, dir), PublicHtml.LangAndDir(html));
        // The choice was the browser's, so links leave it to the browser too.
        Assert.DoesNotContain("<input type=\"hidden\" name=\"lang\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switch_keeps_the_search_and_names_each_language_in_itself()
    {
        var html = await Forms.PageAsync(host.Client(), "/directory?q=quittenweg&topic=housing&open=1&lang=de");

        Assert.Contains("href=\"/directory?q=quittenweg&amp;topic=housing&amp;open=1&amp;lang=ar\" lang=\"ar\" hreflang=\"ar\" dir=\"rtl\">العربية</a>", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"uk\" hreflang=\"uk\" dir=\"ltr\">Українська</a>", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"fa\" hreflang=\"fa\" dir=\"rtl\">فارسی</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_overview_lists_current_offers_by_topic_with_the_date_of_the_data_and_a_print_button()
    {
        var html = await Forms.PageAsync(host.Client(), "/directory/overview");

        var housing = html[html.IndexOf("id=\"topic-housing\"", StringComparison.Ordinal)..];
        housing = housing[..housing.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Contains(EveningName, housing, StringComparison.Ordinal);
        Assert.Contains("Vorübergehend geschlossen", housing, StringComparison.Ordinal);
        Assert.Contains(EveningPhone, housing, StringComparison.Ordinal);
        Assert.Contains("Selm, Kreisstraße 9", housing, StringComparison.Ordinal);
        Assert.Contains("Mi 17:00–19:00", housing, StringComparison.Ordinal);
        Assert.Contains("Soomaali", housing, StringComparison.Ordinal);
        Assert.DoesNotContain(CafeName, housing, StringComparison.Ordinal);
        Assert.DoesNotContain("Eingestellte Beratung", html, StringComparison.Ordinal);

        // The data were last changed when the test entries were added, at Monday 10:00 in Kreis Unna.
        Assert.Equal("Stand der Angaben: Montag, 2. März 2026", Forms.TextOf(html, "data-as-of"));
        Assert.Contains("<button type=\"button\" class=\"print-button\" data-print hidden>Drucken</button>", html, StringComparison.Ordinal);
        Assert.Matches("<script src=\"/js/print.js\\?v=[^\"]+\" defer></script>", html);
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)", html);
        Assert.DoesNotMatch("\\sstyle=", html);
    }

    [Fact]
    public async Task The_overview_prints_on_A4_without_breaking_an_entry()
    {
        var css = await host.Client().GetStringAsync("/css/directory.css", TestContext.Current.CancellationToken);

        Assert.Contains("@media print", css, StringComparison.Ordinal);
        Assert.Contains("size: A4", css, StringComparison.Ordinal);
        Assert.Matches(@"\.overview-entry \{ break-inside: avoid;", css);
    }

    [Fact]
    public async Task The_sign_in_page_links_the_public_directory()
    {
        var html = await Forms.PageAsync(host.Client(), "/sign-in");

        Assert.Contains("<a href=\"/directory\">", html, StringComparison.Ordinal);
    }
}
