using Beratungspass.Infrastructure;
using Beratungspass.Passes;
using Beratungspass.Passes.Pins;
using Beratungspass.Passes.Reissuing;
using Beratungspass.Web.Infrastructure.Auth;
using Marten;
using NodaTime;

namespace Beratungspass.Web.Passes.Reissuing;

/// <summary>Appends <see cref="CardReissued"/>; with an expected version a stale form is refused instead of reissuing twice.</summary>
public sealed class CardReissuing(IDocumentStore store, IClock clock, PinVault pins)
{
    /// <param name="newPin">
    /// A PIN the client chose for the new card: the only way a forgotten PIN is replaced, with the client
    /// present. It lifts a PIN lock too. Stored in the same transaction as the new card.
    /// </param>
    public async Task<PassCard> ReissueAsync(string passId, long? expectedVersion, Counsellor counsellor, CancellationToken cancellation, string? newPin = null)
    {
        var sealedPin = newPin is null ? null : pins.Seal(newPin);
        await using var session = store.LightweightSession();
        // The expected version names the card the caller saw (PassCard.Version): a card reissued meanwhile is
        // refused; contacts and views recorded meanwhile are not a reason to. Two reissues at once still
        // collide on the stream version FetchForWriting read, and one of them is refused.
        var stream = await session.Events.FetchForWriting<Pass>(passId, cancellation);
        if (expectedVersion is { } version
            && (await session.LoadAsync<PassCard>(passId, cancellation))?.Version != version)
        {
            throw new CommandRejectedException(Rejection.ChangedMeanwhile);
        }

        stream.AppendOne(ReissueCardDecision.Decide(stream.Aggregate, new ReissueCard(counsellor.InstitutionId, counsellor.Pseudonym), clock.GetCurrentInstant()));
        if (sealedPin is not null)
        {
            var stored = await session.LoadAsync<PassPin>(passId, cancellation)
                ?? throw new InvalidOperationException("A pass without a PIN document.");
            PinChecks.Reset(stored, sealedPin);
            session.Store(stored);
        }

        await session.SaveChangesAsync(cancellation);
        return (await session.LoadAsync<PassCard>(passId, cancellation))!;
    }
}
