using System.Globalization;

namespace Beratungspass.Benchmarks.Load;

/// <summary>Which operations a load run measures.</summary>
public enum LoadSuiteKind
{
    /// <summary>Issuing passes and resolving card tokens, on an empty database.</summary>
    Issuing,

    /// <summary>Scan → history and recording contacts, on a database filled by the data generator.</summary>
    Intake,

    /// <summary>Directory search and the HSDS export, on a synthetic directory of <see cref="LoadOptions.Services"/> services.</summary>
    Directory,

    /// <summary>Answering a referral and listing an inbox of 500 referrals, on an empty database.</summary>
    Referrals,
}

/// <summary>Command-line options of the load runner; every loop it runs is bounded by a count and a time.</summary>
/// <param name="DataDirectory">Intake: a data set the generator left in this folder (its cluster and key).</param>
/// <param name="Connection">Intake: a database the generator filled; the key-encryption key comes from DataProtection__KeyEncryptionKey.</param>
/// <param name="Preset">Intake without a data set: the generator preset to fill a fresh private cluster with first.</param>
/// <param name="NpgsqlSettings">Added to the connection string of app and baselines, e.g. <c>Max Auto Prepare=0</c> to measure without prepared statements.</param>
public sealed record LoadOptions(
    int Requests, IReadOnlyList<int> Concurrency, int Warmup, TimeSpan MeasurementLimit, string? Output,
    LoadSuiteKind Suite = LoadSuiteKind.Issuing, string? DataDirectory = null, string? Connection = null, string Preset = "kreis",
    string? NpgsqlSettings = null, int Services = 2000)
{
    public static LoadOptions Default { get; } = new(1000, [1, 8, 32], 40, TimeSpan.FromSeconds(20), null);

    /// <summary>
    /// Parses <c>--requests N --concurrency 1,8,32 --warmup N --seconds S --output FILE --suite issuing|intake
    /// --data-dir DIR --connection CONN --preset kreis|large --npgsql SETTINGS</c>; throws <see cref="FormatException"/> with a readable message.
    /// </summary>
    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = Default;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Count ? args[++i] : throw new FormatException($"{name} needs a value.");
            options = name switch
            {
                "--requests" => options with { Requests = Number(name, value, 1, 100_000) },
                "--concurrency" => options with { Concurrency = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => Number(name, v, 1, 256)).Distinct().Order()] },
                "--warmup" => options with { Warmup = Number(name, value, 0, 10_000) },
                "--seconds" => options with { MeasurementLimit = TimeSpan.FromSeconds(Number(name, value, 1, 600)) },
                "--output" => options with { Output = value },
                "--suite" => options with
                {
                    Suite = value switch
                    {
                        "issuing" => LoadSuiteKind.Issuing,
                        "intake" => LoadSuiteKind.Intake,
                        "directory" => LoadSuiteKind.Directory,
                        "referrals" => LoadSuiteKind.Referrals,
                        _ => throw new FormatException($"--suite must be issuing, intake, directory or referrals, not '{value}'."),
                    },
                },
                "--data-dir" => options with { DataDirectory = value },
                "--services" => options with { Services = Number(name, value, 1, 100_000) },
                "--connection" => options with { Connection = value },
                "--npgsql" => options with { NpgsqlSettings = value },
                "--preset" => options with { Preset = value is "kreis" or "large" ? value : throw new FormatException($"--preset must be kreis or large, not '{value}'.") },
                _ => throw new FormatException($"Unknown option {name}."),
            };
        }

        if (options.Concurrency.Count == 0)
        {
            throw new FormatException("--concurrency needs at least one level.");
        }

        if (options.Suite != LoadSuiteKind.Intake && (options.DataDirectory is not null || options.Connection is not null))
        {
            throw new FormatException("--data-dir and --connection apply to --suite intake.");
        }

        return options.DataDirectory is not null && options.Connection is not null
            ? throw new FormatException("--data-dir and --connection exclude each other.")
            : options;
    }

    private static int Number(string name, string value, int minimum, int maximum) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= minimum && number <= maximum
            ? number
            : throw new FormatException($"{name} must be a whole number from {minimum} to {maximum}, not '{value}'.");
}
