using System.Diagnostics;
using System.Net;
using Beratungspass.Infrastructure;
using Beratungspass.Samples.Generator;
using Beratungspass.ServiceDirectory;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;

namespace Beratungspass.Benchmarks.Load;

/// <summary>
/// Directory search at the size of a region: a synthetic directory of <see cref="LoadOptions.Services"/> services
/// next to the sample one, searched with representative queries in-process (catalogue + search, the server's
/// own work), over HTTP (the public search page and the HSDS API), and by a hand-written SQL search over the
/// same documents as the raw baseline; plus the full HSDS export over HTTP.
/// </summary>
public static class DirectorySuite
{
    public const string RawSearch = "raw Npgsql: SQL search over mt_doc_directoryservice (jsonb filters + ILIKE)";
    public const string SearchInProcess = "search in-process (DirectoryCatalog.CurrentAsync + DirectorySnapshot.Search)";
    public const string SearchPage = "search page: GET /directory?q=…";
    public const string SearchHsds = "HSDS API: GET /hsds/services?search=…&per_page=50";
    public const string ExportHsds = "HSDS export: GET /directory/export/hsds.json";
    public const string RawExport = "raw Npgsql: SELECT data of every directory document";

    /// <summary>The aim of issue 4: search ≤ 20 ms server time at p99.</summary>
    private const double SearchP99AimMs = 20;

    /// <summary>What people type and pick: a word, a topic with a language, an age, a town with "open now", a misspelt town.</summary>
    private static readonly DirectoryQuery[] Queries =
    [
        new(Text: "beratung"),
        new(Topic: "language-course", Language: "ar"),
        new(Text: "flüchtlinge", Age: 30),
        new(Town: "Werne", OpenNow: true),
        new(Text: "lunen jugend"),
        new(Topic: "housing", Town: "Kamen"),
        new(Text: "einbürgerung"),
        new(Language: "uk", Age: 17),
    ];

    public static async Task<(List<LoadResult> Results, IReadOnlyList<string> Setup, IReadOnlyList<string> Reading)> MeasureAsync(
        BenchDatabase database, LoadOptions options, CancellationToken cancellation)
    {
        var app = LoadSuite.StartApp(database);
        await using var appLifetime = app;
        var store = app.Services.GetRequiredService<IDocumentStore>();
        var catalog = app.Services.GetRequiredService<DirectoryCatalog>();
        var clock = SystemClock.Instance;

        var loading = Stopwatch.StartNew();
        var synthetic = SyntheticDirectory.Create(options.Services, seed: 4);
        foreach (var batch in synthetic.Chunk(50))
        {
            await using var session = store.LightweightSession();
            await Web.Infrastructure.Demo.DemoDirectory.AddMissingAsync(session, batch, "benchmark", clock.GetCurrentInstant(), cancellation);
            await session.SaveChangesAsync(cancellation);
        }

        var snapshot = await catalog.CurrentAsync(cancellation);
        var setup = new List<string>
        {
            LoadReport.Invariant($"Directory: {snapshot.Organizations.Count:N0} organizations, {snapshot.Services.Count:N0} services ({options.Services:N0} synthetic, seed 4, plus the sample directory); stored through the directory's decisions in {loading.Elapsed.TotalSeconds:F1} s"),
        };
        foreach (var query in Queries)
        {
            setup.Add(LoadReport.Invariant($"Query {Describe(query)}: {snapshot.Search(query, clock.GetCurrentInstant()).Count:N0} services"));
        }

        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var next = -1;
        DirectoryQuery NextQuery() => Queries[(int)((uint)Interlocked.Increment(ref next) % (uint)Queries.Length)];

        async Task SearchInProcessCall(CancellationToken ct)
        {
            var current = await catalog.CurrentAsync(ct);
            _ = current.Search(NextQuery(), clock.GetCurrentInstant());
        }

        // The same filters written by hand in SQL over the stored documents ("open now" left out: SQL over RRULE-style hours is not a fair fight).
        async Task SearchRaw(CancellationToken ct)
        {
            var query = NextQuery();
            var sql = $"""
                SELECT data FROM {MartenConfiguration.SchemaName}.mt_doc_directoryservice
                WHERE data->'details'->>'status' IN ('active', 'temporarily closed')
                  AND ($1::text IS NULL OR data->'details'->'topics' ? $1)
                  AND ($2::text IS NULL OR data->'details'->'languages' ? $2)
                  AND ($3::int IS NULL OR ((data->'details'->>'minimumAge') IS NULL OR (data->'details'->>'minimumAge')::int <= $3)
                                       AND ((data->'details'->>'maximumAge') IS NULL OR (data->'details'->>'maximumAge')::int >= $3))
                  AND ($4::text IS NULL OR (data->'details'->>'name') || ' ' || (data->'details'->>'description') ILIKE '%' || $4 || '%')
                """;
            await using var command = dataSource.CreateCommand(sql);
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.Topic ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.Language ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.Age ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.Text?.Split(' ')[0] ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                _ = reader.GetString(0);
            }
        }

