using Beratungspass.Web.Infrastructure.Auth;
using Marten;

namespace Beratungspass.Web.Intake.Consenting;

/// <summary>POST /api/v1/passes/{passCode}/consents/{consentId}/withdrawal — the client withdraws a consent, confirmed with their PIN.</summary>
public static class WithdrawConsentEndpoint
{
    public sealed record Request(string? Pin);

    public static void MapWithdrawConsent(this RouteGroupBuilder api) =>
        api.MapPost("/passes/{passCode}/consents/{consentId}/withdrawal", Handle)
            .RequireAuthorization(AuthSetup.IssuesPasses)
            .WithName("WithdrawConsent")
            .WithSummary("Withdraw a consent")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status423Locked);

    private static async Task<IResult> Handle(string passCode, string consentId, Request request, HttpContext context, IQuerySession session, IntakeDesk desk, CancellationToken cancellation)
    {
        var (card, problem) = await IntakeApi.PassAsync(context, session, passCode, cancellation);
        if (card is null)
        {
            return problem!;
        }

        await desk.WithdrawConsentAsync(card, Counsellor.From(context.User), consentId, request.Pin, cancellation);
        return TypedResults.NoContent();
    }
}
