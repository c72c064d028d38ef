using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NodaTime;
using static Beratungspass.Tests.Infrastructure.IntakeCalls;

namespace Beratungspass.Tests.Intake.Recording;

/// <summary>Recording a contact: it shows in the history at once, a form sent twice records once, a stale form is told so, and a possible duplicate is asked about first.</summary>
public sealed class RecordingApiTests(RecordingApiTests.Host host) : IClassFixture<RecordingApiTests.Host>
{
    public sealed class Host(TestPostgres postgres) : ClockedAppHost(postgres);

    private const string Awo = "mbe-awo-unna";
    private const string Jmd = "jmd-caritas-luenen";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> PassIdAsync(IssuedPass pass) => (await PassesApi.CardAsync(host.Store, pass.PassCode)).Id;

    private async Task<long> ContactsStoredAsync(IssuedPass pass) => await StoredEvents.CountAsync(host.ConnectionString, await PassIdAsync(pass), "contact_recorded");

    private static async Task<long> VersionAsync(HttpClient client, ReadyPass ready, string? presenceToken = null) =>
        (await ShownHistoryAsync(client, ready.Pass, presenceToken ?? ready.PresenceToken)).GetProperty("version").GetInt64();

    private static async Task RecordedAsync(Task<HttpResponseMessage> recording)
    {
        using var answer = await recording;
        Assert.True((await OkBodyAsync(answer, HttpStatusCode.Created)).GetProperty("recorded").GetBoolean());
    }

    [Fact]
    public async Task A_recorded_contact_shows_in_the_history_with_institution_service_topics_count_and_dates()
    {
        var client = await host.DeskAsync();
        var ready = await ReadyAsync(client);
        var today = host.Clock.Today;

        using var first = await RecordAsync(client, ready.Pass, ready.PresenceToken, topics: ["work", "housing"], contactId: "erstgespraech-1");
        var body = await OkBodyAsync(first, HttpStatusCode.Created);
        Assert.Equal("erstgespraech-1", body.GetProperty("contactId").GetString());
        Assert.True(body.GetProperty("recorded").GetBoolean());
        Assert.Equal($"/api/v1/passes/{ready.Pass.CodeValue}/contacts/erstgespraech-1", first.Headers.Location!.OriginalString);
        await RecordedAsync(RecordAsync(client, ready.Pass, ready.PresenceToken, topics: ["housing"], date: today.PlusDays(-3), kind: "follow-up"));

        var history = await ShownHistoryAsync(client, ready.Pass, ready.PresenceToken);

        var use = Assert.Single(history.GetProperty("services").EnumerateArray());
        Assert.Equal(Awo, use.GetProperty("institutionId").GetString());
        Assert.Equal("Migrationsberatung für erwachsene Zuwanderer (AWO Unna)", use.GetProperty("institutionName").GetString());
        Assert.Equal("Migrationsberatung (MBE) AWO Unna", use.GetProperty("serviceName").GetString());
        Assert.Equal(2, use.GetProperty("contacts").GetInt32());
        Assert.Equal(Iso(today.PlusDays(-3)), use.GetProperty("firstDate").GetString());
        Assert.Equal(Iso(today), use.GetProperty("lastDate").GetString());
        Assert.Equal(
            [("housing", "Wohnen", "Housing", Iso(today)), ("work", "Arbeit und Arbeitssuche", "Work and job search", Iso(today))],
            use.GetProperty("topics").EnumerateArray().Select(t => (t.GetProperty("code").GetString(), t.GetProperty("labelDe").GetString(), t.GetProperty("labelEn").GetString(), t.GetProperty("lastDate").GetString())));
    }

    [Fact]
    public async Task Without_a_date_a_contact_is_recorded_for_today_in_Unna_also_just_after_midnight_there()
    {
        host.Clock.AdvanceToNext(new LocalTime(23, 30)); // 00:30 or 01:30 in Unna, still the day before in UTC
        var utcDate = host.Clock.GetCurrentInstant().InUtc().Date;
        Assert.Equal(utcDate.PlusDays(1), host.Clock.Today);
        var client = await host.DeskAsync();
        var ready = await ReadyAsync(client);

        await RecordedAsync(RecordAsync(client, ready.Pass, ready.PresenceToken));
        using var tomorrow = await RecordAsync(client, ready.Pass, ready.PresenceToken, date: host.Clock.Today.PlusDays(1));

        await ProblemAssert.IsProblemAsync(tomorrow, HttpStatusCode.BadRequest, "contact-date-invalid");
        var use = Assert.Single((await ShownHistoryAsync(client, ready.Pass, ready.PresenceToken)).GetProperty("services").EnumerateArray());
        Assert.Equal(Iso(host.Clock.Today), use.GetProperty("lastDate").GetString());
    }

