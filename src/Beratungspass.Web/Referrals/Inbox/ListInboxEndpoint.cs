using Beratungspass.Web.Infrastructure.Auth;
using Marten;
using NodaTime;

namespace Beratungspass.Web.Referrals.Inbox;

/// <summary>
/// GET /api/v1/referrals/inbox — referrals to the caller's institution: every open one (oldest first), then the
/// latest 50 closed. Pass code, topics, referring service and the calls; no history, nothing about the person.
/// </summary>
public static class ListInboxEndpoint
{
    public static void MapListInbox(this RouteGroupBuilder api) =>
        api.MapGet("/referrals/inbox", Handle)
            .RequireAuthorization(AuthSetup.CounsellingApi)
            .WithName("ListReferralInbox")
            .WithSummary("Referrals to the caller's institution")
            .Produces<ReferralListResponse>();

    private static async Task<IResult> Handle(HttpContext context, IQuerySession session, ReferralDesk desk, IClock clock, CancellationToken cancellation)
    {
        var counsellor = Counsellor.From(context.User);
        var inbox = await desk.InboxAsync(counsellor, cancellation);
        return TypedResults.Ok(new ReferralListResponse(await ReferralResponse.ForAsync(session, [.. inbox.Referrals], counsellor, clock, cancellation), null));
    }
}
