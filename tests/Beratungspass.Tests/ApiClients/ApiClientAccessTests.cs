using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Beratungspass.ApiClients;
using Beratungspass.Passes;
using Marten;

namespace Beratungspass.Tests.ApiClients;

/// <summary>
/// An institution's system with a bearer token: created by an administrator, it acts for its institution on
/// API v1 with a counsellor's rights, reaches no page and no administration, and stops the moment it is revoked.
/// </summary>
public sealed class ApiClientAccessTests(ApiClientAccessTests.Host host) : IClassFixture<ApiClientAccessTests.Host>
{
    public sealed class Host(TestPostgres postgres) : AppHost(postgres);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Creates an API client through the administration page and reads its token from the answer, as the administrator would.</summary>
    private async Task<(string Id, string Token)> CreateClientAsync(string institution, string name)
    {
        using var admin = await host.SignedInAsync("admin", "Demo-Admin-2026");
        var form = await Forms.PageAsync(admin, "/admin/api-clients");
        using var answer = await Forms.PostAsync(admin, "/admin/api-clients?handler=Create", form, ("InstitutionId", institution), ("Name", name));
        var html = await answer.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.True(answer.Headers.CacheControl?.NoStore);
        var token = Forms.ValueById(html, "token");
        Assert.True(ApiCredentials.TryParse(token, out var id, out _));
        return (id, token);
    }

    private HttpClient Bearer(string token)
    {
        var client = host.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task RevokeAsync(string clientId)
    {
        using var admin = await host.SignedInAsync("admin", "Demo-Admin-2026");
        var form = await Forms.PageAsync(admin, "/admin/api-clients");
        using var answer = await Forms.PostAsync(admin, "/admin/api-clients?handler=Revoke", form, ("clientId", clientId));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
    }

    [Fact]
    public async Task A_token_issues_passes_at_its_own_institution_under_the_clients_pseudonym()
    {
        var (id, token) = await CreateClientAsync("jmd-caritas-luenen", "Fallakte JMD");
        using var client = Bearer(token);

        var pass = await PassesApi.IssueAsync(client, "uk");
        using var read = await client.GetAsync($"/api/v1/passes/{pass.CodeValue}", Ct);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var card = await PassesApi.CardAsync(host.Store, pass.PassCode);
        Assert.Equal("jmd-caritas-luenen", card.IssuingInstitutionId);
        await using var session = host.Store.QuerySession();
        var issued = (await session.Events.FetchStreamAsync(card.Id, token: Ct)).Select(e => e.Data).OfType<PassIssued>().Single();
        Assert.Equal("api-" + id, issued.IssuedBy);
        Assert.Equal("jmd-caritas-luenen", issued.IssuingInstitutionId);
    }

    [Fact]
    public async Task The_token_is_shown_once_and_stored_only_as_a_hash()
    {
        var (id, token) = await CreateClientAsync("mbe-awo-unna", "Fallakte AWO");
        using var admin = await host.SignedInAsync("admin", "Demo-Admin-2026");

        var list = await Forms.PageAsync(admin, "/admin/api-clients");
        var stored = await Sql.TextsAsync(host.ConnectionString, $"SELECT data::text FROM {Beratungspass.Infrastructure.MartenConfiguration.SchemaName}.mt_doc_apiclient");

        Assert.Contains(id, list, StringComparison.Ordinal);
        Assert.DoesNotContain(token, list, StringComparison.Ordinal);
        var secret = token[(3 + 16 + 1)..];
        Assert.DoesNotContain(stored, row => row.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_revoked_token_unknown_tokens_and_wrong_secrets_all_get_the_same_401_and_store_nothing()
    {
        var (id, token) = await CreateClientAsync("mbe-awo-unna", "Wird widerrufen");
        using (var beforeRevoke = Bearer(token))
        {
            await PassesApi.IssueAsync(beforeRevoke);
        }

        await RevokeAsync(id);
        var wrongSecret = token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        var unknown = ApiCredentials.Create("mbe-awo-unna", "nie gespeichert", "admin", NodaTime.SystemClock.Instance.GetCurrentInstant()).Token;
        var before = await StoredRows.CountAsync(host.ConnectionString);

        foreach (var refused in new[] { token, wrongSecret, unknown, "bp_kaputt", "irgendetwas" })
        {
            using var client = Bearer(refused);
            using var answer = await client.PostAsJsonAsync("/api/v1/passes", new { preferredLanguage = "de", pin = "4829" }, Ct);
            await ProblemAssert.IsProblemAsync(answer, HttpStatusCode.Unauthorized, "api-credentials-invalid");
            Assert.Equal("Bearer", answer.Headers.WwwAuthenticate.Single().Scheme);
        }

        Assert.Equal(before, await StoredRows.CountAsync(host.ConnectionString));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/passes/issue")]
    [InlineData("/passes/find")]
    [InlineData("/admin")]
    [InlineData("/admin/accounts")]
    [InlineData("/admin/api-clients")]
    public async Task A_token_opens_no_page_and_no_administration(string path)
    {
        var (_, token) = await CreateClientAsync("mbe-awo-unna", "Nur API");
        using var client = Bearer(token);

        using var answer = await client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/sign-in", answer.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task An_API_client_cannot_be_created_for_a_retired_or_unknown_institution()
    {
        using var admin = await host.SignedInAsync("admin", "Demo-Admin-2026");
        var form = await Forms.PageAsync(admin, "/admin/api-clients");

        using var answer = await Forms.PostAsync(admin, "/admin/api-clients?handler=Create", form, ("InstitutionId", "gibt-es-nicht"), ("Name", "System"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var html = await answer.Content.ReadAsStringAsync(Ct);
        Assert.Contains("aktive Einrichtung", Forms.TextOf(html, "institution-error"), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"token\"", html, StringComparison.Ordinal);
        await using var session = host.Store.QuerySession();
        Assert.False(await session.Query<ApiClient>().AnyAsync(c => c.InstitutionId == "gibt-es-nicht", Ct));
    }
}
