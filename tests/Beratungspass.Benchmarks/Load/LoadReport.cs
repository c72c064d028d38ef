using System.Globalization;
using System.Text;

namespace Beratungspass.Benchmarks.Load;

/// <summary>The load runner's results as Markdown: machine, one table, server times of HTTP operations, and a reading per suite.</summary>
public static class LoadReport
{
    /// <param name="setup">Lines about the data measured on (intake: the generated data set).</param>
    /// <param name="reading">Lines that read the table against the aims (intake), appended at the end.</param>
    public static string Markdown(
        LoadOptions options, MachineDescription machine, IReadOnlyList<LoadResult> results, string loadAverageAfter,
        IReadOnlyList<string>? setup = null, IReadOnlyList<string>? reading = null)
    {
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');

        Line($"## Load run {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC (suite {options.Suite.ToString().ToLowerInvariant()})");
        Line();
        Line($"- machine: {machine.Cores} cores, {machine.Memory}, {machine.Os}");
        Line($"- runtime: {machine.Runtime}, {machine.Gc}; app, client and PostgreSQL share the machine");
        Line($"- database: {machine.PostgreSql} ({machine.PostgreSqlSettings})");
        Line($"- load average before / after: {machine.LoadAverage} / {loadAverageAfter}");
        Line($"- per measurement: up to {options.Requests} requests or {options.MeasurementLimit.TotalSeconds:F0} s, after {options.Warmup} warm-up requests; compared operations take turns in {LoadRounds.Rounds} rounds");
        foreach (var line in setup ?? [])
        {
            Line($"- {line}");
        }

        Line();
        Line("Ratios compare with the baseline at the same concurrency, measured in turns with it: throughput ratio = this / baseline, p50 ratio = this / baseline.");
        Line();
        var withCpu = results.Any(r => !double.IsNaN(r.RunnerCpuMsPerCall));
        Line("| operation | concurrency | requests | errors | throughput/s | p50 ms | p95 ms | p99 ms | baseline | throughput ratio | p50 ratio |" + (withCpu ? " CPU ms/call: runner | PostgreSQL |" : ""));
        Line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |" + (withCpu ? " ---: | ---: |" : ""));
        foreach (var result in Ordered(results))
        {
            var baseline = result.Baseline is null ? null : Find(results, result.Baseline, result.Concurrency);
            var cpu = withCpu ? Invariant($" {Number(result.RunnerCpuMsPerCall)} | {Number(result.PostgresCpuMsPerCall)} |") : "";
            Line(Invariant($"| {result.Operation} | {result.Concurrency} | {result.Requests} | {result.Errors} | {result.Throughput:F1} | {result.Percentile(0.50):F2} | {result.Percentile(0.95):F2} | {result.Percentile(0.99):F2} | {(result.Baseline is null ? "(baseline)" : result.Baseline)} | {Ratio(result.Throughput, baseline?.Throughput)} | {Ratio(result.Percentile(0.5), baseline?.Percentile(0.5))} |") + cpu);
        }

        if (withCpu)
        {
            Line();
            Line("CPU ms/call: CPU time per successful call, read from /proc around each measured round — \"runner\" is this process (the app, the load client and the baselines' own Marten store), \"PostgreSQL\" the run's cluster (postmaster and backends). Unlike latency it does not grow when other work on the machine takes the cores; /proc counts in 10 ms ticks, so it needs a few hundred calls per measurement to mean much.");
        }

        var timed = results.Where(r => r.ServerLatencies is { Count: > 0 }).ToList();
        if (timed.Count > 0)
        {
            Line();
            Line("Server time of the HTTP operations, measured by a middleware in front of the app's pipeline (request start to response written, summed over the requests of one call):");
            Line();
            Line("| operation | concurrency | calls | server p50 ms | server p95 ms | server p99 ms | client p99 ms |");
            Line("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var result in timed)
            {
                Line(Invariant($"| {result.Operation} | {result.Concurrency} | {result.ServerLatencies!.Count} | {result.ServerPercentile(0.50):F2} | {result.ServerPercentile(0.95):F2} | {result.ServerPercentile(0.99):F2} | {result.Percentile(0.99):F2} |"));
            }
        }

        var shares = PinHashShares(results).ToList();
        if (shares.Count > 0)
        {
            Line();
            Line("PIN hash share of issuing a pass over HTTP:");
            Line();
            shares.ForEach(Line);
        }

        if (reading is { Count: > 0 })
        {
            Line();
            foreach (var line in reading)
            {
                Line(line);
            }
        }

        var failures = results.Where(r => r.FirstError is not null).ToList();
        if (failures.Count > 0)
        {
            Line();
            Line("Errors:");
            foreach (var failure in failures)
            {
                Line($"- {failure.Operation} ×{failure.Concurrency}: {failure.FirstError}");
            }
        }

        return text.ToString();
    }

    private static IEnumerable<string> PinHashShares(IReadOnlyList<LoadResult> results)
    {
        foreach (var concurrency in results.Select(r => r.Concurrency).Distinct().Order())
        {
            var issue = Find(results, LoadSuite.IssueHttp, concurrency);
            var hash = Find(results, LoadSuite.PinHashAlone, concurrency);
            var withoutHash = Find(results, LoadSuite.IssueWithoutHash, concurrency);
            if (issue is null || hash is null || withoutHash is null)
            {
                continue;
            }

            // Latency: how much of one request's time is the hash. Throughput: the hash alone runs at T_h/s on
            // these cores, issuing at T_i/s, so the hash takes T_i / T_h of the machine's capacity.
            yield return Invariant($"- ×{concurrency}: p50 Pin.Hash {hash.Percentile(0.5):F1} ms of p50 issue {issue.Percentile(0.5):F1} ms ({hash.Percentile(0.5) / issue.Percentile(0.5):P0}); issuing at {issue.Throughput:F1}/s reaches {issue.Throughput / hash.Throughput:P0} of the rate at which the machine does nothing but hash PINs ({hash.Throughput:F1}/s); without the hash the issuing transaction does {withoutHash.Throughput:F1}/s ({withoutHash.Throughput / issue.Throughput:F1}× HTTP issuing)");
        }
    }

    private static IEnumerable<LoadResult> Ordered(IReadOnlyList<LoadResult> results)
    {
        // By group (issuing, resolving, history, contacts), then by concurrency; within a level in the order measured.
        string[][] groups =
        [
            [LoadSuite.RawStartStream, LoadSuite.IssueWithoutHash, LoadSuite.PinHashAlone, LoadSuite.IssueHttp],
            [LoadSuite.RawPointRead, LoadSuite.ResolveInProcess, LoadSuite.ResolveHttp],
            IntakeSuite.HistoryOperations,
            IntakeSuite.ContactOperations,
        ];
        int Group(LoadResult r) => Array.FindIndex(groups, g => g.Contains(r.Operation)) is var i and >= 0 ? i : groups.Length;
        return results.OrderBy(Group).ThenBy(r => r.Concurrency);
    }

    /// <summary>The result of an operation at a concurrency level, if it was measured.</summary>
    public static LoadResult? Find(IReadOnlyList<LoadResult> results, string operation, int concurrency) =>
        results.FirstOrDefault(r => r.Operation == operation && r.Concurrency == concurrency);


    private static string Number(double value) => double.IsNaN(value) ? "—" : Invariant($"{value:F2}");

    private static string Ratio(double value, double? baseline) =>
        baseline is > 0 && !double.IsNaN(value) ? Invariant($"{value / baseline.Value:F2}×") : "—";

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
