using Beratungspass.Passes;
using Beratungspass.Web.Infrastructure.Problems;
using Beratungspass.Web.Passes;
using Marten;

namespace Beratungspass.Web.Intake;

/// <summary>Shared by the intake endpoints: the pass named in the URL, or the problem to answer with.</summary>
public static class IntakeApi
{
    public static async Task<(PassCard? Card, IResult? Problem)> PassAsync(HttpContext context, IQuerySession session, string passCode, CancellationToken cancellation)
    {
        var (card, problem) = await PassLookup.FindAsync(session, passCode, cancellation);
        return card is null ? (null, context.Problem(problem!)) : (card, null);
    }
}
