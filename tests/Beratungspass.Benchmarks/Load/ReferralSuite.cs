using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Beratungspass.Infrastructure;
using Beratungspass.Institutions;
using Beratungspass.Passes;
using Beratungspass.Passes.Consenting;
using Beratungspass.Passes.Issuing;
using Beratungspass.Referrals;
using Beratungspass.Referrals.Requesting;
using Beratungspass.ServiceDirectory;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;

namespace Beratungspass.Benchmarks.Load;

/// <summary>
/// Referrals: answering one (accept over the API, as the receiving institution) and listing an inbox of 500 open
/// referrals over the API, each next to its raw baseline in the same rounds — a raw Marten append of
/// <see cref="ReferralAccepted"/> (inline card projected) and a raw Npgsql read of the inbox's cards.
/// The inbox is the JMD's (500 referrals from the AWO); the referrals answered go the other way, to the AWO,
/// so answering does not change the inbox measured.
/// </summary>
public static class ReferralSuite
{
    public const string AcceptHttp = "accept referral: POST /api/v1/referrals/{id}/acceptance";
    public const string RawAccept = "raw Marten FetchForWriting + append ReferralAccepted + SaveChanges";
    public const string InboxHttp = "inbox of 500 open referrals: GET /api/v1/referrals/inbox";
    public const string RawInbox = "raw Npgsql read of the inbox's referral cards (indexed toInstitutionId)";

    public const int InboxSize = 500;
    private const string Awo = "mbe-awo-unna";
    private const string Jmd = "jmd-caritas-luenen";

