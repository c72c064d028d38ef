using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Beratungspass.Accounts;
using Beratungspass.Infrastructure;
using Beratungspass.Institutions;
using Beratungspass.Passes;
using Beratungspass.Passes.Presence;
using Beratungspass.Passes.Recording;
using Beratungspass.Tokens;
using Beratungspass.Web.Infrastructure.Auth;
using Beratungspass.Web.Intake;
using Beratungspass.Web.Passes;
using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;

namespace Beratungspass.Benchmarks.Load;

/// <summary>
/// The intake at Kreis scale, on a data set made by the generator: scan → history and recording a contact,
/// in-process through <see cref="IntakeDesk"/> (server time without HTTP) and over HTTP when the app has the
/// endpoints, each next to a raw baseline on the same passes in the same rounds.
/// </summary>
public static partial class IntakeSuite
{
    public const string HistoryInProcess = "scan → history in-process (CardTokenResolver + IntakeDesk.ShowHistoryAsync)";
    public const string HistoryHttp = "scan → history: POST /api/v1/tokens/resolve + POST /api/v1/passes/{code}/history";
    public const string RawHistory = "raw Npgsql point read of mt_doc_passhistory + raw Marten append of HistoryViewed";
    public const string RawAppendWithoutProjections = "diagnostic: raw Marten append of HistoryViewed with the inline projections off";
    public const string ContactInProcess = "record contact in-process (PassLookup + IntakeDesk.CheckContactAsync + RecordContactAsync)";
    public const string ContactHttp = "record contact: POST /api/v1/passes/{code}/contacts";
    public const string RawContact = "raw Marten append of ContactRecorded";

    /// <summary>The aims of issue 3 and issue 8.</summary>
    private const double HistoryP99AimMs = 15;
    private const double ThroughputAim = 1000;
    private const double ContactShareOfRawAim = 0.5;

    private const int SampleSize = 20_000;

    public static string[] HistoryOperations { get; } = [RawHistory, HistoryInProcess, HistoryHttp, RawAppendWithoutProjections];

    public static string[] ContactOperations { get; } = [RawContact, ContactInProcess, ContactHttp];

    // Topics an MBE counsellor records most.
    private static readonly string[][] ContactTopics = [["residence-law"], ["language-course"], ["work", "social-benefits"], ["family"], ["residence-law", "language-course"]];

    public static async Task<(List<LoadResult> Results, IReadOnlyList<string> Setup, IReadOnlyList<string> Reading)> MeasureAsync(
        BenchDatabase database, LoadOptions options, CancellationToken cancellation)
    {
        var before = await DataSetAsync(database.ConnectionString, cancellation);
        var app = LoadSuite.StartApp(database);
        await using var appLifetime = app;
        using var client = await app.SignedInClientAsync(LoadSuite.DemoUser, LoadSuite.DemoPassword, cancellation);
        Console.Error.WriteLine($"Signed in at {app.BaseAddress}");

        var store = app.Services.GetRequiredService<IDocumentStore>();
        var resolver = app.Services.GetRequiredService<CardTokenResolver>();
        var tokens = app.Services.GetRequiredService<CardTokens>();
        var presence = app.Services.GetRequiredService<PresenceTokens>();
        var clock = SystemClock.Instance;

        Counsellor counsellor;
        string serviceId;
        await using (var query = store.QuerySession())
        {
            var account = await query.LoadAsync<Account>(LoadSuite.DemoUser, cancellation)
                ?? throw new InvalidOperationException($"The demo account {LoadSuite.DemoUser} is missing.");
            counsellor = new Counsellor(account.Id, account.DisplayName, account.InstitutionId, account.Pseudonym, account.Role);
            var institution = await query.LoadAsync<Institution>(account.InstitutionId, cancellation)
                ?? throw new InvalidOperationException($"The institution {account.InstitutionId} is missing.");
            serviceId = institution.Services.First(s => !s.Retired).Id;
        }

        // Passes whose consent lets the signed-in counsellor's institution show the history and record contacts today.
        var today = clock.GetCurrentInstant().InZone(MartenConfiguration.Zone).Date;
        var covered = (await SampleAsync(store, database.ConnectionString, cancellation))
            .Where(p => p.IsCoveredBy(counsellor.InstitutionId, ConsentPurpose.ShowHistory, today) && p.IsCoveredBy(counsellor.InstitutionId, ConsentPurpose.RecordContacts, today))
            .ToList();
        if (covered.Count < 200)
        {
            throw new InvalidOperationException($"Only {covered.Count} sampled passes have a consent covering {counsellor.InstitutionId}: generate a data set first.");
        }

        // Disjoint pools: views, contacts and the diagnostic appends land on different passes.
        CardPool Pool(int share) => new([.. covered.Where((_, i) => i % 5 == share).Select(p => new Card(p.Id, PassCode.Parse(p.PassCode).Code.Display, tokens.Create(p.Id, p.Generation)))]);
        var historyPool = Pool(0).Join(Pool(1));
        var contactPool = Pool(2).Join(Pool(3));
        var diagnosticPool = Pool(4);
        void MintPresence()
        {
            // Presence tokens live 30 minutes: fresh ones for each level. Minted with the app's own service, so
            // the runs measure the history path, not the PIN's PBKDF2.
            foreach (var pool in new[] { historyPool, contactPool, diagnosticPool })
            {
                pool.Mint(card => presence.Issue(card.PassId, counsellor.InstitutionId, counsellor.AccountId, ClientPresence.Pin));
            }
        }

        // Baselines: their own store (same StoreOptions, so the inline projections run) and data source.
        await using var rawStore = DocumentStore.For(o => MartenConfiguration.Configure(o, database.ConnectionString));
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);

