using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Beratungspass.ServiceDirectory;
using Marten;
using NodaTime;
using static Beratungspass.Tests.Infrastructure.IntakeCalls;
using static Beratungspass.Tests.Referrals.ReferralCalls;

namespace Beratungspass.Tests.Referrals;

/// <summary>Refused referrals and answers: a clear 4xx problem document each time, and nothing stored.</summary>
public sealed class ReferralBadInputTests(ReferralBadInputTests.Host host) : IClassFixture<ReferralBadInputTests.Host>
{
    public sealed class Host(TestPostgres postgres) : AppHost(postgres)
    {
        public const string RetiredService = "drk-tracing-service";
        public const string InactiveService = "mbe-drk-kamen";

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            await using var session = Store.LightweightSession();
            var inactive = (await session.LoadAsync<DirectoryService>(DirectoryStreams.Service(InactiveService)))!;
            var now = SystemClock.Instance.GetCurrentInstant();
            session.Events.Append(DirectoryStreams.Service(RetiredService), new ServiceRetired(RetiredService, "drk-kreis-unna", "test", now));
            session.Events.Append(DirectoryStreams.Service(InactiveService), new ServiceChanged(InactiveService, inactive.OrganizationId,
                inactive.Details with { Status = ServiceStatus.Inactive }, inactive.StaffContacts, "test", now));
            await session.SaveChangesAsync();
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] PersonalTopic = ["Frau Muster aus Syrien"];

    /// <summary>Sends the request and asserts the problem and that nothing at all was stored.</summary>
    private async Task<JsonElement> RefusedAsync(Func<Task<HttpResponseMessage>> send, HttpStatusCode status, string code)
    {
        var before = await StoredRows.CountAsync(host.ConnectionString);
        using var answer = await send();
        var problem = await ProblemAssert.IsProblemAsync(answer, status, code);
        Assert.Equal(before, await StoredRows.CountAsync(host.ConnectionString));
        return problem;
    }

    private async Task<(HttpClient Awo, ReadyPass Ready)> ReadyAtAwoAsync()
    {
        var awo = await host.DeskAsync();
        return (awo, await ReadyAsync(awo));
    }

    [Theory]
    [InlineData("mbe-awo-unna", HttpStatusCode.BadRequest, "referral-to-own-institution")]
    [InlineData("awo-antidiscrimination", HttpStatusCode.BadRequest, "referral-to-own-institution")]
    [InlineData(Host.RetiredService, HttpStatusCode.Conflict, "service-retired")]
    [InlineData(Host.InactiveService, HttpStatusCode.Conflict, "service-not-active")]
    [InlineData("no-such-service", HttpStatusCode.NotFound, "service-not-found")]
    public async Task A_referral_goes_only_to_an_active_service_of_another_institution(string toServiceId, HttpStatusCode status, string code)
    {
        var (awo, ready) = await ReadyAtAwoAsync();

        await RefusedAsync(() => RequestAsync(awo, Body(ready.Pass.CodeValue, ready.PresenceToken, toServiceId: toServiceId)), status, code);
    }

    [Fact]
    public async Task Without_a_consent_to_referrals_nothing_is_referred_even_with_the_client_present()
    {
        var awo = await host.DeskAsync();
        var pass = await PassesApi.IssueAsync(awo, pin: ClientPin);
        var presence = await PresenceTokenAsync(awo, pass);
        await RefusedAsync(() => RequestAsync(awo, Body(pass.CodeValue, presence)), HttpStatusCode.Forbidden, "consent-missing");

        var (_, token) = await ConsentAsync(awo, pass, purposes: ["show-history", "record-contacts"]);
        await RefusedAsync(() => RequestAsync(awo, Body(pass.CodeValue, token)), HttpStatusCode.Forbidden, "consent-missing");
    }

    [Fact]
    public async Task Without_the_release_or_on_an_older_release_text_nothing_is_referred()
    {
        var (awo, ready) = await ReadyAtAwoAsync();

        await RefusedAsync(() => RequestAsync(awo, Body(ready.Pass.CodeValue, ready.PresenceToken, textVersion: null)), HttpStatusCode.Forbidden, "release-missing");
        var outdated = await RefusedAsync(() => RequestAsync(awo, Body(ready.Pass.CodeValue, ready.PresenceToken, textVersion: "2025-1")),
            HttpStatusCode.Conflict, "release-text-outdated");
        Assert.Equal(Beratungspass.Referrals.Requesting.ReleaseTextVersion.Current, outdated.GetProperty("currentTextVersion").GetString());
        await RefusedAsync(() => RequestAsync(awo, Body(ready.Pass.CodeValue, ready.PresenceToken, language: "xx")), HttpStatusCode.BadRequest, "language-invalid");
    }

