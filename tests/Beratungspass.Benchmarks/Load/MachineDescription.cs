using System.Runtime;
using System.Runtime.InteropServices;
using Npgsql;

namespace Beratungspass.Benchmarks.Load;

/// <summary>What the figures were measured on, printed above them.</summary>
public sealed record MachineDescription(int Cores, string Memory, string Os, string Runtime, string Gc, string PostgreSql, string PostgreSqlSettings, string LoadAverage)
{
    public static async Task<MachineDescription> ReadAsync(string connectionString, CancellationToken cancellation)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellation);
        await using var version = new NpgsqlCommand("SELECT version()", connection);
        var postgres = (string)(await version.ExecuteScalarAsync(cancellation))!;
        var settings = new List<string>();
        foreach (var name in new[] { "fsync", "synchronous_commit", "shared_buffers", "max_connections" })
        {
            await using var show = new NpgsqlCommand($"SHOW {name}", connection);
            settings.Add($"{name}={await show.ExecuteScalarAsync(cancellation)}");
        }

        return new MachineDescription(
            Environment.ProcessorCount,
            MemoryTotal(),
            RuntimeInformation.OSDescription,
            $"{RuntimeInformation.FrameworkDescription} ({RuntimeInformation.ProcessArchitecture})",
            GCSettings.IsServerGC ? "server GC" : "workstation GC",
            postgres,
            string.Join(", ", settings),
            await LoadAverageAsync());
    }

    /// <summary>1, 5 and 15 minute load averages: how busy the machine was besides this run.</summary>
    public static async Task<string> LoadAverageAsync() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', (await File.ReadAllTextAsync("/proc/loadavg")).Split(' ').Take(3)) : "unknown";

    private static string MemoryTotal()
    {
        var line = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) : null;
        return line is not null && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], out var kilobytes)
            ? $"{kilobytes / 1024.0 / 1024.0:F1} GiB"
            : "unknown";
    }
}
