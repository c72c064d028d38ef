using Beratungspass.Referrals;
using Beratungspass.Web.Infrastructure.Auth;
using Beratungspass.Web.Infrastructure.Problems;
using Marten;
using NodaTime;

namespace Beratungspass.Web.Referrals.Answering;

/// <summary>
/// POST /api/v1/referrals/{referralId}/acceptance, /rejection, /start, /completion, /failure (the receiving
/// institution), /cancellation and /coordinations (the referring institution): one step of the referral each,
/// given on the version the caller saw. 409 changed-meanwhile when the referral changed since, or another answer
/// won the race; 409 referral-closed once it has its outcome; 409 referral-transition-invalid for a step its state
/// does not take.
/// </summary>
public static class AnswerReferralEndpoints
{
    /// <param name="ExpectedVersion">The referral's version the caller saw (from GET, the inbox or the outbox).</param>
    public sealed record StepRequest(long? ExpectedVersion);

    /// <param name="ExpectedVersion">The referral's version the caller saw.</param>
    /// <param name="Reason">Rejection: not-responsible, no-capacity or referred-elsewhere. Cancellation: client-declined, referred-elsewhere or client-did-not-come.</param>
    /// <param name="Note">At most 1000 characters, never personal data.</param>
    public sealed record ReasonRequest(long? ExpectedVersion, ReferralOutcome? Reason, string? Note);

    /// <param name="ExpectedVersion">The referral's version the caller saw.</param>
    /// <param name="Outcome">Completion: any outcome. Failure: any but counselling-took-place.</param>
    /// <param name="Note">At most 1000 characters, never personal data.</param>
    public sealed record OutcomeRequest(long? ExpectedVersion, ReferralOutcome? Outcome, string? Note);

    /// <param name="ExpectedVersion">The referral's version the caller saw.</param>
    /// <param name="Reached">Whom the counsellor reached; or give staffContactId.</param>
    /// <param name="StaffContactId">One of the receiving service's staff contacts.</param>
    /// <param name="CalledAt">When (ISO 8601 instant), not in the future, at most 30 days back.</param>
    /// <param name="Result">agreed, not-reached, not-responsible or no-capacity.</param>
    public sealed record CoordinationRequest(long? ExpectedVersion, string? Reached, Guid? StaffContactId, Instant? CalledAt, CoordinationResult? Result, string? Note);

    public static void MapAnswerReferral(this RouteGroupBuilder api)
    {
        Step(api.MapPost("/referrals/{referralId}/acceptance", (string referralId, StepRequest request, HttpContext context, IQuerySession session, ReferralDesk desk, IClock clock, CancellationToken cancellation) =>
                AnswerAsync(context, session, desk, clock, referralId, request.ExpectedVersion, (institution, by) => new AcceptReferral(institution, by), cancellation)),
            "AcceptReferral", "Accept a referral (receiving institution)");
        Step(api.MapPost("/referrals/{referralId}/rejection", (string referralId, ReasonRequest request, HttpContext context, IQuerySession session, ReferralDesk desk, IClock clock, CancellationToken cancellation) =>
                request.Reason is not { } reason
                    ? Task.FromResult(context.Problem(ProblemCatalog.ReferralOutcomeInvalid))
                    : AnswerAsync(context, session, desk, clock, referralId, request.ExpectedVersion, (institution, by) => new RejectReferral(institution, by, reason, request.Note), cancellation)),
            "RejectReferral", "Reject a referral with a reason (receiving institution); closes it");
        Step(api.MapPost("/referrals/{referralId}/start", (string referralId, StepRequest request, HttpContext context, IQuerySession session, ReferralDesk desk, IClock clock, CancellationToken cancellation) =>
                AnswerAsync(context, session, desk, clock, referralId, request.ExpectedVersion, (institution, by) => new StartReferral(institution, by), cancellation)),
            "StartReferral", "Mark an accepted referral in progress (receiving institution)");
        Step(api.MapPost("/referrals/{referralId}/completion", (string referralId, OutcomeRequest request, HttpContext context, IQuerySession session, ReferralDesk desk, IClock clock, CancellationToken cancellation) =>
                request.Outcome is not { } outcome
                    ? Task.FromResult(context.Problem(ProblemCatalog.ReferralOutcomeInvalid))
                    : AnswerAsync(context, session, desk, clock, referralId, request.ExpectedVersion, (institution, by) => new CompleteReferral(institution, by, outcome, request.Note), cancellation)),
            "CompleteReferral", "Complete a referral with its outcome (receiving institution); closes it");
        Step(api.MapPost("/referrals/{referralId}/failure", (string referralId, OutcomeRequest request, HttpContext context, IQuerySession session, ReferralDesk desk, IClock clock, CancellationToken cancellation) =>
                request.Outcome is not { } outcome
                    ? Task.FromResult(context.Problem(ProblemCatalog.ReferralOutcomeInvalid))
                    : AnswerAsync(context, session, desk, clock, referralId, request.ExpectedVersion, (institution, by) => new FailReferral(institution, by, outcome, request.Note), cancellation)),
            "FailReferral", "Close an accepted referral as failed, with the outcome (receiving institution)");
        Step(api.MapPost("/referrals/{referralId}/cancellation", (string referralId, ReasonRequest request, HttpContext context, IQuerySession session, ReferralDesk desk, IClock clock, CancellationToken cancellation) =>
                request.Reason is not { } reason
                    ? Task.FromResult(context.Problem(ProblemCatalog.ReferralOutcomeInvalid))
                    : AnswerAsync(context, session, desk, clock, referralId, request.ExpectedVersion, (institution, by) => new CancelReferral(institution, by, reason, request.Note), cancellation)),
            "CancelReferral", "Withdraw an open referral with a reason (referring institution); closes it");
        Step(api.MapPost("/referrals/{referralId}/coordinations", (string referralId, CoordinationRequest request, HttpContext context, IQuerySession session, ReferralDesk desk, IClock clock, CancellationToken cancellation) =>
                request is not { CalledAt: { } calledAt, Result: { } result }
                    ? Task.FromResult(context.Problem(ProblemCatalog.CoordinationInvalid))
                    : AnswerAsync(context, session, desk, clock, referralId, request.ExpectedVersion,
                        (institution, by) => new LogCoordination(institution, by, new PhoneCoordination(request.Reached ?? "", request.StaffContactId, calledAt, result, request.Note)), cancellation)),
            "LogReferralCoordination", "Log another call to the receiving service while the referral waits for an answer (referring institution)");
    }

    private static void Step(RouteHandlerBuilder endpoint, string name, string summary) =>
        endpoint.RequireAuthorization(AuthSetup.CounsellingApi)
            .WithName(name)
            .WithSummary(summary)
            .Produces<ReferralResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> AnswerAsync(
        HttpContext context, IQuerySession session, ReferralDesk desk, IClock clock, string referralId, long? expectedVersion,
        Func<string, string, ReferralCommand> command, CancellationToken cancellation)
    {
        if (expectedVersion is not { } version)
        {
            return context.Problem(ProblemCatalog.RequestInvalid);
        }

        var counsellor = Counsellor.From(context.User);
        var card = await desk.AnswerAsync(referralId, counsellor, command(counsellor.InstitutionId, counsellor.Pseudonym), version, cancellation);
        return TypedResults.Ok((await ReferralResponse.ForAsync(session, [card], counsellor, clock, cancellation))[0]);
    }
}
