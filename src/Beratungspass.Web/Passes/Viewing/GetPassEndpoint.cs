using Beratungspass.Web.Infrastructure.Problems;
using Marten;

namespace Beratungspass.Web.Passes.Viewing;

/// <summary>GET /api/v1/passes/{passCode} — the card state of a pass (no history: that needs the client's consent).</summary>
public static class GetPassEndpoint
{
    public static void MapGetPass(this RouteGroupBuilder api) =>
        api.MapGet("/passes/{passCode}", Handle)
            .WithName("GetPass")
            .WithSummary("Card state of a pass")
            .Produces<PassResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> Handle(string passCode, HttpContext context, IQuerySession session, CancellationToken cancellation)
    {
        var (card, problem) = await PassLookup.FindAsync(session, passCode, cancellation);
        return card is null ? context.Problem(problem!) : TypedResults.Ok(PassResponse.From(card));
    }
}
