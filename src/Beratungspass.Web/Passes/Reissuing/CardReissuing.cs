using Beratungspass.Passes;
using Beratungspass.Passes.Reissuing;
using Beratungspass.Web.Infrastructure.Auth;
using Marten;
using NodaTime;

namespace Beratungspass.Web.Passes.Reissuing;

/// <summary>Appends <see cref="CardReissued"/>; with an expected version a stale form is refused instead of reissuing twice.</summary>
public sealed class CardReissuing(IDocumentStore store, IClock clock)
{
    public async Task<PassCard> ReissueAsync(string passId, long? expectedVersion, Counsellor counsellor, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var stream = expectedVersion is { } version
            ? await session.Events.FetchForWriting<Pass>(passId, version, cancellation)
            : await session.Events.FetchForWriting<Pass>(passId, cancellation);
        stream.AppendOne(ReissueCardDecision.Decide(stream.Aggregate, new ReissueCard(counsellor.InstitutionId, counsellor.Pseudonym), clock.GetCurrentInstant()));
        await session.SaveChangesAsync(cancellation);
        return (await session.LoadAsync<PassCard>(passId, cancellation))!;
    }
}
