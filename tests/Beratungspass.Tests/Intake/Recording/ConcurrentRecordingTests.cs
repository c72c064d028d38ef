using System.Net;
using System.Text.Json;
using Beratungspass.Passes;
using static Beratungspass.Tests.Infrastructure.IntakeCalls;

namespace Beratungspass.Tests.Intake.Recording;

/// <summary>Many desks recording on one pass at once: every acknowledged contact is stored, none twice, none lost.</summary>
public sealed class ConcurrentRecordingTests(ConcurrentRecordingTests.Host host) : IClassFixture<ConcurrentRecordingTests.Host>
{
    public sealed class Host(TestPostgres postgres) : AppHost(postgres);

    private const string Awo = "mbe-awo-unna";
    private const string Jmd = "jmd-caritas-luenen";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Thirty_two_writers_at_once_each_land_exactly_once_while_replays_sent_alongside_record_nothing()
    {
        var awo = await host.DeskAsync();
        var jmd = await host.DeskAsync("berater.jmd");
        var ready = await ReadyAsync(awo);
        var jmdPresence = await PresenceTokenAsync(jmd, ready.Pass);
        var ids = Enumerable.Range(1, 32).Select(i => $"parallel-{i:00}").ToList();
        // Every id once, half from each institution, and every fourth id a second time at the same moment.
        var sends = ids.Concat(ids.Where((_, i) => i % 4 == 0)).ToList();

        var answers = await Task.WhenAll(sends.Select(async id =>
        {
            var fromAwo = int.Parse(id[^2..], System.Globalization.CultureInfo.InvariantCulture) % 2 == 0;
            using var answer = fromAwo
                ? await RecordAsync(awo, ready.Pass, ready.PresenceToken, Awo, ["housing"], contactId: id)
                : await RecordAsync(jmd, ready.Pass, jmdPresence, Jmd, ["education"], contactId: id);
            var body = await answer.Content.ReadAsStringAsync(Ct);
            return (Id: id, answer.StatusCode, Body: body);
        }));

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{a.Id}: {(int)a.StatusCode} {a.Body}"));
        var acknowledged = answers.Where(a => a.StatusCode == HttpStatusCode.Created).Select(a => a.Id).ToList();
        Assert.Equal(ids, acknowledged.Order(StringComparer.Ordinal));
        Assert.All(answers.Where(a => a.StatusCode == HttpStatusCode.OK), a => Assert.False(JsonDocument.Parse(a.Body).RootElement.GetProperty("recorded").GetBoolean()));

        var passId = (await PassesApi.CardAsync(host.Store, ready.Pass.PassCode)).Id;
        var stored = (await StoredEvents.DataAsync(host.ConnectionString, passId, "contact_recorded"))
            .Select(json => JsonDocument.Parse(json).RootElement.GetProperty("contactId").GetString()!).ToList();
        Assert.Equal(ids, stored.Order(StringComparer.Ordinal));

        await using var session = host.Store.QuerySession();
        var history = (await session.LoadAsync<PassHistory>(passId, Ct))!;
        var pass = (await session.LoadAsync<Pass>(passId, Ct))!;
        Assert.Equal(32, history.Services.Sum(s => s.Contacts));
        Assert.Equal(ids, pass.ContactIds.Order(StringComparer.Ordinal));
        var shown = (await ShownHistoryAsync(awo, ready.Pass, ready.PresenceToken)).GetProperty("services").EnumerateArray()
            .ToDictionary(s => s.GetProperty("serviceId").GetString()!, s => s.GetProperty("contacts").GetInt32());
        Assert.Equal(new Dictionary<string, int> { [Awo] = 16, [Jmd] = 16 }, shown);
    }
}
