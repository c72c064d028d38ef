using Beratungspass.Passes.Presence;
using Beratungspass.Web.Infrastructure.Auth;
using Marten;

namespace Beratungspass.Web.Intake.ConfirmingPresence;

/// <summary>POST /api/v1/passes/{passCode}/presence — the client enters their PIN; answers a presence token for this intake.</summary>
public static class ConfirmPresenceEndpoint
{
    /// <param name="Pin">Typed by the client on the counsellor's device. Five wrong PINs lock the pass for 15 minutes.</param>
    public sealed record Request(string? Pin);

    /// <param name="PresenceToken">Proof of presence for the history and recording, bound to pass, institution and counsellor.</param>
    /// <param name="ExpiresInSeconds">How long the proof holds.</param>
    public sealed record Response(string PresenceToken, long ExpiresInSeconds);

    public static void MapConfirmPresence(this RouteGroupBuilder api) =>
        api.MapPost("/passes/{passCode}/presence", Handle)
            .RequireAuthorization(AuthSetup.IssuesPasses)
            .WithName("ConfirmPresence")
            .WithSummary("Confirm the client's presence with their PIN")
            .Produces<Response>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status423Locked);

    private static async Task<IResult> Handle(string passCode, Request request, HttpContext context, IQuerySession session, IntakeDesk desk, CancellationToken cancellation)
    {
        var (card, problem) = await IntakeApi.PassAsync(context, session, passCode, cancellation);
        if (card is null)
        {
            return problem!;
        }

        var token = await desk.ConfirmPresenceAsync(card, Counsellor.From(context.User), request.Pin, cancellation);
        return TypedResults.Ok(new Response(token, (long)PresenceTokens.Lifetime.TotalSeconds));
    }
}
