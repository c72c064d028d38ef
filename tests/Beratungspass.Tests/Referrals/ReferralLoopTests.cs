using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Beratungspass.Referrals;
using Marten;
using static Beratungspass.Tests.Infrastructure.IntakeCalls;
using static Beratungspass.Tests.Referrals.ReferralCalls;

namespace Beratungspass.Tests.Referrals;

/// <summary>
/// The whole loop over the API, as the two institutions' systems see it: AWO Unna refers a client after a call to
/// the JMD Lünen; the JMD finds it in its inbox, accepts, starts and completes it; AWO sees the outcome.
/// </summary>
public sealed class ReferralLoopTests(ReferralLoopTests.Host host) : IClassFixture<ReferralLoopTests.Host>
{
    public sealed class Host(TestPostgres postgres) : AppHost(postgres);

    private const string DemoPin = "4711";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_referral_after_a_call_reaches_the_inbox_is_answered_and_its_outcome_reaches_the_referrer()
    {
        var awo = await host.DeskAsync();
        var jmd = await host.DeskAsync("berater.jmd");
        var pass = new IssuedPass("DEM2-KART-S", 1, 0);
        using (var consent = await GrantAsync(awo, pass, DemoPin, purposes: ["show-history", "referrals"]))
        {
            await OkBodyAsync(consent, HttpStatusCode.Created);
        }

        var presence = await PresenceTokenAsync(awo, pass, DemoPin);
        var referralId = NewId();
        var body = Body("DEM2KARTS", presence, referralId, topics: ["work", "education"]);

        var requested = await RequestedAsync(awo, body);

        Assert.Equal(("referrer", "requested", "DEM2-KART-S"), (requested.GetProperty("side").GetString(), requested.GetProperty("status").GetString(), requested.GetProperty("passCode").GetString()));
        Assert.Equal(("ar", "pin"), (requested.GetProperty("release").GetProperty("language").GetString(), requested.GetProperty("release").GetProperty("confirmedBy").GetString()));

        // The receiving institution: pass code, topics, referring service and the call — nothing else.
        var inbox = await GetAsync(jmd, "/api/v1/referrals/inbox");
        var incoming = Find(inbox, referralId)!.Value;
        Assert.Equal("receiver", incoming.GetProperty("side").GetString());
        Assert.Equal("DEM2-KART-S", incoming.GetProperty("passCode").GetString());
        Assert.Equal(["education", "work"], incoming.GetProperty("topics").EnumerateArray().Select(t => t.GetProperty("code").GetString()));
        Assert.Equal("Migrationsberatung (MBE) AWO Unna", incoming.GetProperty("from").GetProperty("serviceName").GetString());
        var call = Assert.Single(incoming.GetProperty("coordinations").EnumerateArray());
        Assert.Equal(("Frau Beispiel", "agreed", "Termin Dienstag 10 Uhr"), (call.GetProperty("reached").GetString(), call.GetProperty("result").GetString(), call.GetProperty("note").GetString()));
        Assert.Equal(JsonValueKind.Null, incoming.GetProperty("resultUnseen").ValueKind);
        Assert.False(incoming.GetProperty("answerOverdue").GetBoolean());

        var accepted = await SteppedAsync(jmd, referralId, "acceptance", new { expectedVersion = VersionOf(incoming) });
        var started = await SteppedAsync(jmd, referralId, "start", new { expectedVersion = VersionOf(accepted) });
        var completed = await SteppedAsync(jmd, referralId, "completion", new { expectedVersion = VersionOf(started), outcome = "counselling-took-place", note = "Erstgespräch geführt" });
        Assert.Equal(("completed", "counselling-took-place"), (completed.GetProperty("status").GetString(), completed.GetProperty("outcome").GetString()));

        // The referrer learns the result, marked unseen until someone at AWO looked.
        var outbox = await GetAsync(awo, "/api/v1/referrals/outbox");
        var result = Find(outbox, referralId)!.Value;
        Assert.Equal(("completed", "counselling-took-place", "Erstgespräch geführt"),
            (result.GetProperty("status").GetString(), result.GetProperty("outcome").GetString(), result.GetProperty("outcomeNote").GetString()));
        Assert.True(result.GetProperty("resultUnseen").GetBoolean());
        Assert.True(outbox.GetProperty("unseenResults").GetInt32() >= 1);
        Assert.Equal(1, await UnseenAsync("mbe-awo-unna", referralId));

        using (var seen = await awo.PostAsJsonAsync($"/api/v1/referrals/{referralId}/result-seen", new { version = VersionOf(result) }, Ct))
        {
            Assert.True((await OkBodyAsync(seen, HttpStatusCode.OK)).GetProperty("marked").GetBoolean());
        }

        Assert.Equal(0, await UnseenAsync("mbe-awo-unna", referralId));
        Assert.False(Find(await GetAsync(awo, "/api/v1/referrals/outbox"), referralId)!.Value.GetProperty("resultUnseen").GetBoolean());

        // The client's history shows the referral and its outcome to a consenting viewer — here at the receiving JMD.
        var history = await ShownHistoryAsync(jmd, pass, await PresenceTokenAsync(jmd, pass, DemoPin));
        var shown = Assert.Single(history.GetProperty("referrals").EnumerateArray());
        Assert.Equal(("completed", "counselling-took-place", "jmd-caritas-luenen"),
            (shown.GetProperty("status").GetString(), shown.GetProperty("outcome").GetString(), shown.GetProperty("to").GetProperty("institutionId").GetString()));
        Assert.False(shown.TryGetProperty("note", out _));
    }

