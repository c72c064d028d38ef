using Beratungspass.Infrastructure;
using Beratungspass.Institutions;
using Beratungspass.Web.Infrastructure.Auth;
using Marten;
using NodaTime;

namespace Beratungspass.Web.Intake.ShowingHistory;

/// <summary>
/// POST /api/v1/passes/{passCode}/history — the history at a glance while the client is present. A POST
/// because every display is recorded (HistoryViewed): exactly one per answer.
/// </summary>
public static class ShowHistoryEndpoint
{
    /// <param name="PresenceToken">From the presence or consent call of this intake.</param>
    public sealed record Request(string? PresenceToken);

    public static void MapShowHistory(this RouteGroupBuilder api) =>
        api.MapPost("/passes/{passCode}/history", Handle)
            .RequireAuthorization(AuthSetup.IssuesPasses)
            .WithName("ShowHistory")
            .WithSummary("Show the pass history (recorded as viewed)")
            .Produces<HistoryResponse>()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<IResult> Handle(
        string passCode, Request request, HttpContext context, IQuerySession session, IntakeDesk desk, IClock clock, CancellationToken cancellation)
    {
        var (card, problem) = await IntakeApi.PassAsync(context, session, passCode, cancellation);
        if (card is null)
        {
            return problem!;
        }

        var shown = await desk.ShowHistoryAsync(card, Counsellor.From(context.User), request.PresenceToken ?? "", cancellation);
        var institutionIds = shown.History.Services.Select(s => s.InstitutionId)
            .Concat(shown.Referrals.SelectMany(r => new[] { r.FromInstitutionId, r.ToInstitutionId })).Distinct().ToList();
        var institutions = (await session.LoadManyAsync<Institution>(cancellation, institutionIds)).ToDictionary(i => i.Id);
        return TypedResults.Ok(HistoryResponse.From(shown, institutions, clock.GetCurrentInstant().InZone(MartenConfiguration.Zone).Date));
    }
}
