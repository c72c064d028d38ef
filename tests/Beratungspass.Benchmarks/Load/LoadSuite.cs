using System.Net;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Beratungspass.Infrastructure;
using Beratungspass.Passes;
using Beratungspass.Passes.Issuing;
using Beratungspass.Passes.Pins;
using Beratungspass.Tokens;
using Beratungspass.Web.Infrastructure.LocalDatabase;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;

namespace Beratungspass.Benchmarks.Load;

/// <summary>
/// The HTTP load runner: a private PostgreSQL cluster, the real app on loopback, and for each concurrency
/// level the HTTP operation next to its raw baseline on the same database, so noise hits both alike.
/// </summary>
public static class LoadSuite
{
    public const string IssueHttp = "issue pass: POST /api/v1/passes";
    public const string IssueWithoutHash = "issuing transaction without PIN hash (direct Marten)";
    public const string PinHashAlone = "Pin.Hash alone (PBKDF2)";
    public const string RawStartStream = "raw Marten StartStream + SaveChanges";
    public const string ResolveHttp = "resolve token: POST /api/v1/tokens/resolve";
    public const string ResolveInProcess = "resolve token in-process (CardTokenResolver, no HTTP)";
    public const string RawPointRead = "raw Npgsql point read of mt_doc_passcard";

    /// <summary>The institution of the demo account the runner signs in as.</summary>
    public const string InstitutionId = "mbe-awo-unna";

    public const string DemoUser = "berater.awo";
    public const string DemoPassword = "Demo-Beratung-2026";

