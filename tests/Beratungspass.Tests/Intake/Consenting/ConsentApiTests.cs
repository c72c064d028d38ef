using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NodaTime;
using static Beratungspass.Tests.Infrastructure.IntakeCalls;

namespace Beratungspass.Tests.Intake.Consenting;

/// <summary>Consent first: what a counsellor's institution may see and record follows the client's consent, given and withdrawn with their PIN.</summary>
public sealed class ConsentApiTests(ConsentApiTests.Host host) : IClassFixture<ConsentApiTests.Host>
{
    public sealed class Host(TestPostgres postgres) : ClockedAppHost(postgres);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> PassIdAsync(IssuedPass pass) => (await PassesApi.CardAsync(host.Store, pass.PassCode)).Id;

    [Fact]
    public async Task Without_a_consent_the_history_and_recording_are_refused_and_nothing_is_stored()
    {
        var client = await host.DeskAsync();
        var pass = await PassesApi.IssueAsync(client, pin: ClientPin);
        var presence = await PresenceTokenAsync(client, pass);
        var before = await StoredRows.CountAsync(host.ConnectionString);

        using var history = await HistoryAsync(client, pass, presence);
        using var record = await RecordAsync(client, pass, presence);
        using var inEnglish = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/passes/{pass.CodeValue}/history")
        {
            Content = JsonContent.Create(new { presenceToken = presence }),
        }.InEnglish(), Ct);

