using Beratungspass.Passes;
using Beratungspass.Referrals;
using Marten;

namespace Beratungspass.Web.Referrals;

/// <summary>
/// The referrals of one pass, as its history shows them to a consenting viewer: read from the referral cards by
/// their pass id in the transaction that records the view. Not a document kept per pass: two referrals of one
/// pass answered at the same moment would both rewrite it, and one answer could be lost.
/// </summary>
public static class PassReferrals
{
    /// <summary>Open referrals first, then the closed ones; the newest first in each. Leaves out services the client hid.</summary>
    public static async Task<IReadOnlyList<ReferralCard>> OfAsync(IQuerySession session, PassHistory history, CancellationToken cancellation)
    {
        var passId = history.Id;
        var referrals = await session.Query<ReferralCard>().Where(r => r.PassId == passId).ToListAsync(cancellation);
        return [.. referrals
            .Where(r => !history.HiddenServiceIds.Contains(r.FromServiceId) && !history.HiddenServiceIds.Contains(r.ToServiceId))
            .OrderByDescending(r => r.Open)
            .ThenByDescending(r => r.RequestedAt)];
    }
}
