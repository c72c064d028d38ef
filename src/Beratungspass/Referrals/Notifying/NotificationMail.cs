using NodaTime;

namespace Beratungspass.Referrals.Notifying;

/// <summary>
/// An e-mail still to be sent to an institution's functional mailbox: the outbox of the mailer, saved in the
/// transaction of the referral event, so a mail is never lost when the SMTP server is down. Same id as its
/// <see cref="ReferralNotification"/>, so a step mails once. Kept under optimistic concurrency: a mailer claims it
/// (moving <see cref="NextAttemptAt"/> past its sending time) before sending, so two nodes do not both send it.
/// Holds no personal data: only whom to tell and what kind of news waits for them.
/// </summary>
public sealed class NotificationMail
{
    public required string Id { get; set; }

    public required string InstitutionId { get; set; }

    public ReferralNotificationKind Kind { get; set; }

    public ReferralSide Side { get; set; }

    public Instant CreatedAt { get; set; }

    /// <summary>Due to be (re)tried from then on; while claimed, the end of the claim.</summary>
    public Instant NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>Set once delivered to the SMTP server, or given up (<see cref="Outcome"/> says which).</summary>
    public Instant? DoneAt { get; set; }

    /// <summary>Null while pending; <c>sent</c>, <c>no-mailbox</c> or <c>gave-up</c>.</summary>
    public string? Outcome { get; set; }

    /// <summary>The last failure's type and message (no mail content), for the administrators.</summary>
    public string? LastError { get; set; }

    /// <summary>Pending: not done. What the mailer looks for (indexed).</summary>
    public bool Pending { get; set; } = true;

    public static NotificationMail For(ReferralNotification notification) => new()
    {
        Id = notification.Id,
        InstitutionId = notification.InstitutionId,
        Kind = notification.Kind,
        Side = notification.Side,
        CreatedAt = notification.At,
        NextAttemptAt = notification.At,
    };

    /// <summary>How long to wait after the <paramref name="attempts"/>-th failure: doubling from <paramref name="first"/>, at most <paramref name="longest"/>.</summary>
    public static Duration Backoff(int attempts, Duration first, Duration longest)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var ticks = first.TotalTicks * factor;
        return ticks >= longest.TotalTicks ? longest : Duration.FromTicks((long)ticks);
    }
}
