namespace Beratungspass.Benchmarks.Load;

/// <summary>One operation of a comparison: its name, the baseline it is compared with (null for a baseline), and one call.</summary>
public sealed record LoadOperation(string Name, string? Baseline, Func<CancellationToken, Task> Call);

/// <summary>
/// Operations compared with each other run interleaved: warm-up, then rounds in which each runs a share
/// of its requests, starting with a different one each round. Noise from other work on the machine
/// (builds, other benchmarks) then falls on baseline and operation alike.
/// </summary>
public static class LoadRounds
{
    /// <summary>Rounds per measurement in which the compared operations take turns.</summary>
    public const int Rounds = 5;

    /// <param name="measuring">Called after the warm-up, before the first measured round (e.g. to forget server timings of the warm-up).</param>
    /// <param name="cpu">When given, the CPU time of the runner and of PostgreSQL per successful call is attached to each result.</param>
    public static async Task<IReadOnlyList<LoadResult>> RunAsync(
        LoadOptions options, int concurrency, IReadOnlyList<LoadOperation> operations, CancellationToken cancellation,
        Action? measuring = null, CpuMeter? cpu = null)
    {
        var warmupLimit = TimeSpan.FromSeconds(Math.Min(10, options.MeasurementLimit.TotalSeconds));
        foreach (var operation in operations)
        {
            await LoadDriver.MeasureAsync(operation.Name, operation.Baseline, concurrency, options.Warmup, warmupLimit, operation.Call, cancellation);
        }

        measuring?.Invoke();
        var requestsPerRound = (options.Requests + Rounds - 1) / Rounds;
        var limitPerRound = options.MeasurementLimit / Rounds;
        var rounds = operations.Select(_ => new List<LoadResult>()).ToArray();
        var runnerCpu = new double[operations.Count];
        var postgresCpu = new double?[operations.Count];
        for (var round = 0; round < Rounds; round++)
        {
            for (var k = 0; k < operations.Count; k++)
            {
                var i = (round + k) % operations.Count;
                var operation = operations[i];
                var before = cpu?.Read();
                rounds[i].Add(await LoadDriver.MeasureAsync(operation.Name, operation.Baseline, concurrency, requestsPerRound, limitPerRound, operation.Call, cancellation));
                if (cpu?.Read() is { } after && before is { } start)
                {
                    runnerCpu[i] += after.Runner - start.Runner;
                    postgresCpu[i] = after.PostgreSql - start.PostgreSql + (postgresCpu[i] ?? 0);
                }
            }
        }

        var results = rounds.Select(LoadResult.Combine).ToList();
        if (cpu is not null)
        {
            for (var i = 0; i < results.Count; i++)
            {
                results[i].WithCpu(runnerCpu[i], postgresCpu[i]);
            }
        }

        foreach (var result in results)
        {
            Console.Error.WriteLine($"  {result.Operation} ×{concurrency}: {result.Requests} ok, {result.Errors} failed, {result.Throughput:F1}/s, p50 {result.Percentile(0.5):F2} ms, p99 {result.Percentile(0.99):F2} ms{(double.IsNaN(result.RunnerCpuMsPerCall) ? "" : $", CPU/call runner {result.RunnerCpuMsPerCall:F2} ms, PostgreSQL {result.PostgresCpuMsPerCall:F2} ms")}{(result.FirstError is null ? "" : " — " + result.FirstError)}");
        }

        return results;
    }
}
