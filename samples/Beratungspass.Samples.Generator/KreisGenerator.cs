using System.Diagnostics;
using System.Globalization;
using Beratungspass.Infrastructure;
using Beratungspass.Passes;
using Beratungspass.Passes.Pins;
using Beratungspass.Tokens.KeyRing;
using JasperFx;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;

namespace Beratungspass.Samples.Generator;

/// <summary>What a run made and how long each part took.</summary>
public sealed record GenerationSummary(
    GeneratorOptions Options,
    LocalDate Today,
    int Passes,
    EventCounts Events,
    ReferralCounts Referrals,
    TimeSpan Planning,
    TimeSpan Loading,
    TimeSpan Projecting,
    IReadOnlyList<(string Table, long Rows, long Bytes)> Tables)
{
    public TimeSpan Total => Planning + Loading + Projecting;

    public double EventsPerSecond => (Events.Total + Referrals.Events) / (Loading + Projecting).TotalSeconds;

    /// <summary>Rows written in the pass tables (events, streams, documents) per second of loading.</summary>
    public double RowsPerSecond => Tables.Where(t => t.Table != "mt_doc_institution").Sum(t => t.Rows) / (Loading + Projecting).TotalSeconds;

    public string Describe()
    {
        var e = Events;
        var lines = new List<string>
        {
            Invariant($"preset {Options.Preset}, seed {Options.Seed}, two years up to {Today.PlusDays(-1):yyyy-MM-dd}, mode {Options.Mode.ToString().ToLowerInvariant()}, batch {Options.BatchSize}, parallel {Options.Parallelism}"),
            Invariant($"passes {Passes:N0}; events {e.Total:N0}: issued {e.Issued:N0}, consents {e.Consents:N0}, withdrawn {e.Withdrawals:N0}, contacts {e.Contacts:N0}, history views {e.Views:N0}, hidden {e.Hidden:N0}, cards reissued {e.Reissued:N0}"),
            Invariant($"referrals {Referrals.Referrals:N0} with {Referrals.Events:N0} events: ") + string.Join(", ", Referrals.ByStatus.OrderBy(s => s.Key).Select(s => Invariant($"{s.Key.ToString().ToLowerInvariant()} {s.Value:N0}"))),
            Invariant($"time: plan {Planning.TotalSeconds:F1} s, load {Loading.TotalSeconds:F1} s") + (Projecting > TimeSpan.Zero ? Invariant($", rebuild projections {Projecting.TotalSeconds:F1} s") : "") + Invariant($", total {Total.TotalSeconds:F1} s"),
            Invariant($"rate: {EventsPerSecond:N0} events/s, {RowsPerSecond:N0} rows/s (events, streams and documents)"),
        };
        lines.AddRange(Tables.Select(t => Invariant($"  {t.Table,-22} {t.Rows,12:N0} rows {t.Bytes / 1024.0 / 1024.0,10:N1} MiB")));
        return string.Join('\n', lines);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// Generates a Kreis of fictional passes into one database: the demo directory, every pass's events
/// through the domain's decisions, a PIN document per pass, all loaded through Marten's bulk paths.
/// </summary>
public static class KreisGenerator
{
    /// <summary>The PIN of every generated pass (the demo passes use it too).</summary>
    public const string Pin = "4711";

    public static async Task<GenerationSummary> GenerateAsync(
        GeneratorOptions options, string connectionString, KeyEncryptionKeys keys, TextWriter log, CancellationToken cancellation)
    {
        var today = options.Today ?? SystemClock.Instance.GetCurrentInstant().InZone(MartenConfiguration.Zone).Date;
        var directory = KreisDirectory.Load();

        var planning = Stopwatch.StartNew();
        var plans = PassPlanner.Plan(directory, options.Passes, options.Contacts, options.Seed, today);
        planning.Stop();
        log.WriteLine($"Planned {plans.Count:N0} passes with {plans.Sum(p => p.Contacts):N0} contacts over {directory.Services.Count} services of {directory.Institutions.Count} institutions in {planning.Elapsed.TotalSeconds:F1} s.");

        await using var store = new DocumentStore(Options(connectionString));
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await KeyRingCheck.EnsureReadableAsync(store, keys, cancellation);
        await using (var query = store.QuerySession())
        {
            if (await query.LoadAsync<PassCard>(plans[0].PassId, cancellation) is not null)
            {
                throw new InvalidOperationException($"This database already holds the passes of seed {options.Seed}: generate into an empty database or use another --seed.");
            }
        }

        // The sample directory, where missing (as the app's demo loader does: existing entries may have been edited).
        await using (var session = store.LightweightSession())
        {
            await Web.Infrastructure.Demo.DemoDirectory.AddMissingAsync(session, directory.Sample, "generator", NodaTime.SystemClock.Instance.GetCurrentInstant(), cancellation);
            await session.SaveChangesAsync(cancellation);
        }

        var sealedPinHash = SealPin(store, keys);
        var story = new PassStory(directory, options.Seed, today);

        EventCounts counts;
        var projecting = TimeSpan.Zero;
        var loading = Stopwatch.StartNew();
        using (var progress = new ProgressBar(options.Mode == LoadMode.Copy ? "copy events   " : "load passes", plans.Count, "passes"))
        {
            counts = options.Mode == LoadMode.Copy
                ? await PassLoader.CopyEventsAsync(store, plans, story, sealedPinHash, options.BatchSize, progress, cancellation)
                : await PassLoader.SessionsAsync(store, plans, story, sealedPinHash, options.BatchSize, options.Parallelism, progress, cancellation);
        }

        var referrals = await ReferralsAsync(store, options, directory, plans, story, today, log, cancellation);
        loading.Stop();
        if (options.Mode == LoadMode.Copy)
        {
            var rebuilding = Stopwatch.StartNew();
            await PassLoader.RebuildProjectionsAsync(store, connectionString, counts.Total, cancellation);
            projecting = rebuilding.Elapsed;
        }

        await AnalyzeAsync(connectionString, cancellation);
        return new GenerationSummary(options, today, plans.Count, counts, referrals, planning.Elapsed, loading.Elapsed, projecting,
            await TablesAsync(connectionString, cancellation));
    }

    /// <summary>The referrals of the run, drawn over the passes just loaded and loaded as the passes were.</summary>
    private static async Task<ReferralCounts> ReferralsAsync(
        DocumentStore store, GeneratorOptions options, KreisDirectory directory, IReadOnlyList<PassPlan> plans, PassStory story, LocalDate today,
        TextWriter log, CancellationToken cancellation)
    {
        if (options.Referrals == 0)
        {
            return ReferralCounts.Of([]);
        }

        Dictionary<string, Beratungspass.ServiceDirectory.DirectoryService> services;
        Dictionary<string, Beratungspass.ServiceDirectory.DirectoryOrganization> organizations;
        await using (var query = store.QuerySession())
        {
            services = (await query.Query<Beratungspass.ServiceDirectory.DirectoryService>().ToListAsync(cancellation)).ToDictionary(s => s.ServiceId, StringComparer.Ordinal);
            organizations = (await query.Query<Beratungspass.ServiceDirectory.DirectoryOrganization>().ToListAsync(cancellation)).ToDictionary(o => o.OrganizationId, StringComparer.Ordinal);
        }

        var referrals = new ReferralStory(directory, services, organizations, options.Seed, today).Tell(plans, story, options.Referrals);
        using (var progress = new ProgressBar("load referrals", referrals.Count, "referrals"))
        {
            await PassLoader.ReferralsAsync(store, referrals, options.Mode, options.BatchSize, progress, cancellation);
        }

        var counts = ReferralCounts.Of(referrals);
        log.WriteLine($"Made {counts.Referrals:N0} referrals with {counts.Events:N0} events.");
        return counts;
    }

    /// <summary>The app's store options; the generator only raises the batch size of a session's commands.</summary>
    public static StoreOptions Options(string connectionString)
    {
        var options = new StoreOptions();
        MartenConfiguration.Configure(options, connectionString);
        options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        options.UpdateBatchSize = 1000;
        return options;
    }

    /// <summary>
    /// One PIN hash for all passes, sealed once with the database's key ring: 100,000 PBKDF2 runs (about
    /// 40 ms of a core each) would take over an hour on two cores and test nothing the benchmarks need.
    /// Every generated pass therefore opens with <see cref="Pin"/> — a data set for measuring, never for use.
    /// </summary>
    private static string SealPin(IDocumentStore store, KeyEncryptionKeys keys)
    {
        var services = new ServiceCollection();
        services.AddSingleton(store);
        services.AddBeratungspassDataProtection(keys);
        using var provider = services.BuildServiceProvider();
        var vault = provider.GetRequiredService<PinVault>();
        var sealedHash = vault.Seal(Pin);
        return vault.Verify(Pin, sealedHash) ? sealedHash : throw new InvalidOperationException("The sealed PIN hash does not verify.");
    }

    private static async Task AnalyzeAsync(string connectionString, CancellationToken cancellation)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellation);
        await using var analyze = new NpgsqlCommand("ANALYZE", connection) { CommandTimeout = 600 };
        await analyze.ExecuteNonQueryAsync(cancellation);
    }

    private static async Task<IReadOnlyList<(string, long, long)>> TablesAsync(string connectionString, CancellationToken cancellation)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellation);
        var tables = new List<(string, long, long)>();
        foreach (var table in new[] { "mt_events", "mt_streams", "mt_doc_pass", "mt_doc_passcard", "mt_doc_passhistory", "mt_doc_passpin", "mt_doc_referralcard", "mt_doc_institution" })
        {
            var name = $"{MartenConfiguration.SchemaName}.{table}";
            await using var command = new NpgsqlCommand($"SELECT count(*), pg_total_relation_size('{name}') FROM {name}", connection) { CommandTimeout = 300 };
            await using var reader = await command.ExecuteReaderAsync(cancellation);
            await reader.ReadAsync(cancellation);
            tables.Add((table, reader.GetInt64(0), reader.GetInt64(1)));
        }

        return tables;
    }
}
