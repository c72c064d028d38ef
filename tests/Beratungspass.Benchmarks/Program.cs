using Beratungspass.Benchmarks.Load;
using Beratungspass.Benchmarks.Micro;

namespace Beratungspass.Benchmarks;

/// <summary>
/// <c>micro [BenchmarkDotNet arguments]</c> runs the micro-benchmarks; <c>load [--requests N] [--concurrency 1,8,32]</c>
/// runs the HTTP load runner against a private PostgreSQL cluster; <c>load --suite intake</c> measures the intake on a
/// generated data set. See docs/benchmarks.md.
/// </summary>
internal static class BenchmarksCli
{
    public static async Task<int> Main(string[] args) => args switch
    {
        ["micro", .. var rest] => MicroSuite.Run(rest),
        ["load", .. var rest] => await LoadSuite.RunAsync(rest),
        _ => Usage(),
    };

    private static int Usage()
    {
        Console.Error.WriteLine("""
            Usage:
              dotnet run -c Release --project tests/Beratungspass.Benchmarks -- micro [--filter PATTERN]
              dotnet run -c Release --project tests/Beratungspass.Benchmarks -- load [--requests N] [--concurrency 1,8,32] [--warmup N] [--seconds S] [--output FILE]
              dotnet run -c Release --project tests/Beratungspass.Benchmarks -- load --suite intake [--data-dir DIR | --connection CONN | --preset kreis|large] [same options]
              dotnet run -c Release --project tests/Beratungspass.Benchmarks -- load --suite directory [--services 2000] [same options]
              dotnet run -c Release --project tests/Beratungspass.Benchmarks -- load --suite referrals --concurrency 8 [same options]
            """);
        return 2;
    }
}
