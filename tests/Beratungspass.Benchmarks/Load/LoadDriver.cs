using System.Diagnostics;

namespace Beratungspass.Benchmarks.Load;

/// <summary>One measured operation at one concurrency level.</summary>
public sealed class LoadResult(string operation, string? baseline, int concurrency, TimeSpan elapsed, double[] latenciesMs, int errors, string? firstError)
{
    private readonly double[] sorted = [.. latenciesMs.Order()];

    public string Operation { get; } = operation;

    /// <summary>The operation this one is compared with at the same concurrency; null for a baseline.</summary>
    public string? Baseline { get; } = baseline;

    public int Concurrency { get; } = concurrency;

    public int Requests => sorted.Length;

    public int Errors { get; } = errors;

    public string? FirstError { get; } = firstError;

    /// <summary>Wall time of the measurement (for a combined result, the sum over its rounds).</summary>
    public TimeSpan Elapsed { get; } = elapsed;

    /// <summary>Successful operations per second of wall time.</summary>
    public double Throughput => sorted.Length / Elapsed.TotalSeconds;

    /// <summary>One result from the rounds of the same operation: latencies pooled, wall times added.</summary>
    public static LoadResult Combine(IReadOnlyList<LoadResult> rounds)
    {
        var first = rounds[0];
        return new LoadResult(
            first.Operation, first.Baseline, first.Concurrency,
            rounds.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Elapsed),
            [.. rounds.SelectMany(r => r.sorted)],
            rounds.Sum(r => r.Errors),
            rounds.Select(r => r.FirstError).FirstOrDefault(e => e is not null));
    }

    /// <summary>Nearest-rank percentile of the successful operations' latencies, in milliseconds.</summary>
    public double Percentile(double fraction) => Nearest(sorted, fraction);

    /// <summary>For HTTP operations: the time the app spent on each call, measured inside it (see <see cref="ServerTimings"/>).</summary>
    public IReadOnlyList<double>? ServerLatencies { get; private set; }

    public LoadResult WithServerLatencies(IEnumerable<double> milliseconds)
    {
        ServerLatencies = [.. milliseconds.Order()];
        return this;
    }

    /// <summary>CPU time of the runner process (app, load client, baselines) per successful call, in milliseconds; NaN when not measured.</summary>
    public double RunnerCpuMsPerCall { get; private set; } = double.NaN;

    /// <summary>CPU time of the run's own PostgreSQL cluster per successful call, in milliseconds; NaN when not measured.</summary>
    public double PostgresCpuMsPerCall { get; private set; } = double.NaN;

    public LoadResult WithCpu(double runnerSeconds, double? postgresSeconds)
    {
        RunnerCpuMsPerCall = sorted.Length == 0 ? double.NaN : runnerSeconds * 1000 / sorted.Length;
        PostgresCpuMsPerCall = sorted.Length == 0 || postgresSeconds is null ? double.NaN : postgresSeconds.Value * 1000 / sorted.Length;
        return this;
    }

    public double ServerPercentile(double fraction) => ServerLatencies is { } server ? Nearest(server, fraction) : double.NaN;

    private static double Nearest(IReadOnlyList<double> sortedValues, double fraction) =>
        sortedValues.Count == 0 ? double.NaN : sortedValues[Math.Clamp((int)Math.Ceiling(fraction * sortedValues.Count) - 1, 0, sortedValues.Count - 1)];
}

/// <summary>Runs an operation with a fixed number of concurrent callers until a request count or a time limit is reached.</summary>
public static class LoadDriver
{
    public static async Task<LoadResult> MeasureAsync(
        string operation, string? baseline, int concurrency, int requests, TimeSpan limit,
        Func<CancellationToken, Task> call, CancellationToken cancellation)
    {
        var started = 0;
        var errors = 0;
        string? firstError = null;
        var latencies = new List<double>[concurrency];
        var start = Stopwatch.GetTimestamp();
        var stopAt = start + (long)(limit.TotalSeconds * Stopwatch.Frequency);

        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = new List<double>(requests / concurrency + 1);
            // No new call after the time limit; calls already running finish and count.
            while (!cancellation.IsCancellationRequested && Stopwatch.GetTimestamp() < stopAt && Interlocked.Increment(ref started) <= requests)
            {
                var callStart = Stopwatch.GetTimestamp();
                try
                {
                    await call(cancellation);
                    mine.Add(Stopwatch.GetElapsedTime(callStart).TotalMilliseconds);
                }
                catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
                {
                    return;
                }
#pragma warning disable CA1031 // A failed call is counted and reported, whatever it threw.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, $"{e.GetType().Name}: {e.Message}", null);
                }
            }
        }, CancellationToken.None)).ToArray();

        await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(start);
        cancellation.ThrowIfCancellationRequested();
        return new LoadResult(operation, baseline, concurrency, elapsed, [.. latencies.SelectMany(l => l)], errors, firstError);
    }
}
