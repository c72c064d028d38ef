using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Beratungspass.Passes;
using Marten;

namespace Beratungspass.Tests.Passes.Reissuing;

public sealed class ReissuingApiTests(ReissuingApiTests.Host host) : IClassFixture<ReissuingApiTests.Host>
{
    public sealed class Host(TestPostgres postgres) : AppHost(postgres);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> ReissueAsync(HttpClient client, IssuedPass pass, long? expectedVersion) =>
        client.PostAsJsonAsync($"/api/v1/passes/{pass.CodeValue}/card", new { expectedVersion }, Ct);

    private static Task<HttpResponseMessage> ResolveAsync(HttpClient client, string token) =>
        client.PostAsJsonAsync("/api/v1/tokens/resolve", new { token }, Ct);

    private async Task<int> CardReissuedCountAsync(string passCode)
    {
        var card = await PassesApi.CardAsync(host.Store, passCode);
        await using var session = host.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(card.Id, token: Ct);
        return events.Count(e => e.Data is CardReissued);
    }

    [Fact]
    public async Task After_reissuing_the_old_card_answers_card_replaced_and_the_new_card_resolves_as_generation_2()
    {
        using var client = await host.SignedInAsync();
        var pass = await PassesApi.IssueAsync(client);
        var oldToken = await QrScanner.CurrentTokenAsync(client, pass.CodeValue);

        using var reissued = await ReissueAsync(client, pass, pass.Version);

        Assert.Equal(HttpStatusCode.OK, reissued.StatusCode);
        var body = await reissued.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(2, body.GetProperty("generation").GetInt32());
        Assert.Equal(2, body.GetProperty("version").GetInt64());
        Assert.Equal(pass.PassCode, body.GetProperty("passCode").GetString());

        using var oldAnswer = await ResolveAsync(client, oldToken);
        await ProblemAssert.IsProblemAsync(oldAnswer, HttpStatusCode.Gone, "card-replaced");

        var newToken = await QrScanner.CurrentTokenAsync(client, pass.CodeValue);
        using var newAnswer = await ResolveAsync(client, newToken);
        Assert.Equal(HttpStatusCode.OK, newAnswer.StatusCode);
        var resolved = await newAnswer.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(pass.PassCode, resolved.GetProperty("passCode").GetString());
        Assert.Equal(2, resolved.GetProperty("generation").GetInt32());
        Assert.Equal("valid", resolved.GetProperty("cardState").GetString());
    }

    [Fact]
    public async Task Every_older_card_stays_replaced_after_further_reissues()
    {
        using var client = await host.SignedInAsync();
        var pass = await PassesApi.IssueAsync(client);
        var tokens = new List<string> { await QrScanner.CurrentTokenAsync(client, pass.CodeValue) };
        for (var i = 0; i < 2; i++)
        {
            using var reissued = await ReissueAsync(client, pass, null);
            Assert.Equal(HttpStatusCode.OK, reissued.StatusCode);
            tokens.Add(await QrScanner.CurrentTokenAsync(client, pass.CodeValue));
        }

        foreach (var old in tokens[..^1])
        {
            using var answer = await ResolveAsync(client, old);
            await ProblemAssert.IsProblemAsync(answer, HttpStatusCode.Gone, "card-replaced");
        }

        using var current = await ResolveAsync(client, tokens[^1]);
        Assert.Equal(3, (await current.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("generation").GetInt32());
    }

    [Fact]
    public async Task Two_counsellors_reissuing_the_same_card_at_once_get_one_new_card_and_one_changed_meanwhile()
    {
        using var first = await host.SignedInAsync();
        using var second = await host.SignedInAsync("berater.jmd");
        var pass = await PassesApi.IssueAsync(first);
        var version = pass.Version;

        for (var round = 1; round <= 5; round++)
        {
            var answers = await Task.WhenAll(ReissueAsync(first, pass, version), ReissueAsync(second, pass, version));

            var ok = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
            var conflict = Assert.Single(answers, a => a.StatusCode != HttpStatusCode.OK);
            await ProblemAssert.IsProblemAsync(conflict, HttpStatusCode.Conflict, "changed-meanwhile");
            var body = await ok.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal(round + 1, body.GetProperty("generation").GetInt32());
            Assert.Equal(round, await CardReissuedCountAsync(pass.PassCode));
            version = body.GetProperty("version").GetInt64();
            foreach (var answer in answers)
            {
                answer.Dispose();
            }
        }

        var card = await PassesApi.CardAsync(host.Store, pass.PassCode);
        Assert.Equal(6, card.Generation);
        Assert.Equal(6, card.Version);
    }

    [Fact]
    public async Task A_reissue_with_a_stale_version_is_refused_and_writes_nothing()
    {
        using var client = await host.SignedInAsync();
        var pass = await PassesApi.IssueAsync(client);
        using (var reissued = await ReissueAsync(client, pass, pass.Version))
        {
            Assert.Equal(HttpStatusCode.OK, reissued.StatusCode);
        }

        var before = await StoredRows.CountAsync(host.ConnectionString);
        var tokenBefore = await QrScanner.CurrentTokenAsync(client, pass.CodeValue);

        using var stale = await ReissueAsync(client, pass, pass.Version);
        using var staleInEnglish = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/passes/{pass.CodeValue}/card")
        {
            Content = JsonContent.Create(new { expectedVersion = pass.Version }),
        }.InEnglish(), Ct);

        await ProblemAssert.IsProblemAsync(stale, HttpStatusCode.Conflict, "changed-meanwhile");
        await ProblemAssert.IsProblemAsync(staleInEnglish, HttpStatusCode.Conflict, "changed-meanwhile", english: true);
        Assert.Equal(before, await StoredRows.CountAsync(host.ConnectionString));
        Assert.Equal(1, await CardReissuedCountAsync(pass.PassCode));
        using var stillValid = await ResolveAsync(client, tokenBefore);
        Assert.Equal(HttpStatusCode.OK, stillValid.StatusCode);
    }

    [Fact]
    public async Task A_version_from_the_future_is_refused_too()
    {
        using var client = await host.SignedInAsync();
        var pass = await PassesApi.IssueAsync(client);
        var before = await StoredRows.CountAsync(host.ConnectionString);

        using var answer = await ReissueAsync(client, pass, pass.Version + 5);

        await ProblemAssert.IsProblemAsync(answer, HttpStatusCode.Conflict, "changed-meanwhile");
        Assert.Equal(before, await StoredRows.CountAsync(host.ConnectionString));
    }

    [Fact]
    public async Task A_reissue_without_a_body_reissues_without_a_version_check()
    {
        using var client = await host.SignedInAsync();
        var pass = await PassesApi.IssueAsync(client);

        using var answer = await client.PostAsync($"/api/v1/passes/{pass.CodeValue}/card", null, Ct);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(2, (await answer.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("generation").GetInt32());
    }

    [Fact]
    public async Task A_coordinator_may_not_reissue_cards()
    {
        using var counsellor = await host.SignedInAsync();
        var pass = await PassesApi.IssueAsync(counsellor);
        using var coordinator = await host.SignedInAsync("koordination.kim", "Demo-Koordination-2026");
        var before = await StoredRows.CountAsync(host.ConnectionString);

        using var answer = await ReissueAsync(coordinator, pass, pass.Version);

        await ProblemAssert.IsProblemAsync(answer, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(before, await StoredRows.CountAsync(host.ConnectionString));
    }
}
