using Beratungspass.Passes;
using Beratungspass.Passes.Pins;
using Beratungspass.Passes.Reissuing;
using Beratungspass.Web.Infrastructure.Auth;
using Marten;
using NodaTime;

namespace Beratungspass.Web.Passes.Reissuing;

/// <summary>
/// Appends <see cref="CardReissued"/>; with an expected version a stale form is refused instead of
/// reissuing twice. A new PIN chosen by the client (the only way to reset a forgotten one) replaces the
/// old one and lifts a lock, in the same transaction.
/// </summary>
public sealed class CardReissuing(IDocumentStore store, IClock clock, PinVault pins)
{
    public async Task<PassCard> ReissueAsync(string passId, long? expectedVersion, Counsellor counsellor, CancellationToken cancellation, string? newPin = null)
    {
        var sealedPin = newPin is null ? null : pins.Seal(newPin);
        await using var session = store.LightweightSession();
        var stream = expectedVersion is { } version
            ? await session.Events.FetchForWriting<Pass>(passId, version, cancellation)
            : await session.Events.FetchForWriting<Pass>(passId, cancellation);
        stream.AppendOne(ReissueCardDecision.Decide(stream.Aggregate, new ReissueCard(counsellor.InstitutionId, counsellor.Pseudonym), clock.GetCurrentInstant()));
        if (sealedPin is not null && await session.LoadAsync<PassPin>(passId, cancellation) is { } stored)
        {
            PinChecks.Reset(stored, sealedPin);
            session.Store(stored);
        }

        await session.SaveChangesAsync(cancellation);
        return (await session.LoadAsync<PassCard>(passId, cancellation))!;
    }
}
