using Beratungspass.Infrastructure;
using Beratungspass.Referrals;
using Beratungspass.Referrals.Notifying;
using Beratungspass.Web.Infrastructure.Auth;
using Marten;
using NodaTime;

namespace Beratungspass.Web.Referrals;

/// <summary>A page of an institution's referral notifications, newest first, and how many are unread in all.</summary>
public sealed record ReferralNotificationList(IReadOnlyList<ReferralNotification> Notifications, int Unread);

/// <summary>The in-app notifications of referral events, and the outbox of the e-mails that tell a functional mailbox.</summary>
public sealed partial class ReferralDesk
{
    /// <summary>How many notifications a list shows at most.</summary>
    public const int NotificationsShown = 100;

    /// <summary>
    /// Queues the notification of a decided event in the event's own session, so it is saved with the event or not
    /// at all; with e-mail configured, the mail for the mailer too.
    /// </summary>
    private void Notify(IDocumentSession session, Referral referral, object decided, long version, Instant now)
    {
        if (ReferralNotifications.For(referral, decided, version, now) is not { } notification)
        {
            return;
        }

        session.Insert(notification);
        if (notifications.Value.EmailEnabled)
        {
            session.Insert(NotificationMail.For(notification));
        }
    }

    /// <summary>The counsellor's institution's notifications, newest first (only the unread ones if asked), and the unread count.</summary>
    public async Task<ReferralNotificationList> NotificationsAsync(Counsellor counsellor, bool unreadOnly, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var institution = counsellor.InstitutionId;
        var query = session.Query<ReferralNotification>().Where(n => n.InstitutionId == institution);
        if (unreadOnly)
        {
            query = query.Where(n => !n.Read);
        }

        var shown = await query.OrderByDescending(n => n.Created).Take(NotificationsShown).ToListAsync(cancellation);
        var unread = await UnreadNotificationsAsync(institution, cancellation);
        return new ReferralNotificationList(shown, unread);
    }

    /// <summary>How many notifications the institution has not read: the badge, one indexed count.</summary>
    public async Task<int> UnreadNotificationsAsync(string institutionId, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        return await session.Query<ReferralNotification>().CountAsync(n => n.InstitutionId == institutionId && !n.Read, cancellation);
    }

    /// <summary>Marks one of the institution's notifications read; another institution's answers as if it did not exist.</summary>
    /// <returns>True when it was unread until now.</returns>
    public async Task<bool> MarkNotificationReadAsync(string notificationId, Counsellor counsellor, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var notification = await session.LoadAsync<ReferralNotification>(notificationId, cancellation);
        if (notification is null || notification.InstitutionId != counsellor.InstitutionId)
        {
            throw new CommandRejectedException(Rejection.ReferralNotFound);
        }

        if (notification.Read)
        {
            return false;
        }

        notification.Read = true;
        notification.ReadAt = clock.GetCurrentInstant();
        notification.ReadBy = counsellor.Pseudonym;
        session.Store(notification);
        await session.SaveChangesAsync(cancellation);
        return true;
    }

    /// <summary>Marks every unread notification of the institution read.</summary>
    /// <returns>How many were marked.</returns>
    public async Task<int> MarkAllNotificationsReadAsync(Counsellor counsellor, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var institution = counsellor.InstitutionId;
        var unread = await session.Query<ReferralNotification>().Where(n => n.InstitutionId == institution && !n.Read).ToListAsync(cancellation);
        var now = clock.GetCurrentInstant();
        foreach (var notification in unread)
        {
            notification.Read = true;
            notification.ReadAt = now;
            notification.ReadBy = counsellor.Pseudonym;
            session.Store(notification);
        }

        await session.SaveChangesAsync(cancellation);
        return unread.Count;
    }
}
