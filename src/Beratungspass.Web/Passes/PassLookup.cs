using Beratungspass.Passes;
using Beratungspass.Tokens;
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

    /// <summary>
    /// Finds a pass from what one scan field received: the QR content a handheld scanner or the camera
    /// read, or a pass code typed by hand. A card replaced by a newer one opens nothing.
    /// </summary>
    public static async Task<(PassCard? Card, ProblemKind? Problem)> FindScannedAsync(
        IQuerySession session, CardTokenResolver resolver, string? scanned, CancellationToken cancellation)
    {
        var input = scanned?.Trim() ?? "";
        if (!input.StartsWith(CardTokens.Prefix, StringComparison.OrdinalIgnoreCase) || input.Length <= 20)
        {
            return await FindAsync(session, input, cancellation);
        }

        var (_, resolved) = await resolver.ResolveAsync(session, input, cancellation);
        return resolved switch
        {
            null => (null, ProblemCatalog.TokenInvalid),
            { State: CardState.Replaced } => (null, ProblemCatalog.CardReplaced),
            _ => (resolved.Pass, null),
        };
    }
}
