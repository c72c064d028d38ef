using Beratungspass.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Beratungspass.Web.Referrals.Outbox;

/// <summary>POST /api/v1/referrals/{referralId}/result-seen — the referring institution saw the referral's latest answer or outcome.</summary>
public static class MarkResultSeenEndpoint
{
    /// <param name="Version">The version the caller showed; a result that arrived after it stays unseen. Optional.</param>
    public sealed record Request(long? Version);

    /// <param name="Marked">True when a result was marked seen now; false when there was nothing unseen (or a newer result arrived).</param>
    public sealed record Response(bool Marked);

    public static void MapMarkResultSeen(this RouteGroupBuilder api) =>
        api.MapPost("/referrals/{referralId}/result-seen", Handle)
            .RequireAuthorization(AuthSetup.CounsellingApi)
            .WithName("MarkReferralResultSeen")
            .WithSummary("Mark a referral's result seen (referring institution)")
            .Produces<Response>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> Handle(
        string referralId, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] Request? request, HttpContext context, ReferralDesk desk, CancellationToken cancellation) =>
        TypedResults.Ok(new Response(await desk.MarkResultSeenAsync(referralId, Counsellor.From(context.User), request?.Version, cancellation)));
}
