using Beratungspass.Web.Infrastructure.Auth;
using Marten;
using NodaTime;

namespace Beratungspass.Web.Referrals.Viewing;

/// <summary>GET /api/v1/referrals/{referralId} — one referral, for either of its two institutions; any other gets 404.</summary>
public static class GetReferralEndpoint
{
    public static void MapGetReferral(this RouteGroupBuilder api) =>
        api.MapGet("/referrals/{referralId}", Handle)
            .RequireAuthorization(AuthSetup.CounsellingApi)
            .WithName("GetReferral")
            .WithSummary("One referral of the caller's institution")
            .Produces<ReferralResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> Handle(string referralId, HttpContext context, IQuerySession session, ReferralDesk desk, IClock clock, CancellationToken cancellation)
    {
        var counsellor = Counsellor.From(context.User);
        var card = await desk.FindAsync(referralId, counsellor, cancellation);
        return TypedResults.Ok((await ReferralResponse.ForAsync(session, [card], counsellor, clock, cancellation))[0]);
    }
}
