using System.Text.Json.Serialization;
using NodaTime;

namespace Beratungspass.Referrals.Notifying;

/// <summary>What a referral notification tells an institution.</summary>
public enum ReferralNotificationKind
{
    /// <summary>A new referral waits in the receiving institution's inbox.</summary>
    [JsonStringEnumMemberName("new-referral")] NewReferral,

    /// <summary>The receiving service answered (accepted, started) or closed the referral with an outcome: for the referrer.</summary>
    [JsonStringEnumMemberName("result")] Result,

    /// <summary>The referring institution withdrew an open referral: for the receiver.</summary>
    [JsonStringEnumMemberName("withdrawn")] Withdrawn,
}

/// <summary>
/// One in-app notification for one institution about one step of a referral: a new referral in its inbox, or an
/// answer or outcome for the referrer. Saved in the transaction of the event it tells about, keyed by the referral
/// and the stream version, so a step notifies once. Carries no pass code, topic or note: the referral itself is
/// where those are shown, to those allowed to see them.
/// </summary>
public sealed class ReferralNotification
{
    /// <summary><see cref="KeyOf"/>: the referral id and the version of the event.</summary>
    public required string Id { get; set; }

    public required string ReferralId { get; set; }

    /// <summary>The institution told.</summary>
    public required string InstitutionId { get; set; }

    /// <summary>Which side of the referral the told institution is.</summary>
    public ReferralSide Side { get; set; }

    public ReferralNotificationKind Kind { get; set; }

    /// <summary>The referral's state after the step.</summary>
    public ReferralStatus Status { get; set; }

    public ReferralOutcome? Outcome { get; set; }

    /// <summary>The referral's version after the step.</summary>
    public long Version { get; set; }

    public Instant At { get; set; }

    /// <summary><see cref="At"/> as lists sort by it in SQL.</summary>
    public DateTimeOffset Created { get; set; }

    public bool Read { get; set; }

    public Instant? ReadAt { get; set; }

    /// <summary>The pseudonym of the counsellor who marked it read.</summary>
    public string? ReadBy { get; set; }

    public static string KeyOf(string referralId, long version) => $"{referralId}:{version}";
}
