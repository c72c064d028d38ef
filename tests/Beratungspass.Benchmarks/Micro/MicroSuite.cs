using System.Diagnostics;
using System.Runtime;
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
    /// launch, 3 warm-up and 15 measured iterations of 500 ms: the whole suite takes a few minutes.
    /// </summary>
    public static Job ShortJob { get; } = Job.Default
        .WithId("Short2Core")
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithLaunchCount(1)
        .WithWarmupCount(3)
        .WithIterationCount(15)
        .WithIterationTime(TimeInterval.FromMilliseconds(500));

    public static int Run(string[] args)
    {
        if (GCSettings.IsServerGC)
        {
            return RunUnderWorkstationGc(args);
        }

        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(ShortJob)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(CategoriesColumn.Default)
            // Other builds share this machine: the median and the minimum say more than the mean alone.
            .AddColumn(StatisticColumn.Median, StatisticColumn.Min)
            .AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory)
            .WithOrderer(new DefaultOrderer(SummaryOrderPolicy.Declared));

        // Without a filter BenchmarkDotNet asks interactively which benchmarks to run; run them all instead.
        string[] arguments = args.Contains("--filter") ? args : [.. args, "--filter", "*"];
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(MicroSuite).Assembly).Run(arguments, config).ToList();
        var failed = summaries.Count == 0 || summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
        return failed ? 1 : 0;
    }

    /// <summary>
    /// The project runs with server GC, as the web host does, for the load runner. In-process, BenchmarkDotNet
    /// measures allocations reliably only under workstation GC (under server GC it reported none for
    /// <c>CardQr.Svg</c>), so the micro suite runs itself again as a child process with server GC off.
    /// </summary>
    private static int RunUnderWorkstationGc(string[] args)
    {
        var processPath = Environment.ProcessPath ?? throw new InvalidOperationException("Unknown process path.");
        var start = new ProcessStartInfo(processPath) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(processPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(MicroSuite).Assembly.Location);
        }

        start.ArgumentList.Add("micro");
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_gcServer"] = "0";
        using var child = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {processPath}.");
        child.WaitForExit();
        return child.ExitCode;
    }
}