    [Fact]
    public async Task Without_the_client_present_nothing_is_referred()
    {
        var (awo, ready) = await ReadyAtAwoAsync();
        var jmd = await host.DeskAsync("berater.jmd");

        await RefusedAsync(() => RequestAsync(awo, Body(ready.Pass.CodeValue, null)), HttpStatusCode.Forbidden, "presence-required");
        await RefusedAsync(() => RequestAsync(awo, Body(ready.Pass.CodeValue, ready.PresenceToken[..^4] + "AAAA")), HttpStatusCode.Forbidden, "presence-required");
        // A proof given at the AWO desk is no proof at the JMD's.
        await RefusedAsync(() => RequestAsync(jmd, Body(ready.Pass.CodeValue, ready.PresenceToken, toServiceId: "mbe-awo-unna")), HttpStatusCode.Forbidden, "presence-required");
    }

    [Fact]
    public async Task A_referral_says_what_it_is_about_and_how_it_was_coordinated()
    {
        var (awo, ready) = await ReadyAtAwoAsync();
        Dictionary<string, object?> With(string key, object? value)
        {
            var body = Body(ready.Pass.CodeValue, ready.PresenceToken);
            body[key] = value;
            return body;
        }

        await RefusedAsync(() => RequestAsync(awo, With("topics", Array.Empty<string>())), HttpStatusCode.BadRequest, "topics-invalid");
        await RefusedAsync(() => RequestAsync(awo, With("topics", PersonalTopic)), HttpStatusCode.BadRequest, "topics-invalid");
        await RefusedAsync(() => RequestAsync(awo, With("coordination", null)), HttpStatusCode.BadRequest, "coordination-missing");
        await RefusedAsync(() => RequestAsync(awo, With("coordinationSkippedBecause", "Keine Zeit")), HttpStatusCode.BadRequest, "coordination-invalid");
        await RefusedAsync(() => RequestAsync(awo, With("coordination", new { reached = "Frau Beispiel", calledAt = "2020-01-01T10:00:00Z", result = "agreed" })),
            HttpStatusCode.BadRequest, "coordination-invalid");
        var staff = await RefusedAsync(() => RequestAsync(awo, With("coordination", new { staffContactId = Guid.NewGuid(), calledAt = CalledAt(), result = "agreed" })),
            HttpStatusCode.BadRequest, "coordination-invalid");
        Assert.Equal("staffContactId", staff.GetProperty("field").GetString());
        await RefusedAsync(() => RequestAsync(awo, With("coordination", new { reached = "x", calledAt = CalledAt(), result = "maybe" })), HttpStatusCode.BadRequest, "request-invalid");
        await RefusedAsync(() => RequestAsync(awo, With("note", new string('x', 1001))), HttpStatusCode.BadRequest, "referral-note-too-long");
        await RefusedAsync(() => RequestAsync(awo, With("referralId", "r-1")), HttpStatusCode.BadRequest, "referral-id-invalid");
        await RefusedAsync(() => RequestAsync(awo, With("fromServiceId", "jmd-caritas-luenen")), HttpStatusCode.Forbidden, "referring-service-not-yours");
        await RefusedAsync(() => RequestAsync(awo, With("clientName", "Frau Muster")), HttpStatusCode.BadRequest, "request-invalid");
        await RefusedAsync(() => RequestAsync(awo, With("passCode", "DEM2-KART-T")), HttpStatusCode.BadRequest, "pass-code-typo");
    }

    [Fact]
    public async Task A_closed_referral_takes_no_further_answer_nor_another_outcome()
    {
        var (awo, ready) = await ReadyAtAwoAsync();
        var jmd = await host.DeskAsync("berater.jmd");
        var requested = await RequestedAsync(awo, Body(ready.Pass.CodeValue, ready.PresenceToken));
        var id = IdOf(requested);

        // The state machine: no outcome before the referral was accepted.
        await RefusedAsync(() => StepAsync(jmd, id, "completion", new { expectedVersion = VersionOf(requested), outcome = "counselling-took-place" }),
            HttpStatusCode.Conflict, "referral-transition-invalid");
        var accepted = await SteppedAsync(jmd, id, "acceptance", new { expectedVersion = VersionOf(requested) });
        var completed = await SteppedAsync(jmd, id, "completion", new { expectedVersion = VersionOf(accepted), outcome = "client-did-not-come" });

        await RefusedAsync(() => StepAsync(jmd, id, "acceptance", new { expectedVersion = VersionOf(completed) }), HttpStatusCode.Conflict, "referral-closed");
        await RefusedAsync(() => StepAsync(jmd, id, "completion", new { expectedVersion = VersionOf(completed), outcome = "counselling-took-place" }),
            HttpStatusCode.Conflict, "referral-closed");
        await RefusedAsync(() => StepAsync(awo, id, "cancellation", new { expectedVersion = VersionOf(completed), reason = "client-declined" }),
            HttpStatusCode.Conflict, "referral-closed");
        Assert.Equal(("completed", "client-did-not-come"), await StatusAsync(jmd, id));
    }