        async Task Get(string path, string operation, CancellationToken ct)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
            request.Headers.Add(ServerTimings.Header, app.Timings.NewCall(operation));
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            await LoadSuite.Expect(response, HttpStatusCode.OK, ct);
        }

        Task SearchPageCall(CancellationToken ct) => Get("directory" + QueryString(NextQuery(), hsds: false), SearchPage, ct);

        Task SearchHsdsCall(CancellationToken ct) => Get("hsds/services" + QueryString(NextQuery(), hsds: true), SearchHsds, ct);

        Task ExportCall(CancellationToken ct) => Get("directory/export/hsds.json", ExportHsds, ct);

        async Task ExportRaw(CancellationToken ct)
        {
            await using var command = dataSource.CreateCommand(
                $"SELECT data FROM {MartenConfiguration.SchemaName}.mt_doc_directoryorganization UNION ALL SELECT data FROM {MartenConfiguration.SchemaName}.mt_doc_directoryservice");
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                _ = reader.GetString(0);
            }
        }

        var results = new List<LoadResult>();
        async Task Measure(int concurrency, LoadOperation[] operations, LoadOptions measuredWith)
        {
            var measured = await LoadRounds.RunAsync(measuredWith, concurrency, operations, cancellation, app.Timings.Clear, database.Cpu);
            foreach (var result in measured)
            {
                results.Add(result.Operation is SearchPage or SearchHsds or ExportHsds ? result.WithServerLatencies(app.Timings.Of(result.Operation)) : result);
            }

            app.Timings.Clear();
        }

        foreach (var concurrency in options.Concurrency)
        {
            Console.Error.WriteLine($"Directory search at {concurrency} concurrent over {snapshot.Services.Count:N0} services …");
            await Measure(concurrency, [
                new(RawSearch, null, SearchRaw),
                new(SearchInProcess, RawSearch, SearchInProcessCall),
                new(SearchPage, RawSearch, SearchPageCall),
                new(SearchHsds, RawSearch, SearchHsdsCall),
            ], options);
        }

        // The export is large: a tenth of the requests, at the lowest level only.
        Console.Error.WriteLine("HSDS export …");
        await Measure(options.Concurrency[0], [new(RawExport, null, ExportRaw), new(ExportHsds, RawExport, ExportCall)],
            options with { Requests = Math.Max(20, options.Requests / 10), Warmup = Math.Min(options.Warmup, 5) });

        var reading = new List<string>();
        foreach (var level in options.Concurrency)
        {
            var page = results.FirstOrDefault(r => r.Operation == SearchPage && r.Concurrency == level);
            if (page?.ServerLatencies is { Count: > 0 })
            {
                var p99 = page.ServerPercentile(0.99);
                reading.Add(LoadReport.Invariant($"Search page at {level} concurrent: server time p99 {p99:F2} ms (aim ≤ {SearchP99AimMs} ms: {(p99 <= SearchP99AimMs ? "met" : "missed")})."));
            }
        }

        return (results, setup, reading);
    }

    private static string Describe(DirectoryQuery query) => string.Join(", ", new[]
    {
        query.Text is { } text ? $"text \"{text}\"" : null,
        query.Topic is { } topic ? $"topic {topic}" : null,
        query.Language is { } language ? $"language {language}" : null,
        query.Age is { } age ? $"age {age}" : null,
        query.Town is { } town ? $"town {town}" : null,
        query.OpenNow ? "open now" : null,
    }.OfType<string>());

    private static string QueryString(DirectoryQuery query, bool hsds)
    {
        if (hsds)
        {
            // The HSDS API knows full-text search and taxonomy filters; the rest of the query goes into the text.
            var words = string.Join(' ', new[] { query.Text, query.Town }.OfType<string>());
            var term = query.Topic is { } topic ? $"&taxonomy_term_id={HsdsIds.TaxonomyTerm(topic)}" : "";
            return $"?search={Uri.EscapeDataString(words)}{term}&per_page=50";
        }

        var parts = new List<string>();
        if (query.Text is { } text)
        {
            parts.Add("q=" + Uri.EscapeDataString(text));
        }

        if (query.Topic is { } t)
        {
            parts.Add("topic=" + t);
        }

        if (query.Language is { } l)
        {
            parts.Add("language=" + l);
        }

        if (query.Age is { } a)
        {
            parts.Add("age=" + a.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (query.Town is { } town)
        {
            parts.Add("town=" + Uri.EscapeDataString(town));
        }

        if (query.OpenNow)
        {
            parts.Add("open=true");
        }

        return "?" + string.Join('&', parts);
    }
}
