using Beratungspass.Referrals;
using Beratungspass.Referrals.Notifying;
using Beratungspass.Web.Infrastructure.Auth;
using NodaTime;

namespace Beratungspass.Web.Referrals.Notifying;

/// <summary>
/// GET /api/v1/referrals/notifications — the caller's institution's notifications of referral events, newest first
/// (at most 100; <c>?unread=true</c> for the unread ones only) with the unread count; POST …/notifications/{id}/read
/// and …/notifications/read marks one or all read. Read or unread is the institution's, like its functional mailbox.
/// </summary>
public static class ReferralNotificationEndpoints
{
    /// <param name="Id">The notification's id.</param>
    /// <param name="ReferralId">The referral it tells about: GET /api/v1/referrals/{referralId} shows it.</param>
    /// <param name="Kind">new-referral (inbox), result (an answer or outcome for the referrer) or withdrawn (inbox).</param>
    /// <param name="Side">receiver or referrer: which side of the referral the caller's institution is.</param>
    /// <param name="Status">The referral's state after the step.</param>
    /// <param name="Outcome">The outcome, when the step closed the referral.</param>
    public sealed record NotificationResponse(
        string Id, string ReferralId, ReferralNotificationKind Kind, string Side, ReferralStatus Status, ReferralOutcome? Outcome, Instant At, bool Read);

    public sealed record NotificationListResponse(IReadOnlyList<NotificationResponse> Notifications, int Unread);

    /// <param name="Marked">How many notifications were unread until now.</param>
    public sealed record MarkedResponse(int Marked);

    public static void MapReferralNotifications(this RouteGroupBuilder api)
    {
        api.MapGet("/referrals/notifications", async (bool? unread, HttpContext context, ReferralDesk desk, CancellationToken cancellation) =>
            {
                var list = await desk.NotificationsAsync(Counsellor.From(context.User), unread ?? false, cancellation);
                return TypedResults.Ok(new NotificationListResponse([.. list.Notifications.Select(Response)], list.Unread));
            })
            .RequireAuthorization(AuthSetup.CounsellingApi)
            .WithName("ListReferralNotifications")
            .WithSummary("Notifications of referral events for the caller's institution, newest first")
            .Produces<NotificationListResponse>();
        api.MapPost("/referrals/notifications/{notificationId}/read", async (string notificationId, HttpContext context, ReferralDesk desk, CancellationToken cancellation) =>
                TypedResults.Ok(new MarkedResponse(await desk.MarkNotificationReadAsync(notificationId, Counsellor.From(context.User), cancellation) ? 1 : 0)))
            .RequireAuthorization(AuthSetup.CounsellingApi)
            .WithName("MarkReferralNotificationRead")
            .WithSummary("Mark one notification read")
            .Produces<MarkedResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/referrals/notifications/read", async (HttpContext context, ReferralDesk desk, CancellationToken cancellation) =>
                TypedResults.Ok(new MarkedResponse(await desk.MarkAllNotificationsReadAsync(Counsellor.From(context.User), cancellation))))
            .RequireAuthorization(AuthSetup.CounsellingApi)
            .WithName("MarkReferralNotificationsRead")
            .WithSummary("Mark every notification of the caller's institution read")
            .Produces<MarkedResponse>();
    }

    private static NotificationResponse Response(ReferralNotification n) =>
        new(n.Id, n.ReferralId, n.Kind, n.Side == ReferralSide.Receiver ? "receiver" : "referrer", n.Status, n.Outcome, n.At, n.Read);
}
