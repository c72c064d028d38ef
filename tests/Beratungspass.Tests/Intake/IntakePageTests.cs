using System.Net;
using System.Text.RegularExpressions;

namespace Beratungspass.Tests.Intake;

/// <summary>The intake pages as plain HTTP: who may open them, and form posts that must change nothing.</summary>
public sealed partial class IntakePageTests(IntakePageTests.Host host) : IClassFixture<IntakePageTests.Host>
{
    public sealed class Host(TestPostgres postgres) : AppHost(postgres);

    private const string Pin = "4829";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_coordinator_cannot_open_an_intake()
    {
        using var coordinator = await host.SignedInAsync("koordination.kim", "Demo-Koordination-2026");

        using var scan = await coordinator.GetAsync("/intake", Ct);
        using var pass = await coordinator.GetAsync("/intake/DEM2KARTS", Ct);

        // Signed in but without the counselling role: a 403 page, not a detour through sign-in.
        Assert.Equal(HttpStatusCode.Forbidden, scan.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, pass.StatusCode);
        Assert.DoesNotContain("DEM2-KART-S", await pass.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_an_intake_with_a_consent_shows_no_history_and_records_no_display()
    {
        using var client = await host.SignedInAsync();
        var pass = await PassesApi.IssueAsync(client, pin: Pin);
        var (_, consented) = await ConsentAsync(client, pass);
        Assert.Contains("Verlauf auf einen Blick", consented, StringComparison.Ordinal);
        var before = await StoredRows.CountAsync(host.ConnectionString);

        using var opened = await client.GetAsync($"/intake/{pass.CodeValue}", Ct);
        var page = await TextAsync(opened);

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains("no-store", opened.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Contains("PIN der ratsuchenden Person", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Verlauf auf einen Blick", page, StringComparison.Ordinal);
        Assert.DoesNotContain("presenceToken", page, StringComparison.Ordinal);
        Assert.Equal(before, await StoredRows.CountAsync(host.ConnectionString));
    }

    [Fact]
    public async Task A_consent_for_statistics_only_is_saved_but_shows_no_history()
    {
        using var client = await host.SignedInAsync();
        var pass = await PassesApi.IssueAsync(client, pin: Pin);
        var before = await StoredRows.CountAsync(host.ConnectionString);

        using var answer = await PostAsync(client, pass, "Consent", new()
        {
            ["scope"] = "listed-institutions",
            ["institutions"] = "mbe-awo-unna",
            ["purposes"] = "statistics",
            ["validUntil"] = DateTime.UtcNow.AddMonths(6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["pin"] = Pin,
        });
        var page = await TextAsync(answer);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("Den Verlauf für Ihre Einrichtung umfasst sie nicht.", page, StringComparison.Ordinal);
        Assert.Contains("Einwilligung nötig", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Verlauf auf einen Blick", page, StringComparison.Ordinal);
        Assert.Equal(before.Events + 1, (await StoredRows.CountAsync(host.ConnectionString)).Events);
    }

    [Fact]
    public async Task A_contact_without_presence_for_another_institutions_service_or_with_an_unknown_topic_is_refused_and_nothing_is_stored()
    {
        using var client = await host.SignedInAsync();
        var pass = await PassesApi.IssueAsync(client, pin: Pin);
        var (presence, page) = await ConsentAsync(client, pass);
        var version = Field(page, "version");
        var before = await StoredRows.CountAsync(host.ConnectionString);

        var cases = new (string? Presence, string Service, string Topic, HttpStatusCode Status, string Title)[]
        {
            (null, "mbe-awo-unna", "housing", HttpStatusCode.Forbidden, "PIN der ratsuchenden Person nötig"),
            (presence[..^5] + (presence[^5] == 'A' ? 'B' : 'A') + presence[^4..], "mbe-awo-unna", "housing", HttpStatusCode.Forbidden, "PIN der ratsuchenden Person nötig"),
            (presence, "jmd-caritas-luenen", "housing", HttpStatusCode.Forbidden, "Dienst nicht Ihrer Einrichtung"),
            (presence, "mbe-awo-unna", "astrology", HttpStatusCode.BadRequest, "Themen ungültig"),
        };
        foreach (var (presenceToken, service, topic, status, title) in cases)
        {
            using var answer = await PostAsync(client, pass, "Record", new()
            {
                ["presenceToken"] = presenceToken ?? "",
                ["contactId"] = Guid.NewGuid().ToString(),
                ["version"] = version,
                ["service"] = service,
                ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["topics"] = topic,
                ["kind"] = "first",
                ["confirmDuplicate"] = "true",
            });
            var body = await TextAsync(answer);

            Assert.True(answer.StatusCode == status, $"{service}/{topic}: {(int)answer.StatusCode}");
            Assert.Contains(title, body, StringComparison.Ordinal);
            Assert.Contains("role=\"alert\"", body, StringComparison.Ordinal);
        }

        Assert.Equal(before, await StoredRows.CountAsync(host.ConnectionString));
    }

    [Fact]
    public async Task A_form_without_its_antiforgery_token_gets_the_form_error_page_and_changes_nothing()
    {
        using var client = await host.SignedInAsync();
        var pass = await PassesApi.IssueAsync(client, pin: Pin);
        var before = await StoredRows.CountAsync(host.ConnectionString);

        using var answer = await client.PostAsync($"/intake/{pass.CodeValue}?handler=Consent", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["scope"] = "whole-network",
            ["purposes"] = "show-history",
            ["validUntil"] = DateTime.UtcNow.AddMonths(6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["pin"] = Pin,
        }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("Formular beschädigt", await TextAsync(answer), StringComparison.Ordinal);
        Assert.Equal(before, await StoredRows.CountAsync(host.ConnectionString));
    }

    [Fact]
    public async Task An_unknown_address_gets_the_not_found_page()
    {
        using var client = await host.SignedInAsync();

        using var answer = await client.GetAsync("/no-such-page", Ct);

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Contains("Diese Adresse gibt es nicht.", await TextAsync(answer), StringComparison.Ordinal);
    }

    /// <summary>Grants a whole-network consent to show the history and record contacts; returns the presence token and the page.</summary>
    private static async Task<(string Presence, string Page)> ConsentAsync(HttpClient client, IssuedPass pass)
    {
        using var answer = await PostAsync(client, pass, "Consent", new()
        {
            ["scope"] = "whole-network",
            ["purposes"] = "show-history",
            ["validUntil"] = DateTime.UtcNow.AddMonths(6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["pin"] = Pin,
        }, extra: [("purposes", "record-contacts")]);
        var page = await TextAsync(answer);
        Assert.True(answer.StatusCode == HttpStatusCode.OK, page);
        return (Field(page, "presenceToken"), page);
    }

    private static async Task<HttpResponseMessage> PostAsync(
        HttpClient client, IssuedPass pass, string handler, Dictionary<string, string> fields, (string, string)[]? extra = null)
    {
        var form = await client.GetStringAsync($"/intake/{pass.CodeValue}", Ct);
        var values = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))
            .Concat((extra ?? []).Select(e => new KeyValuePair<string, string>(e.Item1, e.Item2)))
            .Append(new("__RequestVerificationToken", Field(form, "__RequestVerificationToken")));
        return await client.PostAsync($"/intake/{pass.CodeValue}?handler={handler}", new FormUrlEncodedContent(values), Ct);
    }

    private static string Field(string page, string name) =>
        WebUtility.HtmlDecode(HiddenField().Matches(page).First(m => m.Groups["name"].Value == name).Groups["value"].Value);

    private static async Task<string> TextAsync(HttpResponseMessage answer) => WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync(Ct));

    [GeneratedRegex("name=\"(?<name>[^\"]+)\" (?:type=\"hidden\" )?value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenField();
}