    [Fact]
    public async Task A_contact_sent_twice_is_recorded_once_and_the_second_answer_says_so()
    {
        var client = await host.DeskAsync();
        var ready = await ReadyAsync(client);

        using var first = await RecordAsync(client, ready.Pass, ready.PresenceToken, contactId: "k-7f3a");
        using var again = await RecordAsync(client, ready.Pass, ready.PresenceToken, contactId: "k-7f3a");
        using var changed = await RecordAsync(client, ready.Pass, ready.PresenceToken, contactId: "k-7f3a", topics: ["debts"]);

        Assert.True((await OkBodyAsync(first, HttpStatusCode.Created)).GetProperty("recorded").GetBoolean());
        foreach (var replay in new[] { again, changed })
        {
            var body = await OkBodyAsync(replay, HttpStatusCode.OK);
            Assert.Equal("k-7f3a", body.GetProperty("contactId").GetString());
            Assert.False(body.GetProperty("recorded").GetBoolean());
        }

        Assert.Equal(1, await ContactsStoredAsync(ready.Pass));
        var use = Assert.Single((await ShownHistoryAsync(client, ready.Pass, ready.PresenceToken)).GetProperty("services").EnumerateArray());
        Assert.Equal(1, use.GetProperty("contacts").GetInt32());
        Assert.Equal(["housing"], use.GetProperty("topics").EnumerateArray().Select(t => t.GetProperty("code").GetString()));
    }

    [Theory]
    [InlineData("consent given")]
    [InlineData("consent withdrawn")]
    [InlineData("card reissued")]
    public async Task A_form_built_before_a_consent_or_card_change_is_refused_as_changed_meanwhile(string change)
    {
        var client = await host.DeskAsync();
        var ready = await ReadyAsync(client);
        var (secondConsent, _) = await ConsentAsync(client, ready.Pass);
        var formVersion = await VersionAsync(client, ready);
        using (var changed = change switch
        {
            "consent given" => await GrantAsync(client, ready.Pass),
            "consent withdrawn" => await WithdrawAsync(client, ready.Pass, secondConsent),
            _ => await client.PostAsJsonAsync($"/api/v1/passes/{ready.Pass.CodeValue}/card", new { }, Ct),
        })
        {
            Assert.True(changed.IsSuccessStatusCode, $"{change}: {(int)changed.StatusCode}");
        }

        var before = await StoredRows.CountAsync(host.ConnectionString);
        using var stale = await RecordAsync(client, ready.Pass, ready.PresenceToken, expectedVersion: formVersion);

        await ProblemAssert.IsProblemAsync(stale, HttpStatusCode.Conflict, "changed-meanwhile");
        Assert.Equal(before, await StoredRows.CountAsync(host.ConnectionString));
        await RecordedAsync(RecordAsync(client, ready.Pass, ready.PresenceToken, expectedVersion: await VersionAsync(client, ready)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(50)]
    public async Task A_form_version_the_pass_never_reached_is_refused_as_changed_meanwhile(long ahead)
    {
        var client = await host.DeskAsync();
        var ready = await ReadyAsync(client);
        var version = await VersionAsync(client, ready);
        var before = await StoredRows.CountAsync(host.ConnectionString);

        using var refused = await RecordAsync(client, ready.Pass, ready.PresenceToken, expectedVersion: version + ahead);

        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Conflict, "changed-meanwhile");
        Assert.Equal(before, await StoredRows.CountAsync(host.ConnectionString));
        await RecordedAsync(RecordAsync(client, ready.Pass, ready.PresenceToken, expectedVersion: version));
    }

    [Fact]
    public async Task Two_counsellors_recording_on_forms_from_before_each_others_contact_both_succeed()
    {
        var awo = await host.DeskAsync();
        var jmd = await host.DeskAsync("berater.jmd");
        var ready = await ReadyAsync(awo);
        var jmdPresence = await PresenceTokenAsync(jmd, ready.Pass);
        var awoForm = await VersionAsync(awo, ready);
        var jmdForm = await VersionAsync(jmd, ready, jmdPresence);

        await RecordedAsync(RecordAsync(awo, ready.Pass, ready.PresenceToken, Awo, ["housing"], expectedVersion: awoForm));
        await RecordedAsync(RecordAsync(jmd, ready.Pass, jmdPresence, Jmd, ["education"], expectedVersion: jmdForm));
        await RecordedAsync(RecordAsync(awo, ready.Pass, ready.PresenceToken, Awo, ["work"], expectedVersion: awoForm));

        var services = (await ShownHistoryAsync(awo, ready.Pass, ready.PresenceToken)).GetProperty("services").EnumerateArray()
            .ToDictionary(s => s.GetProperty("serviceId").GetString()!, s => s.GetProperty("contacts").GetInt32());
        Assert.Equal(new Dictionary<string, int> { [Awo] = 2, [Jmd] = 1 }, services);
    }

    [Fact]
    public async Task The_same_topic_at_another_service_within_six_months_is_asked_about_and_recorded_once_confirmed()
    {
        var awo = await host.DeskAsync();
        var jmd = await host.DeskAsync("berater.jmd");
        var ready = await ReadyAsync(awo);
        var yesterday = host.Clock.Today.PlusDays(-1);
        await RecordedAsync(RecordAsync(awo, ready.Pass, ready.PresenceToken, Awo, ["housing", "work"], date: yesterday));
        var jmdPresence = await PresenceTokenAsync(jmd, ready.Pass);
        var before = await StoredRows.CountAsync(host.ConnectionString);

        using var asked = await RecordAsync(jmd, ready.Pass, jmdPresence, Jmd, ["housing", "education"], contactId: "jmd-1");

        var problem = await ProblemAssert.IsProblemAsync(asked, HttpStatusCode.Conflict, "possible-duplicate");
        var duplicate = Assert.Single(problem.GetProperty("duplicates").EnumerateArray());
        Assert.Equal(
            ("housing", Awo, Awo, Iso(yesterday)),
            (duplicate.GetProperty("topic").GetString(), duplicate.GetProperty("institutionId").GetString(), duplicate.GetProperty("serviceId").GetString(), duplicate.GetProperty("lastDate").GetString()));
        Assert.Equal(before, await StoredRows.CountAsync(host.ConnectionString));

        await RecordedAsync(RecordAsync(jmd, ready.Pass, jmdPresence, Jmd, ["housing", "education"], contactId: "jmd-1", confirmDuplicate: true));
        // A follow-up at the service that handled the topic is no duplicate.
        await RecordedAsync(RecordAsync(awo, ready.Pass, ready.PresenceToken, Awo, ["work"]));
        Assert.Equal(3, await ContactsStoredAsync(ready.Pass));
    }

    [Theory]
    [InlineData(Awo, false)] // another institution's service, on a topic that would also be a possible duplicate
    [InlineData(Awo, true)]
    [InlineData("abh-residence", false)]
    [InlineData("no-such-service", false)]
    public async Task A_service_of_another_institution_is_refused_before_any_duplicate_question(string serviceId, bool confirmDuplicate)
    {
        var awo = await host.DeskAsync();
        var jmd = await host.DeskAsync("berater.jmd");
        var ready = await ReadyAsync(awo);
        await RecordedAsync(RecordAsync(awo, ready.Pass, ready.PresenceToken, Awo, ["housing"]));
        var jmdPresence = await PresenceTokenAsync(jmd, ready.Pass);
        var before = await StoredRows.CountAsync(host.ConnectionString);

        using var refused = await RecordAsync(jmd, ready.Pass, jmdPresence, serviceId, ["housing"], confirmDuplicate: confirmDuplicate);

        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Forbidden, "service-not-yours");
        Assert.Equal(before, await StoredRows.CountAsync(host.ConnectionString));
    }

