using Beratungspass.Passes;
using Beratungspass.Referrals;
using Beratungspass.Referrals.Requesting;
using Beratungspass.Web.Infrastructure.Auth;
using Beratungspass.Web.Infrastructure.Problems;
using Beratungspass.Web.Intake;
using Marten;
using NodaTime;

namespace Beratungspass.Web.Referrals.Requesting;

/// <summary>POST /api/v1/referrals — refer the present client to a service of another institution.</summary>
public static class RequestReferralEndpoint
{
    /// <param name="ReferralId">Drawn by the caller (32 hex digits or a UUID) to make retries safe: the same id creates one referral. Optional.</param>
    /// <param name="PassCode">The client's pass code.</param>
    /// <param name="PresenceToken">From the presence or consent call of this intake: the client is present.</param>
    /// <param name="FromServiceId">The referring service of the caller's institution; default its first-listed service.</param>
    /// <param name="ToServiceId">The receiving service (directory service id) of another institution.</param>
    /// <param name="Topics">Topic codes from GET /api/v1/topics, at least one.</param>
    /// <param name="Coordination">The call to the receiving service before referring — the normal path.</param>
    /// <param name="CoordinationSkippedBecause">Only without a coordination: why there was no call (counted in the statistics).</param>
    /// <param name="Note">For the receiving service, at most 1000 characters, never personal data.</param>
    /// <param name="Release">The release from confidentiality the client read: its text version and language (see /referrals/release).</param>
    public sealed record Request(
        string? ReferralId, string? PassCode, string? PresenceToken, string? FromServiceId, string? ToServiceId, IReadOnlyList<string>? Topics,
        CoordinationRequest? Coordination, string? CoordinationSkippedBecause, string? Note, ReleaseRequest? Release);

    /// <param name="Reached">Whom the counsellor reached (name or role); or give staffContactId.</param>
    /// <param name="StaffContactId">One of the receiving service's staff contacts.</param>
    /// <param name="CalledAt">When (ISO 8601 instant), not in the future, at most 30 days back.</param>
    /// <param name="Result">agreed, not-reached, not-responsible or no-capacity.</param>
    public sealed record CoordinationRequest(string? Reached, Guid? StaffContactId, Instant? CalledAt, CoordinationResult? Result, string? Note);

    /// <param name="TextVersion">The version shown on the release text the client read.</param>
    /// <param name="Language">de, en, ar, uk, ru, tr or fa: the language the client read it in.</param>
    public sealed record ReleaseRequest(string? TextVersion, string? Language);

    public static void MapRequestReferral(this RouteGroupBuilder api) =>
        api.MapPost("/referrals", Handle)
            .RequireAuthorization(AuthSetup.CounsellingApi)
            .WithName("RequestReferral")
            .WithSummary("Refer the client to another institution's service")
            .WithDescription("201 when created, 200 when this referralId was created before by the same institution for the same pass. " +
                "Needs the client's presence, an active consent for referrals covering the caller's institution, and the release from confidentiality.")
            .Produces<ReferralResponse>(StatusCodes.Status201Created)
            .Produces<ReferralResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> Handle(
        Request request, HttpContext context, IQuerySession session, ReferralDesk desk, IClock clock, CancellationToken cancellation)
    {
        var (card, problem) = await IntakeApi.PassAsync(context, session, request.PassCode ?? "", cancellation);
        if (card is null)
        {
            return problem!;
        }

        if (request.ToServiceId is null)
        {
            return context.Problem(ProblemCatalog.RequestInvalid);
        }

        if (request.Topics?.Any(topic => topic is null) == true)
        {
            return context.Problem(ProblemCatalog.TopicsInvalid);
        }

        if (request.Coordination is { } call && (call.CalledAt is null || call.Result is null))
        {
            return context.Problem(ProblemCatalog.CoordinationInvalid);
        }

        var language = ClientLanguage.De;
        if (request.Release is { Language: var code } && !ClientLanguages.TryParse(code, out language))
        {
            return context.Problem(ProblemCatalog.LanguageInvalid);
        }

        var counsellor = Counsellor.From(context.User);
        var command = new RequestReferral(
            request.ReferralId ?? ReferralStreams.NewId(),
            request.FromServiceId ?? "",
            request.ToServiceId,
            request.Topics ?? [],
            request.Coordination is { } c ? new PhoneCoordination(c.Reached ?? "", c.StaffContactId, c.CalledAt!.Value, c.Result!.Value, c.Note) : null,
            request.CoordinationSkippedBecause,
            request.Note,
            // Confirmed by the presence proof: the desk sets how the client showed they were present.
            request.Release is { TextVersion: { } version } ? new ConfidentialityRelease(version, language, ClientPresence.Pin) : null,
            counsellor.Pseudonym);
        var (referral, created) = await desk.RequestAsync(card, counsellor, request.PresenceToken, command, cancellation);
        var response = (await ReferralResponse.ForAsync(session, [referral], counsellor, clock, cancellation))[0];
        return created ? TypedResults.Created($"/api/v1/referrals/{referral.ReferralId}", response) : TypedResults.Ok(response);
    }
}
