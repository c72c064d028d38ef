using Beratungspass.Tokens;
using Beratungspass.Web.Infrastructure.Problems;
using Marten;

namespace Beratungspass.Web.Passes.Printing;

/// <summary>GET /api/v1/passes/{passCode}/qr.svg and qr.png — the QR of the current card, for printing elsewhere.</summary>
public static class QrImageEndpoints
{
    public static void MapQrImages(this RouteGroupBuilder api)
    {
        api.MapGet("/passes/{passCode}/qr.svg", (string passCode, HttpContext context, IQuerySession session, CardTokens tokens, CancellationToken cancellation) =>
                Render(passCode, context, session, tokens, "image/svg+xml", token => System.Text.Encoding.UTF8.GetBytes(CardQr.Svg(token)), cancellation))
            .WithName("CardQrSvg")
            .WithSummary("QR code of the current card as SVG")
            .Produces(StatusCodes.Status200OK, contentType: "image/svg+xml")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/passes/{passCode}/qr.png", (string passCode, HttpContext context, IQuerySession session, CardTokens tokens, CancellationToken cancellation) =>
                Render(passCode, context, session, tokens, "image/png", token => CardQr.Png(token), cancellation))
            .WithName("CardQrPng")
            .WithSummary("QR code of the current card as PNG")
            .Produces(StatusCodes.Status200OK, contentType: "image/png")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> Render(
        string passCode, HttpContext context, IQuerySession session, CardTokens tokens, string contentType, Func<string, byte[]> render, CancellationToken cancellation)
    {
        var (card, problem) = await PassLookup.FindAsync(session, passCode, cancellation);
        if (card is null)
        {
            return context.Problem(problem!);
        }

        // The image is a credential for the card: never cached by browsers or proxies.
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(render(tokens.Create(card.Id, card.Generation)), contentType);
    }
}
