using BenchmarkDotNet.Attributes;
using Beratungspass.Passes;
using Beratungspass.Passes.Issuing;
using Beratungspass.Passes.Reissuing;
using NodaTime;

namespace Beratungspass.Benchmarks.Micro;

/// <summary>The cheap parts of issuing and reissuing: pass code and the pure decisions.</summary>
[MemoryDiagnoser]
public class PassBenchmarks
{
    private readonly Instant now = Instant.FromUtc(2026, 3, 2, 9, 30);
    private string typedCode = "";
    private IssuePass issue = null!;
    private Pass pass = null!;
    private ReissueCard reissue = null!;

    [GlobalSetup]
    public void Setup()
    {
        var code = PassCode.New();
        // As a counsellor types it from the card: lower case, with the separators.
        typedCode = code.Display.ToLowerInvariant();
        if (!PassCode.Parse(typedCode).IsValid)
        {
            throw new InvalidOperationException($"{typedCode} does not parse.");
        }

        var passId = PassId.New();
        issue = new IssuePass(passId, code, "mbe-awo-unna", ClientLanguage.Ar, AgeBand.From27To44, "c-0123456789");
        pass = Pass.Create(IssuePassDecision.Decide(issue, now));
        reissue = new ReissueCard("jmd-caritas-luenen", "c-9876543210");
    }

    [Benchmark(Description = "PassCode.New")]
    public PassCode NewCode() => PassCode.New();

    [Benchmark(Description = "PassCode.Parse (typed, with dashes)")]
    public PassCodeParseResult ParseCode() => PassCode.Parse(typedCode);

    [Benchmark(Description = "IssuePassDecision.Decide")]
    public PassIssued DecideIssue() => IssuePassDecision.Decide(issue, now);

    [Benchmark(Description = "ReissueCardDecision.Decide")]
    public CardReissued DecideReissue() => ReissueCardDecision.Decide(pass, reissue, now);
}