    [Fact]
    public async Task A_referral_sent_twice_with_the_same_id_is_made_once_and_the_id_is_no_one_elses()
    {
        var awo = await host.DeskAsync();
        var ready = await ReadyAsync(awo);
        var body = Body(ready.Pass.CodeValue, ready.PresenceToken);

        var first = await RequestedAsync(awo, body);
        using var again = await RequestAsync(awo, body);
        var replayed = await OkBodyAsync(again, HttpStatusCode.OK);

        Assert.Equal((IdOf(first), VersionOf(first)), (IdOf(replayed), VersionOf(replayed)));
        Assert.Equal(1, await StreamsAsync(IdOf(first)));

        // Another institution that happens to send the same id, for its own client, is refused and learns nothing.
        var jmd = await host.DeskAsync("berater.jmd");
        var other = await ReadyAsync(jmd);
        using var taken = await RequestAsync(jmd, Body(other.Pass.CodeValue, other.PresenceToken, IdOf(first), toServiceId: "mbe-awo-unna"));
        await ProblemAssert.IsProblemAsync(taken, HttpStatusCode.Conflict, "referral-id-taken");
    }

    [Fact]
    public async Task A_referral_without_a_call_records_why_and_the_referrer_can_log_a_call_while_it_waits()
    {
        var awo = await host.DeskAsync();
        var ready = await ReadyAsync(awo);
        var body = Body(ready.Pass.CodeValue, ready.PresenceToken, toServiceId: "mbe-caritas-werne");
        body["coordination"] = null;
        body["coordinationSkippedBecause"] = "Stelle heute nicht erreichbar, Person möchte morgen hingehen";

        var requested = await RequestedAsync(awo, body);
        Assert.Empty(requested.GetProperty("coordinations").EnumerateArray());

        var logged = await SteppedAsync(awo, IdOf(requested), "coordinations",
            new { expectedVersion = VersionOf(requested), reached = "Sekretariat", calledAt = CalledAt(), result = "agreed" });

        Assert.Equal("Sekretariat", Assert.Single(logged.GetProperty("coordinations").EnumerateArray()).GetProperty("reached").GetString());
        Assert.Equal("Stelle heute nicht erreichbar, Person möchte morgen hingehen", logged.GetProperty("coordinationSkippedBecause").GetString());
    }

