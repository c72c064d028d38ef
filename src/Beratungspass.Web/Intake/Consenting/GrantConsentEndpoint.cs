using Beratungspass.Institutions;
using Beratungspass.Passes;
using Beratungspass.Passes.Consenting;
using Beratungspass.Web.Infrastructure.Auth;
using Beratungspass.Web.Infrastructure.Problems;
using Marten;
using NodaTime;
using NodaTime.Text;

namespace Beratungspass.Web.Intake.Consenting;

/// <summary>POST /api/v1/passes/{passCode}/consents — record a consent the client confirms with their PIN.</summary>
public static class GrantConsentEndpoint
{
    /// <param name="Scope">whole-network or listed-institutions.</param>
    /// <param name="InstitutionIds">The institutions covered when the scope is listed-institutions.</param>
    /// <param name="Purposes">show-history, record-contacts, referrals, statistics.</param>
    /// <param name="ValidUntil">Last day of validity (yyyy-MM-dd), at most two years ahead.</param>
    /// <param name="Pin">Typed by the client.</param>
    public sealed record Request(ConsentScope? Scope, IReadOnlyList<string>? InstitutionIds, IReadOnlyList<ConsentPurpose>? Purposes, string? ValidUntil, string? Pin);

    public sealed record Response(string ConsentId, string PresenceToken);

    public static void MapGrantConsent(this RouteGroupBuilder api) =>
        api.MapPost("/passes/{passCode}/consents", Handle)
            .RequireAuthorization(AuthSetup.IssuesPasses)
            .WithName("GrantConsent")
            .WithSummary("Record the client's consent")
            .Produces<Response>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status423Locked);

    private static async Task<IResult> Handle(string passCode, Request request, HttpContext context, IQuerySession session, IntakeDesk desk, CancellationToken cancellation)
    {
        var (card, problem) = await IntakeApi.PassAsync(context, session, passCode, cancellation);
        if (card is null)
        {
            return problem!;
        }

        if (request.Scope is not { } scope || request.Purposes is null
            || !LocalDatePattern.Iso.Parse(request.ValidUntil ?? "").TryGetValue(default, out var validUntil))
        {
            return context.Problem(ProblemCatalog.ConsentInvalid);
        }

        // Only institutions of the network may be listed: anything else would put free text into the pass's events.
        if (scope == ConsentScope.ListedInstitutions && !await AllKnownAsync(session, request.InstitutionIds ?? [], cancellation))
        {
            return context.Problem(ProblemCatalog.ConsentInvalid);
        }

        var counsellor = Counsellor.From(context.User);
        var consentId = Guid.NewGuid().ToString("N");
        var command = new GrantConsent(consentId, scope, request.InstitutionIds ?? [], request.Purposes, validUntil, counsellor.InstitutionId, counsellor.Pseudonym);
        var token = await desk.GrantConsentAsync(card, counsellor, command, request.Pin, cancellation);
        return TypedResults.Created($"/api/v1/passes/{card.PassCode}/consents/{consentId}", new Response(consentId, token));
    }

    private static async Task<bool> AllKnownAsync(IQuerySession session, IEnumerable<string> institutionIds, CancellationToken cancellation)
    {
        // Blanks are left to the decision, which refuses a list without any institution.
        var ids = institutionIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToList();
        return ids.Count == 0 || (await session.LoadManyAsync<Institution>(cancellation, ids)).Count == ids.Count;
    }
}
