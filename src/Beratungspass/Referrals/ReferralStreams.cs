namespace Beratungspass.Referrals;

/// <summary>
/// A referral is a stream of its own, keyed <c>referral:&lt;id&gt;</c>: the prefix keeps referral keys apart from
/// pass ids (32 hex characters as well) and from the directory's <c>organization:</c> and <c>service:</c> keys.
/// </summary>
public static class ReferralStreams
{
    public const string Prefix = "referral:";

    public static string Key(string referralId) => Prefix + referralId;

    /// <summary>
    /// A referral id is 128 bits, drawn by whoever makes the referral (the form when it is shown, or the caller's
    /// system), so a request sent twice creates one referral. Accepted as 32 hex digits or a UUID with hyphens,
    /// in either case; kept as 32 lower-case hex digits.
    /// </summary>
    public static bool TryNormalize(string? id, out string normalized)
    {
        normalized = "";
        if (id is null || id.Length is not (32 or 36) || !Guid.TryParseExact(id, id.Length == 32 ? "N" : "D", out var guid)
            || guid == Guid.Empty)
        {
            return false;
        }

        normalized = guid.ToString("N");
        return true;
    }

    public static string NewId() => Guid.NewGuid().ToString("N");
}
