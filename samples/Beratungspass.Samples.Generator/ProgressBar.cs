using System.Diagnostics;
using System.Globalization;

namespace Beratungspass.Samples.Generator;

/// <summary>
/// A progress line on standard error: bar, percentage, rate and time left. Redrawn in place four times a
/// second on a terminal; when standard error is redirected, a plain line every five seconds instead.
/// </summary>
public sealed class ProgressBar : IDisposable
{
    private const int Width = 30;

    private readonly string label;
    private readonly long total;
    private readonly string unit;
    private readonly TextWriter output;
    private readonly bool interactive;
    private readonly long start = Stopwatch.GetTimestamp();
    private readonly Timer timer;
    private readonly Lock drawing = new();
    private long done;
    private long events;
    private int finished;

    public ProgressBar(string label, long total, string unit, TextWriter? output = null)
    {
        this.label = label;
        this.total = Math.Max(total, 1);
        this.unit = unit;
        this.output = output ?? Console.Error;
        interactive = output is null && !Console.IsErrorRedirected;
        var period = interactive ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(5);
        timer = new Timer(_ => Draw(final: false), null, period, period);
    }

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(start);

    public long Events => Interlocked.Read(ref events);

    /// <summary>Counts finished units (passes, rows) and the events they held.</summary>
    public void Add(long units, long eventCount = 0)
    {
        Interlocked.Add(ref done, units);
        Interlocked.Add(ref events, eventCount);
    }

    /// <summary>Sets the finished units outright, for work whose progress is polled rather than counted.</summary>
    public void Set(long units) => Interlocked.Exchange(ref done, Math.Min(units, total));

    public void Dispose()
    {
        if (Interlocked.Exchange(ref finished, 1) == 0)
        {
            timer.Dispose();
            Draw(final: true);
        }
    }

    private void Draw(bool final)
    {
        lock (drawing)
        {
            var units = Interlocked.Read(ref done);
            var seconds = Math.Max(Elapsed.TotalSeconds, 0.001);
            var fraction = Math.Clamp(units / (double)total, 0, 1);
            var rate = units / seconds;
            var eventRate = Interlocked.Read(ref events) / seconds;
            var left = rate > 0 ? TimeSpan.FromSeconds((total - units) / rate) : (TimeSpan?)null;
            var filled = (int)Math.Round(fraction * Width);
            var rates = events > 0 ? Invariant($" · {eventRate:N0} events/s") : "";
            var time = final
                ? Invariant($" · {Elapsed:m\\:ss} total")
                : Invariant($" · ETA {(left is { } l ? l.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : "?")}");
            var line = Invariant($"{label} [{new string('#', filled)}{new string('.', Width - filled)}] {fraction,6:P1} {units:N0}/{total:N0} {unit} · {rate:N0} {unit}/s") + rates + time;
            if (interactive)
            {
                // Carriage return, the line, then "erase to end of line" for what a longer line left behind.
                output.Write("\r" + line + "\u001b[K");
                if (final)
                {
                    output.WriteLine();
                }
            }
            else
            {
                output.WriteLine(line);
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