    [Theory]
    [InlineData("tomorrow", "contact-date-invalid", null)]
    [InlineData("91 days ago", "contact-date-invalid", null)]
    [InlineData("no topic", "topics-invalid", null)]
    [InlineData("astrology", "topics-invalid", "astrology")]
    [InlineData("Housing", "topics-invalid", "Housing")]
    public async Task A_contact_with_an_impossible_date_or_topic_is_refused_and_nothing_is_stored(string what, string code, string? namedTopic)
    {
        var client = await host.DeskAsync();
        var ready = await ReadyAsync(client);
        var today = host.Clock.Today;
        var (date, topics) = what switch
        {
            "tomorrow" => (today.PlusDays(1), new[] { "housing" }),
            "91 days ago" => (today.PlusDays(-91), ["housing"]),
            "no topic" => (today, []),
            _ => (today, ["housing", what]),
        };
        var before = await StoredRows.CountAsync(host.ConnectionString);

        using var refused = await RecordAsync(client, ready.Pass, ready.PresenceToken, topics: topics, date: date);

        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.BadRequest, code);
        Assert.Equal(namedTopic, problem.TryGetProperty("topic", out var topic) ? topic.GetString() : null);
        Assert.Equal(before, await StoredRows.CountAsync(host.ConnectionString));
    }

    [Fact]
    public async Task A_contact_90_days_back_is_still_recorded()
    {
        var client = await host.DeskAsync();
        var ready = await ReadyAsync(client);

        await RecordedAsync(RecordAsync(client, ready.Pass, ready.PresenceToken, date: host.Clock.Today.PlusDays(-90)));

        var use = Assert.Single((await ShownHistoryAsync(client, ready.Pass, ready.PresenceToken)).GetProperty("services").EnumerateArray());
        Assert.Equal(Iso(host.Clock.Today.PlusDays(-90)), use.GetProperty("firstDate").GetString());
    }
}
