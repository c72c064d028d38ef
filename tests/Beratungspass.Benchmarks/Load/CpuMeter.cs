using System.Globalization;

namespace Beratungspass.Benchmarks.Load;

/// <summary>
/// CPU time used by this process (app, load client and baselines) and by the PostgreSQL cluster the run
/// started (the postmaster and its backends), read from <c>/proc</c>. Unlike wall time it does not grow
/// when other work on the machine takes the cores away, so it shows where each call's cost lies.
/// </summary>
public sealed class CpuMeter(int? postmasterPid)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public readonly record struct Reading(double Runner, double? PostgreSql);

    public Reading Read() => new(ProcessSeconds("self"), postmasterPid is { } pid ? ClusterSeconds(pid) : null);

    /// <summary>The postmaster's pid from <c>postmaster.pid</c> in a cluster's data folder, if it is there.</summary>
    public static int? PostmasterPid(string? dataDirectory)
    {
        var file = dataDirectory is null ? null : Path.Combine(dataDirectory, "postmaster.pid");
        return file is not null && File.Exists(file) && int.TryParse(File.ReadLines(file).FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    private static double ClusterSeconds(int postmaster)
    {
        var total = ProcessSeconds(postmaster.ToString(CultureInfo.InvariantCulture));
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            var name = Path.GetFileName(directory);
            if (name.All(char.IsAsciiDigit) && Stat(name) is { } fields && fields[1] == postmaster.ToString(CultureInfo.InvariantCulture))
            {
                total += Seconds(fields);
            }
        }

        return total;
    }

    private static double ProcessSeconds(string pid) => Stat(pid) is { } fields ? Seconds(fields) : 0;

    // Fields after "pid (comm) ": state, ppid, … utime is the 14th field of the line, stime the 15th.
    private static double Seconds(string[] fields) =>
        (double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;

    private static string[]? Stat(string pid)
    {
        try
        {
            var line = File.ReadAllText($"/proc/{pid}/stat");
            return line[(line.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null; // the process ended meanwhile
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
