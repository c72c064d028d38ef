using Beratungspass.Web.Infrastructure.Auth;
using Marten;
using NodaTime;

namespace Beratungspass.Web.Referrals.Outbox;

/// <summary>
/// GET /api/v1/referrals/outbox — referrals the caller's institution made: every open one (oldest first, with
/// overdue flags), every closed one whose result is unseen, then the latest 50 closed; and the unseen count.
/// Reading the list marks nothing seen: POST …/result-seen does.
/// </summary>
public static class ListOutboxEndpoint
{
    public static void MapListOutbox(this RouteGroupBuilder api) =>
        api.MapGet("/referrals/outbox", Handle)
            .RequireAuthorization(AuthSetup.CounsellingApi)
            .WithName("ListReferralOutbox")
            .WithSummary("Referrals the caller's institution made, with results and overdue flags")
            .Produces<ReferralListResponse>();

    private static async Task<IResult> Handle(HttpContext context, IQuerySession session, ReferralDesk desk, IClock clock, CancellationToken cancellation)
    {
        var counsellor = Counsellor.From(context.User);
        var outbox = await desk.OutboxAsync(counsellor, cancellation);
        return TypedResults.Ok(new ReferralListResponse(await ReferralResponse.ForAsync(session, [.. outbox.Referrals], counsellor, clock, cancellation), outbox.UnseenResults));
    }
}
