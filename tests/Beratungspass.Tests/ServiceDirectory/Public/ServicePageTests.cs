using System.Net;
using static Beratungspass.Tests.ServiceDirectory.Public.PublicDirectoryEntries;

namespace Beratungspass.Tests.ServiceDirectory.Public;

/// <summary>
/// The public service page: everything a client needs to get there by phone or in person; staff contacts only
/// for signed-in staff; text entered by organizations shown as text; unknown and retired services answered clearly.
/// </summary>
public sealed class ServicePageTests(ServicePageTests.Host host) : IClassFixture<ServicePageTests.Host>
{
    public sealed class Host(TestPostgres postgres) : PublicDirectoryHost(postgres);

    private const string Coordinator = "koordination.kim";
    private const string CoordinatorPassword = "Demo-Koordination-2026";

    [Fact]
    public async Task The_page_shows_what_the_service_offers_for_whom_and_how_to_get_there()
    {
        var html = await Forms.PageAsync(host.Client(), $"/directory/services/{Cafe}");

        Assert.Contains($"<h1><bdi lang=\"de\">{CafeName}</bdi></h1>", html, StringComparison.Ordinal);
        Assert.Contains("Beratungsverein Quittenweg", html, StringComparison.Ordinal);
        Assert.Contains("Gespräche auf Deutsch üben", Forms.TextOf(html, "description"), StringComparison.Ordinal);
        Assert.Equal("Junge Menschen, die Deutsch lernen.", Forms.TextOf(html, "eligibility"));
        Assert.Contains("16 bis 30 Jahre", html, StringComparison.Ordinal);
        Assert.Contains("Sprach- und Integrationskurs", html, StringComparison.Ordinal);
        Assert.Contains("Jetzt geöffnet", html, StringComparison.Ordinal);

        // By phone, with the languages spoken on it.
        Assert.Contains($"href=\"{PublicHtml.Encoded(CafeTel)}\"", html, StringComparison.Ordinal);
        Assert.Contains(CafePhone, html, StringComparison.Ordinal);
        Assert.Contains("Sprachen am Telefon:", html, StringComparison.Ordinal);

        // In person: address, getting there, accessibility, hours per weekday with today marked.
        Assert.Contains("Bahnhofstraße 1<br>59199 Bönen", html, StringComparison.Ordinal);
        Assert.Contains("Bus R11 bis Bönen Bahnhof", html, StringComparison.Ordinal);
        Assert.Contains("Stufenloser Eingang, Aufzug", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"today\">", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Montag</dt>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Dienstag</dt>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<dt>Mittwoch</dt>", html, StringComparison.Ordinal);
        Assert.Contains("09:00–12:00", html, StringComparison.Ordinal);
        Assert.Contains("(nach der Pause Kaffee)", html, StringComparison.Ordinal);

        Assert.Contains("Einfach vorbeikommen.", html, StringComparison.Ordinal);
        Assert.Contains("Kostenlos.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"mailto:cafe@quittenweg.example\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://quittenweg.example\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Monday", "9:00\u202fAM–12:00\u202fPM", "Opening hours")]
    [InlineData("ar", "الاثنين", "9:00 ص–12:00 م", "ساعات العمل")]
    [InlineData("fa", "دوشنبه", "9:00–12:00", "ساعات کاری")]
    [InlineData("uk", "понеділок", "09:00–12:00", "Години роботи")]
    public async Task Weekdays_and_times_follow_the_page_language_while_content_stays_German(string lang, string monday, string hours, string label)
    {
        var html = await Forms.PageAsync(host.Client(), $"/directory/services/{Cafe}?lang={lang}");

        Assert.Contains($"<dt>{monday}</dt>", html, StringComparison.Ordinal);
        // Some languages put a narrow no-break space before AM/PM, which the page writes as a character reference.
        Assert.Contains(hours, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains(label, html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"entered\" lang=\"de\" dir=\"ltr\" id=\"description\">Gespräche auf Deutsch üben", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/directory?lang={lang}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_contacts_never_reach_an_anonymous_visitor()
    {
        foreach (var path in new[] { $"/directory/services/{Cafe}", $"/directory/services/{Cafe}?lang=ar", $"/directory?q={Uri.EscapeDataString(CafeName)}", "/directory/overview" })
        {
            var html = await Forms.PageAsync(host.Client(), path);

            Assert.DoesNotContain(StaffName, html, StringComparison.Ordinal);
            Assert.DoesNotContain(StaffPhone, html, StringComparison.Ordinal);
            Assert.DoesNotContain("mara@quittenweg.example", html, StringComparison.Ordinal);
            Assert.DoesNotContain("staff-contacts", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("berater.awo", "Demo-Beratung-2026")]
    [InlineData(Coordinator, CoordinatorPassword)]
    [InlineData("admin", "Demo-Admin-2026")]
    public async Task Signed_in_staff_see_the_contacts_in_a_marked_section_and_the_page_is_not_cached(string user, string password)
    {
        using var client = await host.SignedInAsync(user, password);
        using var response = await client.GetAsync($"/directory/services/{Cafe}", TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "A page with staff contacts must not be cached.");
        var section = Forms.TextOf(html, "staff-contacts");
        Assert.StartsWith("Nur für Fachkräfte: Ansprechpersonen", section, StringComparison.Ordinal);
        Assert.Contains(StaffName, section, StringComparison.Ordinal);
        Assert.Contains("Teamleitung", section, StringComparison.Ordinal);
        Assert.Contains("Mo–Do 8–9 Uhr", section, StringComparison.Ordinal);
        Assert.Contains($"href=\"{PublicHtml.Encoded("tel:+4923895550199")}\"", html, StringComparison.Ordinal);
        // Staff have no other way into the public pages' navigation than back to their own start page.
        Assert.DoesNotContain("href=\"/passes/issue\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markup_in_entered_text_is_shown_as_text()
    {
        await ChangeAsync(host.Services, "psz-unna-counselling", details => details with
        {
            Name = "PSZ <img src=x onerror=alert(1)> Unna",
            Description = "Hilfe <script>alert('psz')</script> bei <b>Belastung</b>.",
            EligibilityDescription = "\"><svg onload=alert(2)>",
        });

        var page = await Forms.PageAsync(host.Client(), "/directory/services/psz-unna-counselling");
        var search = await Forms.PageAsync(host.Client(), "/directory?q=psz");
        var overview = await Forms.PageAsync(host.Client(), "/directory/overview");

        foreach (var html in new[] { page, search, overview })
        {
            Assert.Contains("PSZ &lt;img src=x onerror=alert(1)&gt; Unna", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        }

        Assert.Contains("Hilfe &lt;script&gt;alert(&#x27;psz&#x27;)&lt;/script&gt; bei &lt;b&gt;Belastung&lt;/b&gt;.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", page, StringComparison.Ordinal);
        Assert.Equal("\"><svg onload=alert(2)>", Forms.TextOf(page, "eligibility"));
    }

    [Theory]
    [InlineData("/directory/services/no-such-service", "de", "Angebot nicht gefunden")]
    [InlineData("/directory/services/no-such-service?lang=ar", "ar", "الخدمة غير موجودة")]
    [InlineData("/directory/services/%3Cscript%3E?lang=tr", "tr", "Hizmet bulunamadı")]
    public async Task An_unknown_service_answers_404_in_the_page_language(string path, string lang, string title)
    {
        var (status, html) = await PublicHtml.GetAsync(host.Client(), path);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(lang, PublicHtml.LangAndDir(html).Lang);
        Assert.Contains($"<h1>{title}</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retired_service_answers_410_with_a_notice_and_no_way_to_get_there()
    {
        var (status, html) = await PublicHtml.GetAsync(host.Client(), $"/directory/services/{Retired}?lang=en");

        Assert.Equal(HttpStatusCode.Gone, status);
        Assert.Contains("This service is no longer offered.", Forms.TextOf(html, "no-longer-offered"), StringComparison.Ordinal);
        Assert.DoesNotContain(RetiredPhone, html, StringComparison.Ordinal);
        Assert.DoesNotContain("tel:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Kreisstraße 9", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_temporarily_closed_service_says_so_and_still_shows_how_to_call()
    {
        var html = await Forms.PageAsync(host.Client(), $"/directory/services/{Closed}");

        Assert.Contains("vorübergehend geschlossen", Forms.TextOf(html, "status-notice"), StringComparison.Ordinal);
        Assert.Contains($"href=\"{PublicHtml.Encoded("tel:+4925925550303")}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Jetzt geöffnet", html, StringComparison.Ordinal);
    }
}