    [Fact]
    public async Task Each_side_takes_only_its_own_steps_with_fitting_reasons_and_a_third_institution_learns_nothing()
    {
        var (awo, ready) = await ReadyAtAwoAsync();
        var jmd = await host.DeskAsync("berater.jmd");
        var requested = await RequestedAsync(awo, Body(ready.Pass.CodeValue, ready.PresenceToken));
        var id = IdOf(requested);
        var version = VersionOf(requested);

        await RefusedAsync(() => StepAsync(awo, id, "acceptance", new { expectedVersion = version }), HttpStatusCode.Forbidden, "referral-not-yours");
        await RefusedAsync(() => StepAsync(jmd, id, "cancellation", new { expectedVersion = version, reason = "client-declined" }), HttpStatusCode.Forbidden, "referral-not-yours");
        await RefusedAsync(() => StepAsync(jmd, id, "rejection", new { expectedVersion = version, reason = "counselling-took-place" }), HttpStatusCode.BadRequest, "referral-outcome-invalid");
        await RefusedAsync(() => StepAsync(jmd, id, "rejection", new { expectedVersion = version }), HttpStatusCode.BadRequest, "referral-outcome-invalid");
        await RefusedAsync(() => StepAsync(jmd, id, "result-seen", new { }), HttpStatusCode.Forbidden, "referral-not-yours");
        await RefusedAsync(() => StepAsync(jmd, id, "acceptance", new { }), HttpStatusCode.BadRequest, "request-invalid");
        await RefusedAsync(() => StepAsync(jmd, id, "acceptance", new { expectedVersion = version, outcome = "no-capacity" }), HttpStatusCode.BadRequest, "request-invalid");

        await TestAccounts.CreateAsync(host, "berater.psz", institutionId: "psz-unna");
        using var psz = await host.SignedInAsync("berater.psz", TestAccounts.Password);
        await RefusedAsync(() => psz.GetAsync($"/api/v1/referrals/{id}", Ct), HttpStatusCode.NotFound, "referral-not-found");
        await RefusedAsync(() => StepAsync(psz, id, "acceptance", new { expectedVersion = version }), HttpStatusCode.NotFound, "referral-not-found");
        Assert.Null(Find(await GetAsync(psz, "/api/v1/referrals/inbox"), id));
        await RefusedAsync(() => awo.GetAsync("/api/v1/referrals/not-an-id", Ct), HttpStatusCode.NotFound, "referral-not-found");
    }

