using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using Perfolizer.Horology;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Beratungspass.Benchmarks.Micro;

/// <summary>The BenchmarkDotNet side: one short job sized for a noisy 2-core machine, ratios per category.</summary>
public static class MicroSuite
{
    /// <summary>
    /// In-process (no generated project to build, which on this machine costs more than the measuring), one
    /// launch, 3 warm-up and 10 measured iterations of 500 ms: the whole suite takes a few minutes.
    /// </summary>
    public static Job ShortJob { get; } = Job.Default
        .WithId("Short2Core")
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithLaunchCount(1)
        .WithWarmupCount(3)
        .WithIterationCount(10)
        .WithIterationTime(TimeInterval.FromMilliseconds(500));

    public static int Run(string[] args)
    {
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(ShortJob)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(CategoriesColumn.Default)
            .AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory)
            .WithOrderer(new DefaultOrderer(SummaryOrderPolicy.Declared));

        // Without a filter BenchmarkDotNet asks interactively which benchmarks to run; run them all instead.
        string[] arguments = args.Contains("--filter") ? args : [.. args, "--filter", "*"];
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(MicroSuite).Assembly).Run(arguments, config).ToList();
        var failed = summaries.Count == 0 || summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
        return failed ? 1 : 0;
    }
}
