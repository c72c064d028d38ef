using System.Globalization;

namespace Beratungspass.Benchmarks.Load;

/// <summary>Command-line options of the load runner; every loop it runs is bounded by a count and a time.</summary>
public sealed record LoadOptions(int Requests, IReadOnlyList<int> Concurrency, int Warmup, TimeSpan MeasurementLimit, string? Output)
{
    public static LoadOptions Default { get; } = new(1000, [1, 8, 32], 40, TimeSpan.FromSeconds(20), null);

    /// <summary>Parses <c>--requests N --concurrency 1,8,32 --warmup N --seconds S --output FILE</c>; throws <see cref="FormatException"/> with a readable message.</summary>
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
                _ => throw new FormatException($"Unknown option {name}."),
            };
        }

        return options.Concurrency.Count == 0 ? throw new FormatException("--concurrency needs at least one level.") : options;
    }

    private static int Number(string name, string value, int minimum, int maximum) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= minimum && number <= maximum
            ? number
            : throw new FormatException($"{name} must be a whole number from {minimum} to {maximum}, not '{value}'.");
}
