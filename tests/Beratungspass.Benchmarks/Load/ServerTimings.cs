using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Beratungspass.Benchmarks.Load;

/// <summary>
/// Server time of HTTP operations, measured inside the app: a middleware in front of the whole pipeline
/// times each request that carries an <c>X-Bench-Call</c> header, from its start to the written response,
/// and adds it to that call's sum — so an operation of two requests (resolve, then show) gets one server time.
/// </summary>
public sealed class ServerTimings
{
    public const string Header = "X-Bench-Call";

    private readonly ConcurrentDictionary<string, double> calls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> operations = new(StringComparer.Ordinal);
    private long next;

    /// <summary>A new call id for one operation call; send it with each of the call's requests. ASCII only, as headers must be.</summary>
    public string NewCall(string operation) => $"{Key(operation)}#{Interlocked.Increment(ref next)}";

    public void Add(string call, double milliseconds) => calls.AddOrUpdate(call, milliseconds, (_, sum) => sum + milliseconds);

    /// <summary>Forgets everything timed so far (the warm-up).</summary>
    public void Clear() => calls.Clear();

    /// <summary>The server time of each call of <paramref name="operation"/> since the last <see cref="Clear"/>, in milliseconds.</summary>
    public double[] Of(string operation) =>
        [.. calls.Where(c => c.Key.StartsWith(Key(operation) + "#", StringComparison.Ordinal)).Select(c => c.Value)];

    private string Key(string operation)
    {
        lock (operations)
        {
            if (!operations.TryGetValue(operation, out var number))
            {
                operations[operation] = number = operations.Count + 1;
            }

            return "op" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Puts the timing middleware first in the app's pipeline.</summary>
    public IStartupFilter StartupFilter() => new Filter(this);

    private sealed class Filter(ServerTimings timings) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                var call = context.Request.Headers[Header].ToString();
                if (call.Length == 0)
                {
                    await nextMiddleware(context);
                    return;
                }

                var start = Stopwatch.GetTimestamp();
                try
                {
                    await nextMiddleware(context);
                }
                finally
                {
                    timings.Add(call, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            });
            next(app);
        };
    }
}