    /// <summary>The aim of issue 5/8 read here: p99 server time at 8 concurrent (no number given; reported).</summary>
    public static async Task<(List<LoadResult> Results, IReadOnlyList<string> Setup, IReadOnlyList<string> Reading)> MeasureAsync(
        BenchDatabase database, LoadOptions options, CancellationToken cancellation)
    {
        var app = LoadSuite.StartApp(database);
        await using var appLifetime = app;
        var store = app.Services.GetRequiredService<IDocumentStore>();
        using var jmd = await app.SignedInClientAsync("berater.jmd", LoadSuite.DemoPassword, cancellation);
        using var awo = await app.SignedInClientAsync(LoadSuite.DemoUser, LoadSuite.DemoPassword, cancellation);

        // Each accept, over HTTP or raw, takes a referral of its own.
        var perOperation = (options.Warmup + options.Requests + LoadRounds.Rounds * 8) * options.Concurrency.Count;
        var seeding = Stopwatch.StartNew();
        var toJmd = await SeedAsync(store, from: Awo, toService: Jmd, InboxSize, cancellation);
        var toAwo = await SeedAsync(store, from: Jmd, toService: Awo, perOperation * 2, cancellation);
        seeding.Stop();
        var setup = new List<string>
        {
            LoadReport.Invariant($"Referrals: {toJmd.Count:N0} open to {Jmd} (the inbox listed), {toAwo.Count:N0} requested to {Awo} to be accepted; made through RequestReferralDecision in {seeding.Elapsed.TotalSeconds:F1} s"),
        };

        await using var rawStore = DocumentStore.For(o => MartenConfiguration.Configure(o, database.ConnectionString));
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var clock = SystemClock.Instance;
        var next = -1;
        string NextToAccept() => toAwo[Interlocked.Increment(ref next)];

        async Task AcceptOverHttp(CancellationToken ct)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"api/v1/referrals/{NextToAccept()}/acceptance", UriKind.Relative))
            {
                Content = JsonContent.Create(new { expectedVersion = 1 }),
            };
            request.Headers.Add(ServerTimings.Header, app.Timings.NewCall(AcceptHttp));
            using var response = await awo.SendAsync(request, ct);
            await LoadSuite.Expect(response, HttpStatusCode.OK, ct);
        }

        async Task AcceptRaw(CancellationToken ct)
        {
            var key = ReferralStreams.Key(NextToAccept());
            await using var session = rawStore.LightweightSession();
            var stream = await session.Events.FetchForWriting<Referral>(key, 1, ct);
            stream.AppendOne(new ReferralAccepted(stream.Aggregate!.ReferralId, stream.Aggregate.PassId, "c-benchmark", clock.GetCurrentInstant()));
            await session.SaveChangesAsync(ct);
        }

        async Task InboxOverHttp(CancellationToken ct)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("api/v1/referrals/inbox", UriKind.Relative));
            request.Headers.Add(ServerTimings.Header, app.Timings.NewCall(InboxHttp));
            using var response = await jmd.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            await LoadSuite.Expect(response, HttpStatusCode.OK, ct);
        }

        // The rows the inbox reads: the open cards of the institution and its latest 50 closed ones.
        async Task InboxRaw(CancellationToken ct)
        {
            await using var command = dataSource.CreateCommand(
                $"SELECT data FROM {MartenConfiguration.SchemaName}.mt_doc_referralcard WHERE data->>'toInstitutionId' = $1 AND (data->>'open')::boolean " +
                $"UNION ALL (SELECT data FROM {MartenConfiguration.SchemaName}.mt_doc_referralcard WHERE data->>'toInstitutionId' = $1 AND NOT (data->>'open')::boolean ORDER BY mt_last_modified DESC LIMIT 50)");
            command.Parameters.Add(new NpgsqlParameter { Value = Jmd });
            var rows = 0;
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                _ = reader.GetString(0);
                rows++;
            }

            if (rows < InboxSize)
            {
                throw new InvalidOperationException($"The inbox held {rows} rows.");
            }
        }

        var results = new List<LoadResult>();
        foreach (var concurrency in options.Concurrency)
        {
            Console.Error.WriteLine($"Referrals at {concurrency} concurrent …");
            app.Timings.Clear();
            var measured = await LoadRounds.RunAsync(options, concurrency,
            [
                new(RawAccept, null, AcceptRaw),
                new(AcceptHttp, RawAccept, AcceptOverHttp),
                new(RawInbox, null, InboxRaw),
                new(InboxHttp, RawInbox, InboxOverHttp),
            ], cancellation, app.Timings.Clear, database.Cpu);
            results.AddRange(measured.Select(r => r.Operation is AcceptHttp or InboxHttp ? r.WithServerLatencies(app.Timings.Of(r.Operation)) : r));
        }

        var reading = results.Where(r => r.Operation is AcceptHttp or InboxHttp && r.ServerLatencies is { Count: > 0 })
            .Select(r => LoadReport.Invariant($"{r.Operation} at {r.Concurrency} concurrent: server time p50 {r.ServerPercentile(0.5):F2} ms, p95 {r.ServerPercentile(0.95):F2} ms, p99 {r.ServerPercentile(0.99):F2} ms."))
            .ToList();
        return (results, setup, reading);
    }

    /// <summary>Passes with a whole-network consent to referrals, issued at <paramref name="from"/>, and <paramref name="count"/> referrals of them to the service.</summary>
    private static async Task<List<string>> SeedAsync(IDocumentStore store, string from, string toService, int count, CancellationToken cancellation)
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        var today = now.InZone(MartenConfiguration.Zone).Date;
        Institution institution;
        DirectoryService target;
        DirectoryOrganization organization;
        await using (var query = store.QuerySession())
        {
            institution = await query.LoadAsync<Institution>(from, cancellation) ?? throw new InvalidOperationException($"No institution {from}.");
            target = await query.LoadAsync<DirectoryService>(DirectoryStreams.Service(toService), cancellation) ?? throw new InvalidOperationException($"No service {toService}.");
            organization = await query.LoadAsync<DirectoryOrganization>(DirectoryStreams.Organization(target.OrganizationId), cancellation)
                ?? throw new InvalidOperationException($"No organization {target.OrganizationId}.");
        }

        var fromService = institution.Services.First(s => !s.Retired).Id;
        var passes = new List<Pass>();
        await using (var session = store.LightweightSession())
        {
            for (var i = 0; i < 50; i++)
            {
                var issued = IssuePassDecision.Decide(new IssuePass(PassId.New(), PassCode.New(), from, ClientLanguage.Ar, AgeBand.From18To26, "c-benchmark"), now);
                var pass = Pass.Create(issued);
                var granted = GrantConsentDecision.Decide(pass, new GrantConsent(Guid.NewGuid().ToString("N"), ConsentScope.WholeNetwork, [],
                    [ConsentPurpose.ShowHistory, ConsentPurpose.RecordContacts, ConsentPurpose.Referrals], today.PlusYears(1), from, "c-benchmark"), now, MartenConfiguration.Zone);
                session.Events.StartStream<Pass>(issued.PassId, issued, granted);
                passes.Add(pass.Apply(granted));
            }

            await session.SaveChangesAsync(cancellation);
        }

        var ids = new List<string>(count);
        foreach (var chunk in Enumerable.Range(0, count).Chunk(250))
        {
            await using var session = store.LightweightSession();
            foreach (var i in chunk)
            {
                var id = ReferralStreams.NewId();
                var requested = RequestReferralDecision.Decide(passes[i % passes.Count], institution, target, organization, new RequestReferral(
                    id, fromService, toService, ["work"], new PhoneCoordination("Sekretariat", null, now - Duration.FromMinutes(10), CoordinationResult.Agreed, null),
                    null, null, new ConfidentialityRelease(ReleaseTextVersion.Current, ClientLanguage.Ar, ClientPresence.Pin), "c-benchmark"), today, now);
                session.Events.StartStream<Referral>(ReferralStreams.Key(id), requested);
                ids.Add(id);
            }

            await session.SaveChangesAsync(cancellation);
        }

        return ids;
    }
}
