using Beratungspass.Passes;
using Beratungspass.Tokens;
using Beratungspass.Web.Infrastructure.Problems;
using Marten;

namespace Beratungspass.Web.Tokens.Resolving;

/// <summary>POST /api/v1/tokens/resolve — what a scanned QR names: the pass code and whether the card is current.</summary>
public static class ResolveTokenEndpoint
{
    public const int MaximumBodyBytes = 4096;

    /// <param name="Token">The QR content exactly as the scanner delivered it.</param>
    public sealed record Request(string? Token);

    /// <param name="CardState">"valid" for the current card.</param>
    public sealed record Response(string PassCode, string CardState, int Generation);

    public static void MapResolveToken(this RouteGroupBuilder api) =>
        api.MapPost("/tokens/resolve", Handle)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaximumBodyBytes))
            .WithName("ResolveToken")
            .WithSummary("Resolve a scanned card token")
            .WithDescription("Answers 200 with the pass code for the current card, 410 for a replaced card and 400 for anything else — tampered, truncated, foreign or unknown tokens look alike.")
            .Produces<Response>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status410Gone)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

    private static async Task<IResult> Handle(Request request, HttpContext context, IQuerySession session, CardTokenResolver resolver, CancellationToken cancellation)
    {
        var (_, card) = await resolver.ResolveAsync(session, request.Token, cancellation);
        return card switch
        {
            null => context.Problem(ProblemCatalog.TokenInvalid),
            { State: CardState.Replaced } => context.Problem(ProblemCatalog.CardReplaced),
            _ => TypedResults.Ok(new Response(PassCode.Parse(card.Pass.PassCode).Code.Display, "valid", card.Pass.Generation)),
        };
    }
}