    [Fact]
    public async Task An_answer_on_an_older_version_is_changed_meanwhile_unless_only_the_referrer_looked()
    {
        var (awo, ready) = await ReadyAtAwoAsync();
        var jmd = await host.DeskAsync("berater.jmd");
        var requested = await RequestedAsync(awo, Body(ready.Pass.CodeValue, ready.PresenceToken));
        var id = IdOf(requested);
        var logged = await SteppedAsync(awo, id, "coordinations", new { expectedVersion = VersionOf(requested), reached = "Zentrale", calledAt = CalledAt(), result = "not-reached" });

        await RefusedAsync(() => StepAsync(jmd, id, "acceptance", new { expectedVersion = VersionOf(requested) }), HttpStatusCode.Conflict, "changed-meanwhile");
        await RefusedAsync(() => StepAsync(jmd, id, "acceptance", new { expectedVersion = VersionOf(logged) + 5 }), HttpStatusCode.Conflict, "changed-meanwhile");
        var accepted = await SteppedAsync(jmd, id, "acceptance", new { expectedVersion = VersionOf(logged) });

        // The referrer reads the acceptance meanwhile: the JMD's next step, built on the acceptance, still goes through.
        using (var seen = await awo.PostAsync($"/api/v1/referrals/{id}/result-seen", null, Ct))
        {
            Assert.True((await OkBodyAsync(seen, HttpStatusCode.OK)).GetProperty("marked").GetBoolean());
        }

        var started = await SteppedAsync(jmd, id, "start", new { expectedVersion = VersionOf(accepted) });
        Assert.Equal("in-progress", started.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Of_answers_given_at_the_same_moment_exactly_one_wins_and_the_others_are_told_it_changed_meanwhile()
    {
        var (awo, ready) = await ReadyAtAwoAsync();
        var requested = await RequestedAsync(awo, Body(ready.Pass.CodeValue, ready.PresenceToken));
        var id = IdOf(requested);
        var version = VersionOf(requested);
        var desks = new List<HttpClient>();
        for (var i = 0; i < 4; i++)
        {
            desks.Add(await host.SignedInAsync("berater.jmd"));
        }

        var before = await StoredRows.CountAsync(host.ConnectionString);
        var answers = await Task.WhenAll(desks.Select((desk, i) => i % 2 == 0
            ? StepAsync(desk, id, "acceptance", new { expectedVersion = version })
            : StepAsync(desk, id, "rejection", new { expectedVersion = version, reason = "no-capacity" })));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.OK))
        {
            await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Conflict, "changed-meanwhile");
        }

        Assert.Equal(before.Events + 1, (await StoredRows.CountAsync(host.ConnectionString)).Events);
        Assert.Equal(version + 1, VersionOf(await GetAsync(awo, $"/api/v1/referrals/{id}")));
        foreach (var item in answers.Concat<IDisposable>(desks))
        {
            item.Dispose();
        }
    }

    [Fact]
    public async Task The_inbox_shows_the_referral_but_nothing_of_the_clients_history()
    {
        var (awo, ready) = await ReadyAtAwoAsync();
        var jmd = await host.DeskAsync("berater.jmd");
        using (var contact = await RecordAsync(awo, ready.Pass, ready.PresenceToken, "awo-refugee-counselling-unna", ["asylum-procedure", "health"]))
        {
            await OkBodyAsync(contact, HttpStatusCode.Created);
        }

        var requested = await RequestedAsync(awo, Body(ready.Pass.CodeValue, ready.PresenceToken, topics: ["education"]));

        using var inbox = await jmd.GetAsync("/api/v1/referrals/inbox", Ct);
        var text = await inbox.Content.ReadAsStringAsync(Ct);
        var incoming = Find(JsonDocument.Parse(text).RootElement, IdOf(requested))!.Value.GetRawText();
        foreach (var leak in new[] { "asylum-procedure", "health", "awo-refugee-counselling-unna", "services", "contacts", "passId", "consent", "history", "requestedBy", "presence" })
        {
            Assert.DoesNotContain(leak, incoming, StringComparison.OrdinalIgnoreCase);
        }

        var get = await GetAsync(jmd, $"/api/v1/referrals/{IdOf(requested)}");
        Assert.DoesNotContain("asylum-procedure", get.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("koordination.kim", "Demo-Koordination-2026")]
    [InlineData("admin", "Demo-Admin-2026")]
    public async Task Coordinators_and_administrators_reach_no_referral(string user, string password)
    {
        var (awo, ready) = await ReadyAtAwoAsync();
        var requested = await RequestedAsync(awo, Body(ready.Pass.CodeValue, ready.PresenceToken));
        var id = IdOf(requested);
        using var other = await host.SignedInAsync(user, password);

        await RefusedAsync(() => RequestAsync(other, Body(ready.Pass.CodeValue, ready.PresenceToken)), HttpStatusCode.Forbidden, "forbidden");
        await RefusedAsync(() => StepAsync(other, id, "acceptance", new { expectedVersion = VersionOf(requested) }), HttpStatusCode.Forbidden, "forbidden");
        foreach (var path in new[] { $"/api/v1/referrals/{id}", "/api/v1/referrals/inbox", "/api/v1/referrals/outbox" })
        {
            await RefusedAsync(() => other.GetAsync(path, Ct), HttpStatusCode.Forbidden, "forbidden");
        }

        using var release = await other.GetAsync("/referrals/release?service=jmd-caritas-luenen", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, release.StatusCode);
    }

    private static async Task<(string Status, string? Outcome)> StatusAsync(HttpClient client, string id)
    {
        var referral = await GetAsync(client, $"/api/v1/referrals/{id}");
        return (referral.GetProperty("status").GetString()!, referral.GetProperty("outcome").GetString());
    }
}
