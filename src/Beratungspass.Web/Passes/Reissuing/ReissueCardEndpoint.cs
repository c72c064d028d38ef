using Beratungspass.Web.Infrastructure.Auth;
using Beratungspass.Web.Infrastructure.Problems;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace Beratungspass.Web.Passes.Reissuing;

/// <summary>POST /api/v1/passes/{passCode}/card — a new card; tokens of the older cards answer "card replaced" from now on.</summary>
public static class ReissueCardEndpoint
{
    /// <param name="ExpectedVersion">The pass version the caller saw; when given, a pass changed meanwhile answers 409 instead of reissuing.</param>
    /// <param name="NewPin">Optional: a new PIN the client chose, to reset a forgotten one (4–8 digits). Lifts a PIN lock.</param>
    public sealed record Request(long? ExpectedVersion, string? NewPin = null);

    public static void MapReissueCard(this RouteGroupBuilder api) =>
        api.MapPost("/passes/{passCode}/card", Handle)
            .RequireAuthorization(AuthSetup.Counselling)
            .WithName("ReissueCard")
            .WithSummary("Reissue the card of a pass")
            .WithDescription("Hands out a new card generation, e.g. for a lost card or a forgotten PIN. Older QR codes stop working.")
            .Produces<PassResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> Handle(
        string passCode, [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] Request? request,
        HttpContext context, IQuerySession query, CardReissuing reissuing, CancellationToken cancellation)
    {
        var (card, problem) = await PassLookup.FindAsync(query, passCode, cancellation);
        if (card is null)
        {
            return context.Problem(problem!);
        }

        var reissued = await reissuing.ReissueAsync(card.Id, request?.ExpectedVersion, Counsellor.From(context.User), cancellation, request?.NewPin);
        return TypedResults.Ok(PassResponse.From(reissued));
    }
}