        await ProblemAssert.IsProblemAsync(history, HttpStatusCode.Forbidden, "consent-missing");
        await ProblemAssert.IsProblemAsync(record, HttpStatusCode.Forbidden, "consent-missing");
        await ProblemAssert.IsProblemAsync(inEnglish, HttpStatusCode.Forbidden, "consent-missing", english: true);
        Assert.Equal(before, await StoredRows.CountAsync(host.ConnectionString));
    }

    [Fact]
    public async Task A_consent_given_with_the_PIN_shows_the_history_at_once_and_lists_itself()
    {
        var client = await host.DeskAsync();
        var pass = await PassesApi.IssueAsync(client, pin: ClientPin);
        var validUntil = host.Clock.Today.PlusMonths(6);

        using var granted = await GrantAsync(client, pass, purposes: ["statistics", "show-history", "record-contacts", "show-history"], validUntil: validUntil);

        var body = await OkBodyAsync(granted, HttpStatusCode.Created);
        var consentId = body.GetProperty("consentId").GetString()!;
        Assert.Equal($"/api/v1/passes/{pass.CodeValue}/consents/{consentId}", granted.Headers.Location!.OriginalString);
        var history = await ShownHistoryAsync(client, pass, body.GetProperty("presenceToken").GetString()!);
        var consent = Assert.Single(history.GetProperty("consents").EnumerateArray());
        Assert.Equal(consentId, consent.GetProperty("consentId").GetString());
        Assert.Equal("whole-network", consent.GetProperty("scope").GetString());
        Assert.Equal(["show-history", "record-contacts", "statistics"], consent.GetProperty("purposes").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(Iso(validUntil), consent.GetProperty("validUntil").GetString());
        Assert.Empty(history.GetProperty("services").EnumerateArray());
    }

    [Fact]
    public async Task A_consent_for_listed_institutions_shows_and_records_only_for_those()
    {
        var awo = await host.DeskAsync();
        var jmd = await host.DeskAsync("berater.jmd");
        var pass = await PassesApi.IssueAsync(awo, pin: ClientPin);
        var (_, awoPresence) = await ConsentAsync(awo, pass, "listed-institutions", ["mbe-awo-unna"]);
        var jmdPresence = await PresenceTokenAsync(jmd, pass);
        var before = await StoredRows.CountAsync(host.ConnectionString);

        using var jmdHistory = await HistoryAsync(jmd, pass, jmdPresence);
        using var jmdRecord = await RecordAsync(jmd, pass, jmdPresence, serviceId: "jmd-caritas-luenen");

        await ProblemAssert.IsProblemAsync(jmdHistory, HttpStatusCode.Forbidden, "consent-missing");
        await ProblemAssert.IsProblemAsync(jmdRecord, HttpStatusCode.Forbidden, "consent-missing");
        Assert.Equal(before, await StoredRows.CountAsync(host.ConnectionString));
        var awoHistory = await ShownHistoryAsync(awo, pass, awoPresence);
        Assert.Equal(["mbe-awo-unna"], Assert.Single(awoHistory.GetProperty("consents").EnumerateArray()).GetProperty("institutionIds").EnumerateArray().Select(i => i.GetString()));
    }

    [Fact]
    public async Task A_consent_to_show_the_history_only_shows_it_but_refuses_recording()
    {
        var client = await host.DeskAsync();
        var pass = await PassesApi.IssueAsync(client, pin: ClientPin);
        var (_, presence) = await ConsentAsync(client, pass, purposes: ["show-history"]);

        await ShownHistoryAsync(client, pass, presence);
        var before = await StoredRows.CountAsync(host.ConnectionString);
        using var record = await RecordAsync(client, pass, presence);

        await ProblemAssert.IsProblemAsync(record, HttpStatusCode.Forbidden, "consent-missing");
        Assert.Equal(before, await StoredRows.CountAsync(host.ConnectionString));
    }

    [Fact]
    public async Task A_consent_to_record_only_records_but_does_not_show_the_history()
    {
        var client = await host.DeskAsync();
        var pass = await PassesApi.IssueAsync(client, pin: ClientPin);
        var (_, presence) = await ConsentAsync(client, pass, purposes: ["record-contacts"]);

        using var history = await HistoryAsync(client, pass, presence);
        using var record = await RecordAsync(client, pass, presence);

        await ProblemAssert.IsProblemAsync(history, HttpStatusCode.Forbidden, "consent-missing");
        Assert.Equal(HttpStatusCode.Created, record.StatusCode);
        Assert.Equal(0, await StoredEvents.CountAsync(host.ConnectionString, await PassIdAsync(pass), "history_viewed"));
    }

    [Fact]
    public async Task A_withdrawal_with_the_PIN_takes_effect_at_once()
    {
        var client = await host.DeskAsync();
        var ready = await ReadyAsync(client);
        await ShownHistoryAsync(client, ready.Pass, ready.PresenceToken);

        using var withdrawn = await WithdrawAsync(client, ready.Pass, ready.ConsentId);
        Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
        var before = await StoredRows.CountAsync(host.ConnectionString);
        using var history = await HistoryAsync(client, ready.Pass, ready.PresenceToken);
        using var record = await RecordAsync(client, ready.Pass, ready.PresenceToken);

        await ProblemAssert.IsProblemAsync(history, HttpStatusCode.Forbidden, "consent-missing");
        await ProblemAssert.IsProblemAsync(record, HttpStatusCode.Forbidden, "consent-missing");
        Assert.Equal(before, await StoredRows.CountAsync(host.ConnectionString));
        Assert.Equal(1, await StoredEvents.CountAsync(host.ConnectionString, await PassIdAsync(ready.Pass), "consent_withdrawn"));
    }

    [Fact]
    public async Task A_withdrawal_with_a_wrong_PIN_changes_nothing()
    {
        var client = await host.DeskAsync();
        var ready = await ReadyAsync(client);
        var before = await StoredRows.CountAsync(host.ConnectionString);

        using var refused = await WithdrawAsync(client, ready.Pass, ready.ConsentId, pin: "8352");

        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Forbidden, "pin-wrong");
        Assert.Equal(4, problem.GetProperty("attemptsLeft").GetInt32());
        Assert.Equal(before, await StoredRows.CountAsync(host.ConnectionString));
        var history = await ShownHistoryAsync(client, ready.Pass, ready.PresenceToken);
        Assert.Equal(ready.ConsentId, Assert.Single(history.GetProperty("consents").EnumerateArray()).GetProperty("consentId").GetString());
    }

    [Theory]
    [InlineData("withdrawn already")]
    [InlineData("never given")]
    [InlineData("x' OR '1'='1")]
    public async Task Withdrawing_a_consent_that_is_not_active_is_refused_and_stores_nothing(string which)
    {
        var client = await host.DeskAsync();
        var ready = await ReadyAsync(client);
        var consentId = which == "withdrawn already" ? ready.ConsentId : which == "never given" ? Guid.NewGuid().ToString("N") : which;
        if (which == "withdrawn already")
        {
            using var first = await WithdrawAsync(client, ready.Pass, ready.ConsentId);
            Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        }

        var before = await StoredRows.CountAsync(host.ConnectionString);
        using var refused = await WithdrawAsync(client, ready.Pass, consentId);

        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Conflict, "consent-not-active");
        Assert.Equal(before, await StoredRows.CountAsync(host.ConnectionString));
    }

    [Fact]
    public async Task A_consent_may_end_today_or_two_years_ahead_to_the_day()
    {
        var client = await host.DeskAsync();
        var pass = await PassesApi.IssueAsync(client, pin: ClientPin);

        using var today = await GrantAsync(client, pass, validUntil: host.Clock.Today);
        using var twoYears = await GrantAsync(client, pass, validUntil: host.Clock.Today.PlusYears(2));

        Assert.Equal(HttpStatusCode.Created, today.StatusCode);
        Assert.Equal(HttpStatusCode.Created, twoYears.StatusCode);
    }

    public static TheoryData<string> RefusedConsents =>
    [
        "two years and a day", "yesterday", "no purposes", "purposes missing", "listed without institutions",
        "listed with a blank institution", "listed with an unknown institution", "scope missing", "validity missing",
        "validity in German format", "validity on an impossible day",
    ];

    [Theory]
    [MemberData(nameof(RefusedConsents))]
    public async Task A_consent_out_of_the_rules_is_refused_in_German_or_English_and_nothing_is_stored(string which)
    {
        var client = await host.DeskAsync();
        var pass = await PassesApi.IssueAsync(client, pin: ClientPin);
        var today = host.Clock.Today;
        var body = new Dictionary<string, object?>
        {
            ["scope"] = "whole-network",
            ["institutionIds"] = Array.Empty<string>(),
            ["purposes"] = AllPurposes,
            ["validUntil"] = Iso(today.PlusYears(1)),
            ["pin"] = ClientPin,
        };
        switch (which)
        {
            case "two years and a day": body["validUntil"] = Iso(today.PlusYears(2).PlusDays(1)); break;
            case "yesterday": body["validUntil"] = Iso(today.PlusDays(-1)); break;
            case "no purposes": body["purposes"] = Array.Empty<string>(); break;
            case "purposes missing": body.Remove("purposes"); break;
            case "listed without institutions": body["scope"] = "listed-institutions"; break;
            case "listed with a blank institution": body["scope"] = "listed-institutions"; body["institutionIds"] = new[] { " " }; break;
            case "listed with an unknown institution": body["scope"] = "listed-institutions"; body["institutionIds"] = new[] { "mbe-awo-unna", "Frau Yilmaz' Anwalt" }; break;
            case "scope missing": body.Remove("scope"); break;
            case "validity missing": body.Remove("validUntil"); break;
            case "validity in German format": body["validUntil"] = today.PlusYears(1).ToString("dd.MM.yyyy", null); break;
            case "validity on an impossible day": body["validUntil"] = $"{today.Year + 1}-02-30"; break;
            default: throw new ArgumentOutOfRangeException(nameof(which));
        }

        var before = await StoredRows.CountAsync(host.ConnectionString);

        using var german = await client.PostAsJsonAsync($"/api/v1/passes/{pass.CodeValue}/consents", body, Ct);
        using var english = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/passes/{pass.CodeValue}/consents") { Content = JsonContent.Create(body) }.InEnglish(), Ct);

        await ProblemAssert.IsProblemAsync(german, HttpStatusCode.BadRequest, "consent-invalid");
        await ProblemAssert.IsProblemAsync(english, HttpStatusCode.BadRequest, "consent-invalid", english: true);
        Assert.Equal(before, await StoredRows.CountAsync(host.ConnectionString));
        // A refused consent costs the client no PIN attempt.
        using var wrong = await PresenceAsync(client, pass, "8352");
        Assert.Equal(4, (await ProblemAssert.IsProblemAsync(wrong, HttpStatusCode.Forbidden, "pin-wrong")).GetProperty("attemptsLeft").GetInt32());
    }

    [Fact]
    public async Task A_consent_confirmed_with_a_wrong_PIN_is_not_recorded()
    {
        var client = await host.DeskAsync();
        var pass = await PassesApi.IssueAsync(client, pin: ClientPin);
        var before = await StoredRows.CountAsync(host.ConnectionString);

        using var refused = await GrantAsync(client, pass, pin: "8352");
        using var withoutPin = await GrantAsync(client, pass, pin: null);

        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Forbidden, "pin-wrong");
        await ProblemAssert.IsProblemAsync(withoutPin, HttpStatusCode.BadRequest, "pin-missing");
        Assert.Equal(before, await StoredRows.CountAsync(host.ConnectionString));
        // The wrong PIN counted once; the missing one did not.
        using var next = await PresenceAsync(client, pass, "8353");
        Assert.Equal(3, (await ProblemAssert.IsProblemAsync(next, HttpStatusCode.Forbidden, "pin-wrong")).GetProperty("attemptsLeft").GetInt32());
        using var history = await HistoryAsync(client, pass, await PresenceTokenAsync(client, pass));
        await ProblemAssert.IsProblemAsync(history, HttpStatusCode.Forbidden, "consent-missing");
    }
}