    [Fact]
    public async Task The_referrer_may_withdraw_an_open_referral_with_a_reason_and_it_closes()
    {
        var awo = await host.DeskAsync();
        var ready = await ReadyAsync(awo);
        var requested = await RequestedAsync(awo, Body(ready.Pass.CodeValue, ready.PresenceToken));

        var cancelled = await SteppedAsync(awo, IdOf(requested), "cancellation", new { expectedVersion = VersionOf(requested), reason = "client-declined" });

        Assert.Equal(("cancelled", "client-declined"), (cancelled.GetProperty("status").GetString(), cancelled.GetProperty("outcome").GetString()));
        // Withdrawn by the referrer itself: nothing new for it to read.
        Assert.False(cancelled.GetProperty("resultUnseen").GetBoolean());
    }

    [Fact]
    public async Task The_intake_page_shows_the_pass_referrals_and_their_state_with_the_history()
    {
        var awo = await host.DeskAsync();
        var jmd = await host.DeskAsync("berater.jmd");
        var ready = await ReadyAsync(awo);
        var requested = await RequestedAsync(awo, Body(ready.Pass.CodeValue, ready.PresenceToken, topics: ["housing"]));
        await SteppedAsync(jmd, IdOf(requested), "rejection", new { expectedVersion = VersionOf(requested), reason = "no-capacity" });

        var form = await Forms.PageAsync(awo, $"/intake/{ready.Pass.CodeValue}");
        using var answer = await Forms.PostAsync(awo, $"/intake/{ready.Pass.CodeValue}?handler=History", form, ("presenceToken", ready.PresenceToken));
        var page = System.Net.WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("Vermittlungen", page, StringComparison.Ordinal);
        Assert.Contains("abgelehnt: keine Kapazität", page, StringComparison.Ordinal);
        Assert.Contains("Wohnen", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Bitte um Rückruf", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_request_sent_several_times_at_once_makes_one_referral()
    {
        var awo = await host.DeskAsync();
        var ready = await ReadyAsync(awo);
        var body = Body(ready.Pass.CodeValue, ready.PresenceToken);

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RequestAsync(awo, body)));

        var texts = await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync(Ct)));
        Assert.True(answers.Count(a => a.StatusCode == HttpStatusCode.Created) == 1, string.Join("\n", texts));
        Assert.True(answers.All(a => a.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK), string.Join("\n", answers.Select((a, i) => $"{(int)a.StatusCode} {texts[i]}")));
        Assert.Equal(1, await StreamsAsync((string)body["referralId"]!));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task The_API_description_lists_every_referral_operation_with_its_problems()
    {
        var awo = await host.DeskAsync();

        var paths = (await GetAsync(awo, "/openapi/v1.json")).GetProperty("paths");

        Assert.True(paths.GetProperty("/api/v1/referrals").GetProperty("post").GetProperty("responses").TryGetProperty("409", out _));
        foreach (var step in new[] { "acceptance", "rejection", "start", "completion", "failure", "cancellation", "coordinations", "result-seen" })
        {
            var operation = paths.GetProperty($"/api/v1/referrals/{{referralId}}/{step}").GetProperty("post");
            Assert.False(string.IsNullOrEmpty(operation.GetProperty("summary").GetString()), step);
        }

        foreach (var list in new[] { "/api/v1/referrals/inbox", "/api/v1/referrals/outbox", "/api/v1/referrals/{referralId}" })
        {
            Assert.True(paths.GetProperty(list).TryGetProperty("get", out _), list);
        }
    }

    private async Task<int> UnseenAsync(string institutionId, string referralId)
    {
        await using var session = host.Store.QuerySession();
        return await session.Query<ReferralCard>().CountAsync(r => r.FromInstitutionId == institutionId && r.ResultUnseen && r.ReferralId == referralId, Ct);
    }

    private async Task<int> StreamsAsync(string referralId) =>
        Convert.ToInt32((await Sql.RowAsync(host.ConnectionString,
            $"SELECT count(*) FROM beratungspass.mt_streams WHERE id = '{ReferralStreams.Key(referralId)}'"))[0], System.Globalization.CultureInfo.InvariantCulture);
}