        async Task ShowInProcess(CancellationToken ct)
        {
            var (card, presenceToken) = historyPool.Next();
            PassCard pass;
            await using (var query = store.QuerySession())
            {
                var (status, resolved) = await resolver.ResolveAsync(query, card.Token, ct);
                pass = resolved?.Pass ?? throw new InvalidOperationException($"The token resolved to {status}.");
            }

            await using var scope = app.Services.CreateAsyncScope();
            var shown = await scope.ServiceProvider.GetRequiredService<IntakeDesk>().ShowHistoryAsync(pass, counsellor, presenceToken, ct);
            if (shown.History.Id != card.PassId)
            {
                throw new InvalidOperationException("Another pass's history was shown.");
            }
        }

        async Task ShowRaw(CancellationToken ct)
        {
            var (card, _) = historyPool.Next();
            await using (var command = dataSource.CreateCommand($"SELECT data FROM {MartenConfiguration.SchemaName}.mt_doc_passhistory WHERE id = $1"))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = card.PassId });
                await using var reader = await command.ExecuteReaderAsync(ct);
                if (!await reader.ReadAsync(ct) || reader.GetString(0).Length == 0)
                {
                    throw new InvalidOperationException("No pass history row.");
                }
            }

            await using var session = rawStore.LightweightSession();
            session.Events.Append(card.PassId, new HistoryViewed(card.PassId, counsellor.InstitutionId, counsellor.Pseudonym, ViewPurpose.Intake, ClientPresence.Pin, clock.GetCurrentInstant()));
            await session.SaveChangesAsync(ct);
        }

        // The same append without the three inline projections shows what they cost. It leaves the projected
        // documents of its passes behind the events, so they are rebuilt from the events after the run.
        var bareOptions = new StoreOptions();
        MartenConfiguration.Configure(bareOptions, database.ConnectionString);
        ((ICollection<JasperFx.Events.Projections.IProjectionSource<IDocumentOperations, IQuerySession>>)bareOptions.Projections.All).Clear();
        await using var bareStore = new DocumentStore(bareOptions);
        var touched = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>(StringComparer.Ordinal);

        async Task AppendWithoutProjections(CancellationToken ct)
        {
            var (card, _) = diagnosticPool.Next();
            touched[card.PassId] = true;
            await using var session = bareStore.LightweightSession();
            session.Events.Append(card.PassId, new HistoryViewed(card.PassId, counsellor.InstitutionId, counsellor.Pseudonym, ViewPurpose.Intake, ClientPresence.Pin, clock.GetCurrentInstant()));
            await session.SaveChangesAsync(ct);
        }

        async Task ShowOverHttp(CancellationToken ct)
        {
            var (card, presenceToken) = historyPool.Next();
            var call = app.Timings.NewCall(HistoryHttp);
            string code;
            using (var resolve = await PostAsync(client, "api/v1/tokens/resolve", new { token = card.Token }, call, ct))
            {
                await LoadSuite.Expect(resolve, HttpStatusCode.OK, ct);
                code = (await resolve.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("passCode").GetString()
                    ?? throw new InvalidOperationException("The resolve answer names no pass code.");
            }

            using var show = await PostAsync(client, $"api/v1/passes/{Uri.EscapeDataString(code)}/history", new { presenceToken }, call, ct);
            await LoadSuite.Expect(show, HttpStatusCode.OK, ct);
        }

        var topicTurn = -1;
        RecordContact NewContact() => new(
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), serviceId,
            ContactTopics[(int)((uint)Interlocked.Increment(ref topicTurn) % (uint)ContactTopics.Length)],
            clock.GetCurrentInstant().InZone(MartenConfiguration.Zone).Date, ContactKind.FollowUp, counsellor.Pseudonym);

        async Task RecordInProcess(CancellationToken ct)
        {
            var (card, presenceToken) = contactPool.Next();
            PassCard pass;
            await using (var query = store.QuerySession())
            {
                var (found, problem) = await PassLookup.FindAsync(query, card.Code, ct);
                pass = found ?? throw new InvalidOperationException($"The pass code was not found: {problem?.Type}.");
            }

            // What the endpoint does: validate and look for duplicates, then record (duplicates confirmed, as after a 409).
            await using var scope = app.Services.CreateAsyncScope();
            var desk = scope.ServiceProvider.GetRequiredService<IntakeDesk>();
            var command = NewContact();
            await desk.CheckContactAsync(pass, counsellor, presenceToken, command, ct);
            if (!await desk.RecordContactAsync(pass, counsellor, presenceToken, command, formVersion: null, ct))
            {
                throw new InvalidOperationException("The contact counted as already recorded.");
            }
        }

        async Task RecordRaw(CancellationToken ct)
        {
            var (card, _) = contactPool.Next();
            var command = NewContact();
            await using var session = rawStore.LightweightSession();
            session.Events.Append(card.PassId, new ContactRecorded(card.PassId, command.ContactId, counsellor.InstitutionId, command.ServiceId,
                command.Topics, command.Date, command.Kind, command.RecordedBy, clock.GetCurrentInstant()));
            await session.SaveChangesAsync(ct);
        }

        async Task RecordOverHttp(CancellationToken ct)
        {
            var (card, presenceToken) = contactPool.Next();
            var command = NewContact();
            using var response = await PostAsync(client, $"api/v1/passes/{Uri.EscapeDataString(card.Code)}/contacts",
                new { contactId = command.ContactId, serviceId = command.ServiceId, topics = command.Topics, kind = "follow-up", presenceToken, confirmDuplicate = true },
                app.Timings.NewCall(ContactHttp), ct);
            await LoadSuite.Expect(response, HttpStatusCode.Created, ct);
        }

        // The HTTP variants join as soon as the app maps the endpoints (they are being written on another branch).
        var routes = Routes(app);
        var historyOverHttp = routes.Any(r => HistoryRoute().IsMatch(r));
        var contactsOverHttp = routes.Any(r => ContactsRoute().IsMatch(r));
        Console.Error.WriteLine($"HTTP history endpoint: {(historyOverHttp ? "present" : "absent")}; HTTP contacts endpoint: {(contactsOverHttp ? "present" : "absent")}");

        var results = new List<LoadResult>();
        async Task Measure(int concurrency, LoadOperation[] operations)
        {
            MintPresence();
            var measured = await LoadRounds.RunAsync(options, concurrency, operations, cancellation, app.Timings.Clear, database.Cpu);
            foreach (var result in measured)
            {
                results.Add(result.Operation is HistoryHttp or ContactHttp ? result.WithServerLatencies(app.Timings.Of(result.Operation)) : result);
            }

            app.Timings.Clear();
        }

        foreach (var concurrency in options.Concurrency)
        {
            Console.Error.WriteLine($"Scan → history at {concurrency} concurrent over {historyPool.Count} passes …");
            await Measure(concurrency, [
                new(RawHistory, null, ShowRaw),
                new(HistoryInProcess, RawHistory, ShowInProcess),
                .. historyOverHttp ? [new LoadOperation(HistoryHttp, RawHistory, ShowOverHttp)] : Array.Empty<LoadOperation>(),
                new(RawAppendWithoutProjections, null, AppendWithoutProjections),
            ]);
        }

        await RepairAsync(store, touched.Keys, cancellation);

        foreach (var concurrency in options.Concurrency)
        {
            Console.Error.WriteLine($"Recording contacts at {concurrency} concurrent over {contactPool.Count} passes …");
            await Measure(concurrency, [
                new(RawContact, null, RecordRaw),
                new(ContactInProcess, RawContact, RecordInProcess),
                .. contactsOverHttp ? [new LoadOperation(ContactHttp, RawContact, RecordOverHttp)] : Array.Empty<LoadOperation>(),
            ]);
        }

        var after = await DataSetAsync(database.ConnectionString, cancellation);
        IReadOnlyList<string> setup =
        [
            $"data: {database.Description}; before the run {before}",
            $"after the run: {after}",
            $"signed in as {LoadSuite.DemoUser} ({counsellor.InstitutionId}); {covered.Count:N0} of {SampleSize:N0} randomly sampled passes have a consent covering it, split into {historyPool.Count:N0} passes for views, {contactPool.Count:N0} for contacts and {diagnosticPool.Count:N0} for the diagnostic appends (their documents rebuilt afterwards)",
            "presence tokens minted with the app's PresenceTokens (no PIN hashing in the measured path); HTTP endpoints: "
                + (historyOverHttp ? "history present" : "history not in this build") + ", " + (contactsOverHttp ? "contacts present" : "contacts not in this build"),
        ];
        return (results, setup, Reading(results));
    }

    /// <summary>The table read against the aims: scan → history p99 ≤ 15 ms at 8 and ≥ 1,000/s at 32; contacts ≥ 1,000/s and ≥ 50 % of the raw append.</summary>
    private static List<string> Reading(IReadOnlyList<LoadResult> results)
    {
        var lines = new List<string> { "Against the aims (issue 3 and issue 8):", "" };
        string Met(bool met) => met ? "met" : "missed";
        foreach (var operation in new[] { HistoryInProcess, HistoryHttp })
        {
            if (LoadReport.Find(results, operation, 8) is { } at8)
            {
                var raw = LoadReport.Find(results, RawHistory, 8);
                var (p50, p95, p99) = at8.ServerLatencies is { Count: > 0 }
                    ? (at8.ServerPercentile(0.5), at8.ServerPercentile(0.95), at8.ServerPercentile(0.99))
                    : (at8.Percentile(0.5), at8.Percentile(0.95), at8.Percentile(0.99));
                lines.Add(LoadReport.Invariant($"- {operation} ×8: server time p50 {p50:F2} / p95 {p95:F2} / p99 {p99:F2} ms — aim p99 ≤ {HistoryP99AimMs:F0} ms {Met(p99 <= HistoryP99AimMs)} ({p99 / HistoryP99AimMs:P0} of the aim); raw baseline p99 {raw?.Percentile(0.99):F2} ms"));
            }

            if (LoadReport.Find(results, operation, 32) is { } at32)
            {
                var raw = LoadReport.Find(results, RawHistory, 32);
                lines.Add(LoadReport.Invariant($"- {operation} ×32: {at32.Throughput:N0} views/s — aim ≥ {ThroughputAim:N0}/s {Met(at32.Throughput >= ThroughputAim)} ({at32.Throughput / ThroughputAim:P0} of the aim); raw baseline {raw?.Throughput:N0}/s ({at32.Throughput / raw?.Throughput:P0} of it)"));
            }
        }

        foreach (var operation in new[] { ContactInProcess, ContactHttp })
        {
            foreach (var concurrency in new[] { 8, 32 })
            {
                if (LoadReport.Find(results, operation, concurrency) is { } result)
                {
                    var raw = LoadReport.Find(results, RawContact, concurrency);
                    var share = result.Throughput / raw?.Throughput;
                    lines.Add(LoadReport.Invariant($"- {operation} ×{concurrency}: {result.Throughput:N0} contacts/s, p99 {result.Percentile(0.99):F2} ms — aim ≥ {ThroughputAim:N0}/s {Met(result.Throughput >= ThroughputAim)} ({result.Throughput / ThroughputAim:P0}); {share:P0} of the raw Marten append ({raw?.Throughput:N0}/s) — aim ≥ {ContactShareOfRawAim:P0} {Met(share >= ContactShareOfRawAim)}"));
                }
            }
        }

        return lines;
    }

    /// <summary>Rebuilds the projected documents of passes whose events were appended with the projections off, and checks they caught up.</summary>
    private static async Task RepairAsync(IDocumentStore store, ICollection<string> passIds, CancellationToken cancellation)
    {
        Console.Error.WriteLine($"Rebuilding the projected documents of the {passIds.Count} passes the diagnostic appended to …");
        foreach (var passId in passIds)
        {
            await store.Advanced.RebuildSingleStreamAsync<Pass>(passId, cancellation);
            await store.Advanced.RebuildSingleStreamAsync<PassCard>(passId, cancellation);
            await store.Advanced.RebuildSingleStreamAsync<PassHistory>(passId, cancellation);
        }

        await using var query = store.QuerySession();
        foreach (var passId in passIds)
        {
            var version = (await query.Events.FetchStreamStateAsync(passId, cancellation))?.Version;
            var card = await query.LoadAsync<PassCard>(passId, cancellation);
            var history = await query.LoadAsync<PassHistory>(passId, cancellation);
            // The history follows every event; the card only issue and reissue, so it may lag the stream.
            if (card is null || card.Version > version || history?.Version != version)
            {
                throw new InvalidOperationException($"Pass {passId}: stream version {version}, card {card?.Version}, history {history?.Version} after the rebuild.");
            }
        }
    }

    /// <summary>Passes drawn at random from the Pass snapshots, read with the store's own serializer.</summary>
    private static async Task<List<Pass>> SampleAsync(IDocumentStore store, string connectionString, CancellationToken cancellation)
    {
        var serializer = store.Options.Serializer();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand($"SELECT data FROM {MartenConfiguration.SchemaName}.mt_doc_pass ORDER BY random() LIMIT {SampleSize}", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var passes = new List<Pass>(SampleSize);
        while (await reader.ReadAsync(cancellation))
        {
            passes.Add(serializer.FromJson<Pass>(reader, 0));
        }

        return passes;
    }

    /// <summary>Size of the data set and of the history documents, whose view list grows with every display.</summary>
    private static async Task<string> DataSetAsync(string connectionString, CancellationToken cancellation)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellation);
        var schema = MartenConfiguration.SchemaName;
        await using var command = new NpgsqlCommand($"""
            SELECT (SELECT count(*) FROM {schema}.mt_streams),
                   (SELECT count(*) FROM {schema}.mt_events),
                   (SELECT count(*) FROM {schema}.mt_events WHERE type = 'contact_recorded'),
                   (SELECT count(*) FROM {schema}.mt_events WHERE type = 'history_viewed'),
                   avg(octet_length(data::text)), percentile_disc(0.99) WITHIN GROUP (ORDER BY octet_length(data::text)), max(octet_length(data::text)),
                   max(jsonb_array_length(data->'views'))
            FROM {schema}.mt_doc_passhistory
            """, connection) { CommandTimeout = 300 };
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        await reader.ReadAsync(cancellation);
        return LoadReport.Invariant($"{reader.GetInt64(0):N0} passes, {reader.GetInt64(1):N0} events ({reader.GetInt64(2):N0} contacts, {reader.GetInt64(3):N0} history views); PassHistory JSON mean {reader.GetDouble(4) / 1024:F1} KiB, p99 {reader.GetInt32(5) / 1024.0:F1} KiB, max {reader.GetInt32(6) / 1024.0:F1} KiB ({reader.GetInt32(7):N0} views)");
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body, string call, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Add(ServerTimings.Header, call);
        return await client.SendAsync(request, cancellation);
    }

    private static List<string> Routes(BenchmarkApp app) =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Select(e => e.RoutePattern.RawText ?? "")];

    [GeneratedRegex(@"^/?api/v1/passes/\{[^}]+\}/history$")]
    private static partial Regex HistoryRoute();

    [GeneratedRegex(@"^/?api/v1/passes/\{[^}]+\}/contacts$")]
    private static partial Regex ContactsRoute();

    private sealed record Card(string PassId, string Code, string Token);

    /// <summary>Cards handed out in turn, so concurrent callers work on different passes.</summary>
    private sealed class CardPool(Card[] cards)
    {
        private readonly Card[] cards = cards;

        private string[] presence = [];
        private int next = -1;

        public int Count => cards.Length;

        public void Mint(Func<Card, string> issue) => presence = [.. cards.Select(issue)];

        public CardPool Join(CardPool other) => new([.. cards, .. other.cards]);

        public (Card Card, string Presence) Next()
        {
            var i = (int)((uint)Interlocked.Increment(ref next) % (uint)cards.Length);
            return (cards[i], presence[i]);
        }
    }
}
