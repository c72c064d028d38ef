using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Beratungspass.Tests.Infrastructure.IntakeCalls;

namespace Beratungspass.Tests.Intake;

/// <summary>Only counsellors take a client through intake: the working group's coordinators and anonymous callers reach none of it.</summary>
public sealed class IntakeRolesTests(IntakeRolesTests.Host host) : IClassFixture<IntakeRolesTests.Host>
{
    public sealed class Host(TestPostgres postgres) : AppHost(postgres);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Each intake call with a body that a counsellor's desk would have answered successfully.</summary>
    private static List<(string Path, object Body)> IntakeCallsFor(ReadyPass ready) =>
    [
        ($"/api/v1/passes/{ready.Pass.CodeValue}/presence", new { pin = ClientPin }),
        ($"/api/v1/passes/{ready.Pass.CodeValue}/consents", new { scope = "whole-network", purposes = AllPurposes, validUntil = Iso(Today.PlusYears(1)), pin = ClientPin }),
        ($"/api/v1/passes/{ready.Pass.CodeValue}/consents/{ready.ConsentId}/withdrawal", new { pin = ClientPin }),
        ($"/api/v1/passes/{ready.Pass.CodeValue}/history", new { presenceToken = ready.PresenceToken }),
        ($"/api/v1/passes/{ready.Pass.CodeValue}/contacts", new { serviceId = "mbe-awo-unna", topics = new[] { "housing" }, kind = "first", presenceToken = ready.PresenceToken }),
    ];

    [Fact]
    public async Task A_coordinator_reaches_no_intake_step_not_even_with_the_clients_PIN_and_nothing_is_stored()
    {
        var counsellor = await host.DeskAsync();
        var coordinator = await host.DeskAsync("koordination.kim", "Demo-Koordination-2026");
        var ready = await ReadyAsync(counsellor);
        var before = await StoredRows.CountAsync(host.ConnectionString);

        foreach (var (path, body) in IntakeCallsFor(ready))
        {
            using var answer = await coordinator.PostAsJsonAsync(path, body, Ct);
            await ProblemAssert.IsProblemAsync(answer, HttpStatusCode.Forbidden, "forbidden");
        }

        Assert.Equal(before, await StoredRows.CountAsync(host.ConnectionString));
        // The counsellor's own proof still works: the coordinator's attempts counted no PIN and withdrew nothing.
        var history = await ShownHistoryAsync(counsellor, ready.Pass, ready.PresenceToken);
        Assert.Single(history.GetProperty("consents").EnumerateArray());
    }

    [Fact]
    public async Task An_anonymous_caller_reaches_no_intake_step_and_nothing_is_stored()
    {
        var counsellor = await host.DeskAsync();
        using var anonymous = host.Client();
        var ready = await ReadyAsync(counsellor);
        var before = await StoredRows.CountAsync(host.ConnectionString);

        foreach (var (path, body) in IntakeCallsFor(ready))
        {
            using var answer = await anonymous.PostAsJsonAsync(path, body, Ct);
            await ProblemAssert.IsProblemAsync(answer, HttpStatusCode.Unauthorized, "sign-in-required");
        }

        using var topics = await anonymous.GetAsync("/api/v1/topics", Ct);
        await ProblemAssert.IsProblemAsync(topics, HttpStatusCode.Unauthorized, "sign-in-required");
        Assert.Equal(before, await StoredRows.CountAsync(host.ConnectionString));
    }

    [Fact]
    public async Task A_counsellor_reads_the_topic_list_with_German_and_English_labels_and_the_sensitive_topics_marked()
    {
        var client = await host.DeskAsync();

        using var answer = await client.GetAsync("/api/v1/topics", Ct);

        var topics = (await OkBodyAsync(answer, HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal(15, topics.Count);
        Assert.Contains(topics, t => t.GetProperty("code").GetString() == "housing" && t.GetProperty("german").GetString() == "Wohnen" && t.GetProperty("english").GetString() == "Housing");
        Assert.Equal(["psychosocial", "violence-protection", "discrimination"],
            topics.Where(t => t.GetProperty("sensitive").GetBoolean()).Select(t => t.GetProperty("code").GetString()));
    }

    /// <summary>An administrator manages accounts but sees no history: the counselling API refuses them, and nothing is stored.</summary>
    [Fact]
    public async Task An_administrator_cannot_confirm_presence_nor_see_a_history()
    {
        var counsellor = await host.DeskAsync();
        var administrator = await host.DeskAsync("admin", "Demo-Admin-2026");
        var ready = await ReadyAsync(counsellor);
        var before = await StoredRows.CountAsync(host.ConnectionString);

        using var presence = await PresenceAsync(administrator, ready.Pass, ClientPin);
        using var history = await HistoryAsync(administrator, ready.Pass, "not-a-presence-token");

        await ProblemAssert.IsProblemAsync(presence, HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsProblemAsync(history, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(before, await StoredRows.CountAsync(host.ConnectionString));
    }
}
