using Beratungspass.Passes;
using Beratungspass.Web.Infrastructure.Problems;
using Marten;

namespace Beratungspass.Web.Passes;

/// <summary>Finds a pass by the code a person typed or a URL carries; a typo is told apart from an unknown code.</summary>
public static class PassLookup
{
    public static async Task<(PassCard? Card, ProblemKind? Problem)> FindAsync(IQuerySession session, string? typedCode, CancellationToken cancellation)
    {
        var parsed = PassCode.Parse(typedCode);
        if (!parsed.IsValid)
        {
            return (null, parsed.Problem == PassCodeProblem.CheckFailed ? ProblemCatalog.PassCodeTypo : ProblemCatalog.PassCodeMalformed);
        }

        var card = await session.Query<PassCard>().FirstOrDefaultAsync(c => c.PassCode == parsed.Code.Value, cancellation);
        return card is null ? (null, ProblemCatalog.PassNotFound) : (card, null);
    }
}
