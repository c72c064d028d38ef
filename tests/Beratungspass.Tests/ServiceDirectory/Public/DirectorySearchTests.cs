using System.Net;
using static Beratungspass.Tests.ServiceDirectory.Public.PublicDirectoryEntries;

namespace Beratungspass.Tests.ServiceDirectory.Public;

/// <summary>
/// The public search at /directory, anonymous and over real HTTP: each filter narrows the results as a client
/// expects, the count is announced, and a hand-edited address never breaks the page.
/// </summary>
public sealed class DirectorySearchTests(DirectorySearchTests.Host host) : IClassFixture<DirectorySearchTests.Host>
{
    public sealed class Host(TestPostgres postgres) : PublicDirectoryHost(postgres);

    private async Task<IReadOnlyList<string>> ResultsAsync(string query)
    {
        var html = await Forms.PageAsync(host.Client(), "/directory?" + query);
        return PublicHtml.ResultIds(html);
    }

    [Fact]
    public async Task Without_filters_the_page_lists_current_services_and_no_retired_or_inactive_one()
    {
        var html = await Forms.PageAsync(host.Client(), "/directory");

        Assert.Contains("<form method=\"get\" action=\"/directory\"", html, StringComparison.Ordinal);
        Assert.Contains("role=\"status\"", html, StringComparison.Ordinal);
        Assert.Equal(20, PublicHtml.ResultIds(html).Count);
        Assert.DoesNotContain(Retired, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Free_text_finds_words_in_any_order_ignoring_case_and_umlauts()
    {
        var both = await ResultsAsync("q=QUITTENWEG");
        var cafe = await ResultsAsync("q=sprachcafe+quittenweg");
        var naturalisation = await ResultsAsync("q=Einb%C3%BCrgerung");
        var topicName = await ResultsAsync("q=integrationskurs+quittenweg");

        Assert.Contains(Cafe, both);
        Assert.Contains(Evening, both);
        Assert.Equal(Cafe, cafe[0]);
        Assert.DoesNotContain(Evening, cafe);
        Assert.Contains("abh-naturalisation", naturalisation);
        // Topic names count as words of the service (the search hint's example).
        Assert.Equal([Cafe], topicName);
    }

    [Fact]
    public async Task Topic_language_age_and_town_each_narrow_the_results()
    {
        var languageCourse = await ResultsAsync("q=quittenweg&topic=language-course");
        var somali = await ResultsAsync("q=quittenweg&language=so");
        var forty = await ResultsAsync("q=quittenweg&age=40");
        var twenty = await ResultsAsync("q=quittenweg&age=20");
        var selm = await ResultsAsync("q=quittenweg&town=Selm");
        var typedTown = await ResultsAsync("q=quittenweg&town=b%C3%B6nen");

        Assert.Equal([Cafe], languageCourse);
        Assert.Equal([Evening], somali);
        Assert.DoesNotContain(Cafe, forty);
        Assert.Contains(Evening, forty);
        Assert.Contains(Cafe, twenty);
        Assert.Contains(Evening, twenty);
        Assert.Contains(Evening, selm);
        Assert.DoesNotContain(Cafe, selm);
        Assert.Equal([Cafe], typedTown);
    }

    [Fact]
    public async Task Open_now_keeps_what_is_open_on_Monday_at_ten_and_marks_it()
    {
        var html = await Forms.PageAsync(host.Client(), "/directory?q=quittenweg&open=1");
        var all = await Forms.PageAsync(host.Client(), "/directory?q=quittenweg");

        Assert.Equal([Cafe], PublicHtml.ResultIds(html));
        Assert.Contains("Jetzt geöffnet", html, StringComparison.Ordinal);
        Assert.Contains("name=\"open\" value=\"1\" checked", html, StringComparison.Ordinal);
        // Temporarily closed services stay findable, with a badge instead of "open now".
        Assert.Contains(Closed, PublicHtml.ResultIds(all));
        Assert.Contains("Vorübergehend geschlossen", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_result_shows_organization_town_topics_languages_ages_and_a_tel_link()
    {
        var html = await Forms.PageAsync(host.Client(), "/directory?q=sprachcafe");

        var result = html[html.IndexOf($"id=\"service-{Cafe}\"", StringComparison.Ordinal)..];
        result = result[..result.IndexOf("</li>", StringComparison.Ordinal)];
        Assert.Contains(CafeName, result, StringComparison.Ordinal);
        Assert.Contains($"href=\"/directory/services/{Cafe}\"", result, StringComparison.Ordinal);
        Assert.Contains("Beratungsverein Quittenweg", result, StringComparison.Ordinal);
        Assert.Contains("Bönen", result, StringComparison.Ordinal);
        Assert.Contains("Sprach- und Integrationskurs", result, StringComparison.Ordinal);
        Assert.Contains("<bdi lang=\"ar\">العربية</bdi> (Arabisch)", result, StringComparison.Ordinal);
        Assert.Contains("ትግርኛ", result, StringComparison.Ordinal);
        Assert.Contains("16 bis 30 Jahre", result, StringComparison.Ordinal);
        Assert.Contains($"href=\"{PublicHtml.Encoded(CafeTel)}\"", result, StringComparison.Ordinal);
        Assert.DoesNotContain(StaffName, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_count_is_announced_and_an_empty_result_says_how_to_widen_the_search()
    {
        var found = await Forms.PageAsync(host.Client(), "/directory?q=quittenweg&topic=language-course");
        var none = await Forms.PageAsync(host.Client(), "/directory?q=quittenweg&topic=debts&lang=en");

        Assert.Equal("Gefundene Angebote: 1", Forms.TextOf(found, "result-count"));
        Assert.Equal("Services found: 0", Forms.TextOf(none, "result-count"));
        Assert.Contains("Clear all filters", Forms.TextOf(none, "no-results"), StringComparison.Ordinal);
        Assert.Contains("href=\"/directory?lang=en\"", none, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Many_results_are_paged_and_the_pages_keep_the_filters()
    {
        var first = await Forms.PageAsync(host.Client(), "/directory?open=0&lang=tr");
        var firstIds = PublicHtml.ResultIds(first);
        Assert.Contains("href=\"/directory?page=2&amp;lang=tr\"", first, StringComparison.Ordinal);

        var second = await Forms.PageAsync(host.Client(), "/directory?page=2&lang=tr");
        var beyond = await Forms.PageAsync(host.Client(), "/directory?page=999&lang=tr");

        Assert.Equal(20, firstIds.Count);
        Assert.NotEmpty(PublicHtml.ResultIds(second));
        Assert.Empty(firstIds.Intersect(PublicHtml.ResultIds(second)));
        Assert.Contains("rel=\"prev\" href=\"/directory?lang=tr\"", second, StringComparison.Ordinal);
        Assert.NotEmpty(PublicHtml.ResultIds(beyond));
    }

    [Theory]
    [InlineData("age=121", "Das Alter muss eine ganze Zahl von 0 bis 120 sein.")]
    [InlineData("age=-1", "Das Alter muss eine ganze Zahl von 0 bis 120 sein.")]
    [InlineData("age=zwanzig", "Das Alter muss eine ganze Zahl von 0 bis 120 sein.")]
    [InlineData("age=99999999999999999999", "Das Alter muss eine ganze Zahl von 0 bis 120 sein.")]
    [InlineData("topic=astrology", "Dieses Thema gibt es nicht.")]
    [InlineData("topic=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "Dieses Thema gibt es nicht.")]
    [InlineData("language=xx", "Diese Sprache gibt es im Verzeichnis nicht.")]
    [InlineData("town=Berlin", "Dieser Ort liegt nicht im Kreis Unna.")]
    [InlineData("lang=en&town=Dortmund", "This town is not in Kreis Unna.")]
    public async Task Unknown_filter_values_are_ignored_with_a_message(string query, string message)
    {
        var html = await Forms.PageAsync(host.Client(), "/directory?" + query);

        Assert.Contains(message, Forms.TextOf(html, "ignored"), StringComparison.Ordinal);
        Assert.Equal(20, PublicHtml.ResultIds(html).Count);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_very_long_search_text_is_cut_to_200_characters()
    {
        var html = await Forms.PageAsync(host.Client(), "/directory?q=" + new string('a', 5000));

        Assert.Equal(new string('a', 200), Forms.ValueById(html, "q"));
        Assert.Contains("auf 200 Zeichen gekürzt", Forms.TextOf(html, "ignored"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Arabic_and_Persian_digits_count_as_an_age()
    {
        var arabic = await ResultsAsync("q=quittenweg&age=%D9%A4%D9%A0");
        var persian = await ResultsAsync("q=quittenweg&age=%DB%B2%DB%B0");

        Assert.DoesNotContain(Cafe, arabic);
        Assert.Contains(Cafe, persian);
    }

    [Theory]
    [InlineData("/directory?page=-3&age=&topic=&town=&language=&open=")]
    [InlineData("/directory?page=abc&open=maybe")]
    [InlineData("/directory?topic=work&topic=housing&age=20&age=x")]
    [InlineData("/directory?q=%00%01%02")]
    [InlineData("/directory?q=%F0%9F%98%80%F0%9F%98%80")]
    [InlineData("/directory?q=%3Cscript%3Ealert(1)%3C/script%3E")]
    [InlineData("/directory?lang=zz")]
    [InlineData("/directory?lang=%3Cb%3E")]
    [InlineData("/directory?lang=en&lang=ar")]
    [InlineData("/directory/services/%3Cscript%3E")]
    [InlineData("/directory/services/..%2F..%2Fadmin")]
    [InlineData("/directory/services/a?lang=ar")]
    [InlineData("/directory/overview?lang=xx&q=1")]
    public async Task Bad_input_never_gets_a_server_error(string path)
    {
        var (status, html) = await PublicHtml.GetAsync(host.Client(), path, acceptLanguage: "%%%;q=abc, ,;");

        Assert.True((int)status < 500, $"{path} answered {(int)status}");
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_page_language_falls_back_and_says_so()
    {
        var (status, html) = await PublicHtml.GetAsync(host.Client(), "/directory?lang=zz", acceptLanguage: "uk-UA,uk;q=0.9");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("uk", "ltr"), PublicHtml.LangAndDir(html));
        Assert.Contains("Запитаної мови немає", Forms.TextOf(html, "language-unknown"), StringComparison.Ordinal);
    }
}
