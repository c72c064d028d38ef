using Beratungspass.Passes;
using Beratungspass.Web.Infrastructure.Auth;
using Beratungspass.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Beratungspass.Web.Passes.Issuing;

/// <summary>POST /api/v1/passes — issue a pass for a client who is present and has chosen a PIN.</summary>
public static class IssuePassEndpoint
{
    /// <param name="PreferredLanguage">ISO 639-1: de, en, ar, uk, ru, tr or fa.</param>
    /// <param name="AgeBand">Optional: under-12, 12-17, 18-26, 27-44, 45-64 or 65-plus.</param>
    /// <param name="Pin">4 to 8 digits chosen by the client; stored only as a salted slow hash.</param>
    public sealed record Request(string? PreferredLanguage, string? AgeBand, string? Pin);

    public static void MapIssuePass(this RouteGroupBuilder api) =>
        api.MapPost("/passes", Handle)
            .RequireAuthorization(AuthSetup.Counselling)
            .WithName("IssuePass")
            .WithSummary("Issue a pass")
            .WithDescription("Issues a new pass at the signed-in counsellor's institution. Answers with the pass code and the links to the printable card and the QR images.")
            .Produces<PassResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest);

    private static async Task<IResult> Handle(Request request, HttpContext context, PassIssuing issuing, CancellationToken cancellation)
    {
        if (!ClientLanguages.TryParse(request.PreferredLanguage, out var language))
        {
            return context.Problem(ProblemCatalog.LanguageInvalid);
        }

        AgeBand? ageBand = null;
        if (!string.IsNullOrWhiteSpace(request.AgeBand))
        {
            if (!AgeBands.TryParse(request.AgeBand, out var band))
            {
                return context.Problem(ProblemCatalog.AgeBandInvalid);
            }

            ageBand = band;
        }

        var counsellor = Counsellor.From(context.User);
        var card = await issuing.IssueAsync(counsellor.InstitutionId, counsellor.Pseudonym, language, ageBand, request.Pin ?? "", cancellation);
        var response = PassResponse.From(card);
        return TypedResults.Created(response.Links.Self, response);
    }
}
