using System.Net;
using System.Text.Json;
using Beratungspass.Passes;
using NodaTime.Text;
using static Beratungspass.Tests.Infrastructure.IntakeCalls;

namespace Beratungspass.Tests.Intake.ShowingHistory;

/// <summary>Every read is a fact: each display of the history to a counsellor records exactly one HistoryViewed, a refused one none.</summary>
public sealed class HistoryViewedTests(HistoryViewedTests.Host host) : IClassFixture<HistoryViewedTests.Host>
{
    public sealed class Host(TestPostgres postgres) : ClockedAppHost(postgres);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> PassIdAsync(IssuedPass pass) => (await PassesApi.CardAsync(host.Store, pass.PassCode)).Id;

    private async Task<long> ViewsAsync(IssuedPass pass) => await StoredEvents.CountAsync(host.ConnectionString, await PassIdAsync(pass), "history_viewed");

    private async Task<PassHistory> StoredHistoryAsync(IssuedPass pass)
    {
        await using var session = host.Store.QuerySession();
        return (await session.LoadAsync<PassHistory>(await PassIdAsync(pass), Ct))!;
    }

    [Fact]
    public async Task Each_display_records_one_view_with_institution_purpose_presence_and_time_and_no_name()
    {
        var client = await host.DeskAsync();
        var ready = await ReadyAsync(client);
        Assert.Equal(0, await ViewsAsync(ready.Pass));

        var versions = new List<long>();
        for (var i = 1; i <= 3; i++)
        {
            versions.Add((await ShownHistoryAsync(client, ready.Pass, ready.PresenceToken)).GetProperty("version").GetInt64());
            Assert.Equal(i, await ViewsAsync(ready.Pass));
        }

        Assert.Equal([versions[0], versions[0] + 1, versions[0] + 2], versions);
        var stored = await StoredEvents.DataAsync(host.ConnectionString, await PassIdAsync(ready.Pass), "history_viewed");
        Assert.All(stored.Select(json => JsonDocument.Parse(json).RootElement), view =>
        {
            Assert.Equal("mbe-awo-unna", view.GetProperty("institutionId").GetString());
            Assert.Equal("intake", view.GetProperty("purpose").GetString());
            Assert.Equal("pin", view.GetProperty("presence").GetString());
            Assert.Equal(host.Clock.GetCurrentInstant(), InstantPattern.ExtendedIso.Parse(view.GetProperty("viewedAt").GetString()!).Value);
            Assert.Matches("^c-[0-9a-f]{10}$", view.GetProperty("viewedBy").GetString());
        });
        Assert.All(stored, json => Assert.DoesNotContain("berater", json, StringComparison.OrdinalIgnoreCase));
        var views = (await StoredHistoryAsync(ready.Pass)).Views;
        Assert.Equal(3, views.Count);
        Assert.All(views, v => Assert.Equal(new HistoryView("mbe-awo-unna", ViewPurpose.Intake, ClientPresence.Pin, host.Clock.GetCurrentInstant()), v));
    }

    [Fact]
    public async Task The_views_list_shows_each_institution_that_looked_in_order()
    {
        var awo = await host.DeskAsync();
        var jmd = await host.DeskAsync("berater.jmd");
        var ready = await ReadyAsync(awo);

        await ShownHistoryAsync(awo, ready.Pass, ready.PresenceToken);
        await ShownHistoryAsync(jmd, ready.Pass, await PresenceTokenAsync(jmd, ready.Pass));
        await ShownHistoryAsync(awo, ready.Pass, ready.PresenceToken);

        Assert.Equal(["mbe-awo-unna", "jmd-caritas-luenen", "mbe-awo-unna"], (await StoredHistoryAsync(ready.Pass)).Views.Select(v => v.InstitutionId));
    }

    [Fact]
    public async Task A_refused_display_records_no_view()
    {
        var awo = await host.DeskAsync();
        var jmd = await host.DeskAsync("berater.jmd");
        var ready = await ReadyAsync(awo);
        var withoutConsent = await PassesApi.IssueAsync(awo, pin: ClientPin);
        var jmdPresence = await PresenceTokenAsync(jmd, ready.Pass);

        using (var noPresence = await HistoryAsync(awo, ready.Pass, null))
        using (var foreignPresence = await HistoryAsync(awo, ready.Pass, jmdPresence))
        using (var noConsent = await HistoryAsync(awo, withoutConsent, await PresenceTokenAsync(awo, withoutConsent)))
        {
            await ProblemAssert.IsProblemAsync(noPresence, HttpStatusCode.Forbidden, "presence-required");
            await ProblemAssert.IsProblemAsync(foreignPresence, HttpStatusCode.Forbidden, "presence-required");
            await ProblemAssert.IsProblemAsync(noConsent, HttpStatusCode.Forbidden, "consent-missing");
        }

        using (var withdrawn = await WithdrawAsync(awo, ready.Pass, ready.ConsentId))
        {
            Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
        }

        using (var afterWithdrawal = await HistoryAsync(jmd, ready.Pass, jmdPresence))
        {
            await ProblemAssert.IsProblemAsync(afterWithdrawal, HttpStatusCode.Forbidden, "consent-missing");
        }

        Assert.Equal(0, await ViewsAsync(ready.Pass));
        Assert.Equal(0, await ViewsAsync(withoutConsent));
        Assert.Empty((await StoredHistoryAsync(ready.Pass)).Views);
    }

    [Fact]
    public async Task Displays_at_the_same_moment_are_each_recorded_once()
    {
        var awo = await host.DeskAsync();
        var jmd = await host.DeskAsync("berater.jmd");
        var ready = await ReadyAsync(awo);
        var jmdPresence = await PresenceTokenAsync(jmd, ready.Pass);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            i % 2 == 0 ? HistoryAsync(awo, ready.Pass, ready.PresenceToken) : HistoryAsync(jmd, ready.Pass, jmdPresence)));
        foreach (var answer in answers)
        {
            await OkBodyAsync(answer, HttpStatusCode.OK);
            answer.Dispose();
        }

        Assert.Equal(8, await ViewsAsync(ready.Pass));
        Assert.Equal(8, (await StoredHistoryAsync(ready.Pass)).Views.Count);
    }
}
