using Beratungspass.Passes;
using Marten;

namespace Beratungspass.Tokens;

public enum CardState
{
    /// <summary>The current card of an existing pass.</summary>
    Valid,

    /// <summary>A card of an older generation: a newer card was issued.</summary>
    Replaced,
}

public sealed record ResolvedCard(PassCard Pass, CardState State);

/// <summary>Reads a scanned token and finds its pass. Anything not a current or replaced card of an existing pass is null.</summary>
public sealed class CardTokenResolver(CardTokens tokens)
{
    public async Task<(CardTokenStatus Status, ResolvedCard? Card)> ResolveAsync(IQuerySession session, string? token, CancellationToken cancellation)
    {
        var reading = tokens.Read(token);
        if (reading.Status != CardTokenStatus.Readable)
        {
            return (reading.Status, null);
        }

        var card = await session.LoadAsync<PassCard>(reading.PassId, cancellation);
        if (card is null || reading.Generation > card.Generation)
        {
            // An erased pass reads exactly like a tampered token: nothing tells that it ever existed.
            return (CardTokenStatus.Invalid, null);
        }

        return (CardTokenStatus.Readable, new ResolvedCard(card, reading.Generation == card.Generation ? CardState.Valid : CardState.Replaced));
    }
}