    public static async Task<int> RunAsync(string[] args)
    {
        LoadOptions options;
        try
        {
            options = LoadOptions.Parse(args);
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        // Ctrl+C or SIGTERM: stop measuring, then the cluster is stopped and its folder removed below.
        using var stop = new CancellationTokenSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        void Cancel(PosixSignalContext context)
        {
            context.Cancel = true;
            Console.Error.WriteLine("Stopping: the run ends after the calls in flight, then the database is stopped.");
            stop.Cancel();
        }

        BenchDatabase? database = null;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => database?.Stop();
        try
        {
            database = await BenchDatabase.OpenAsync(options, stop.Token);
            stop.Token.ThrowIfCancellationRequested();
            var machine = await MachineDescription.ReadAsync(database.ConnectionString, stop.Token);
            var (results, setup, reading) = options.Suite switch
            {
                LoadSuiteKind.Intake => await IntakeSuite.MeasureAsync(database, options, stop.Token),
                LoadSuiteKind.Directory => await DirectorySuite.MeasureAsync(database, options, stop.Token),
                LoadSuiteKind.Referrals => await ReferralSuite.MeasureAsync(database, options, stop.Token),
                _ => (await MeasureAsync(database, options, stop.Token), [], []),
            };
            var npgsql = new NpgsqlConnectionStringBuilder(MartenConfiguration.WithPreparedStatements(database.ConnectionString));
            IReadOnlyList<string> connection = [$"Npgsql as the app connects: Max Auto Prepare={npgsql.MaxAutoPrepare}, Auto Prepare Min Usages={npgsql.AutoPrepareMinUsages}, Maximum Pool Size={npgsql.MaxPoolSize}" + (options.NpgsqlSettings is { } extra ? $" (--npgsql \"{extra}\")" : "")];
            var report = LoadReport.Markdown(options, machine, results, await MachineDescription.LoadAverageAsync(), [.. connection, .. setup], reading);
            Console.WriteLine(report);
            if (options.Output is not null)
            {
                await File.WriteAllTextAsync(options.Output, report, CancellationToken.None);
                Console.Error.WriteLine($"Written to {options.Output}");
            }

            return results.Any(r => r.Errors > 0) ? 1 : 0;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Console.Error.WriteLine("Cancelled.");
            return 130;
        }
        catch (Exception e) when (e is LocalPostgresException or HttpRequestException or InvalidOperationException or NpgsqlException or IOException)
        {
            Console.Error.WriteLine($"The load run failed: {e}");
            return 1;
        }
        finally
        {
            if (database is not null)
            {
                await database.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Starts the real app on Kestrel at a loopback port. The app prints its start-up banner on standard
    /// output; it goes to standard error so that standard output carries only the report.
    /// </summary>
    public static BenchmarkApp StartApp(BenchDatabase database)
    {
        Console.Error.WriteLine("Starting the app on Kestrel (loopback) …");
        var standardOutput = Console.Out;
        Console.SetOut(Console.Error);
        try
        {
            return BenchmarkApp.Start(database.ConnectionString, database.KeyEncryptionKey);
        }
        finally
        {
            Console.SetOut(standardOutput);
        }
    }

    private static async Task<List<LoadResult>> MeasureAsync(BenchDatabase database, LoadOptions options, CancellationToken cancellation)
    {
        var connectionString = database.ConnectionString;
        var app = StartApp(database);
        await using var appLifetime = app;
        using var client = await app.SignedInClientAsync(DemoUser, DemoPassword, cancellation);
        Console.Error.WriteLine($"Signed in at {app.BaseAddress}");

        // The baselines use their own store and data source on the same database: same StoreOptions
        // (so the inline projections run as in the app), a connection pool of their own.
        await using var rawStore = DocumentStore.For(store => MartenConfiguration.Configure(store, connectionString));
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var clock = SystemClock.Instance;
        var storedPinHash = Pin.Hash(RandomPin());

        async Task IssueOverHttp(CancellationToken ct)
        {
            using var response = await client.PostAsJsonAsync("api/v1/passes", new IssueRequest("de", RandomPin()), ct);
            await Expect(response, HttpStatusCode.Created, ct);
        }

        async Task StartStreamRaw(CancellationToken ct)
        {
            var issued = IssuePassDecision.Decide(NewIssuePass(), clock.GetCurrentInstant());
            await using var session = rawStore.LightweightSession();
            session.Events.StartStream<Pass>(issued.PassId, issued);
            await session.SaveChangesAsync(ct);
        }

        // What PassIssuing does, minus the PIN hash (a stored hash is reused) and minus HTTP.
        async Task IssueWithoutPinHash(CancellationToken ct)
        {
            var issued = IssuePassDecision.Decide(NewIssuePass(), clock.GetCurrentInstant());
            await using var session = rawStore.LightweightSession();
            session.Events.StartStream<Pass>(issued.PassId, issued);
            session.Insert(new PassPin { Id = issued.PassId, Hash = storedPinHash });
            await session.SaveChangesAsync(ct);
            _ = await session.LoadAsync<PassCard>(issued.PassId, ct) ?? throw new InvalidOperationException("The card was not projected.");
        }

        Task HashPin(CancellationToken ct)
        {
            Pin.Hash(RandomPin());
            return Task.CompletedTask;
        }

        var results = new List<LoadResult>();
        foreach (var concurrency in options.Concurrency)
        {
            Console.Error.WriteLine($"Issuing at {concurrency} concurrent …");
            results.AddRange(await LoadRounds.RunAsync(options, concurrency,
            [
                new(RawStartStream, null, StartStreamRaw),
                new(IssueWithoutHash, RawStartStream, IssueWithoutPinHash),
                new(PinHashAlone, null, HashPin),
                new(IssueHttp, RawStartStream, IssueOverHttp),
            ], cancellation, cpu: database.Cpu));
        }

        // Tokens of passes the app issued over HTTP, made with the app's own key ring.
        var tokens = app.Services.GetRequiredService<CardTokens>();
        var store = app.Services.GetRequiredService<IDocumentStore>();
        var resolver = app.Services.GetRequiredService<CardTokenResolver>();
        List<(string PassId, string Token)> cards;
        await using (var query = store.QuerySession())
        {
            cards = [.. (await query.Query<PassCard>().Take(2000).ToListAsync(cancellation)).Select(c => (c.Id, tokens.Create(c.Id, c.Generation)))];
        }

        var next = -1;
        (string PassId, string Token) NextCard() => cards[(int)((uint)Interlocked.Increment(ref next) % (uint)cards.Count)];

        async Task ResolveOverHttp(CancellationToken ct)
        {
            using var response = await client.PostAsJsonAsync("api/v1/tokens/resolve", new ResolveRequest(NextCard().Token), ct);
            await Expect(response, HttpStatusCode.OK, ct);
        }

        async Task ResolveWithoutHttp(CancellationToken ct)
        {
            await using var session = store.QuerySession();
            var (status, card) = await resolver.ResolveAsync(session, NextCard().Token, ct);
            if (card is null)
            {
                throw new InvalidOperationException($"The token resolved to {status}.");
            }
        }

        async Task PointRead(CancellationToken ct)
        {
            await using var command = dataSource.CreateCommand($"SELECT data FROM {MartenConfiguration.SchemaName}.mt_doc_passcard WHERE id = $1");
            command.Parameters.Add(new NpgsqlParameter { Value = NextCard().PassId });
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct) || reader.GetString(0).Length == 0)
            {
                throw new InvalidOperationException("No pass card row.");
            }
        }

        foreach (var concurrency in options.Concurrency)
        {
            Console.Error.WriteLine($"Resolving at {concurrency} concurrent over {cards.Count} cards …");
            results.AddRange(await LoadRounds.RunAsync(options, concurrency,
            [
                new(RawPointRead, null, PointRead),
                new(ResolveInProcess, RawPointRead, ResolveWithoutHttp),
                new(ResolveHttp, RawPointRead, ResolveOverHttp),
            ], cancellation, cpu: database.Cpu));
        }

        return results;
    }

    private static IssuePass NewIssuePass() =>
        new(PassId.New(), PassCode.New(), InstitutionId, ClientLanguage.De, AgeBand: null, IssuedBy: "c-benchmark");

    /// <summary>A random six-digit PIN the app accepts (not one digit repeated, not a run).</summary>
    private static string RandomPin()
    {
        while (true)
        {
            var pin = RandomNumberGenerator.GetInt32(1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            try
            {
                Pin.EnsureAcceptable(pin);
                return pin;
            }
            catch (CommandRejectedException)
            {
                // Drawn again; happens for a handful of the million PINs.
            }
        }
    }

    public static async Task Expect(HttpResponseMessage response, HttpStatusCode expected, CancellationToken cancellation)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync(cancellation);
            throw new HttpRequestException($"{(int)response.StatusCode} instead of {(int)expected}: {body[..Math.Min(body.Length, 300)]}");
        }
    }

    private sealed record IssueRequest(string PreferredLanguage, string Pin);

    private sealed record ResolveRequest(string Token);
}
