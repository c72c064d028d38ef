using Beratungspass.Infrastructure;
using Beratungspass.Passes;
using Beratungspass.Passes.Recording;
using Beratungspass.Web.Infrastructure.Auth;
using Beratungspass.Web.Infrastructure.Problems;
using Marten;
using NodaTime;
using NodaTime.Text;

namespace Beratungspass.Web.Intake.Recording;

/// <summary>POST /api/v1/passes/{passCode}/contacts — record a contact at a service of the caller's institution.</summary>
public static class RecordContactEndpoint
{
    /// <param name="ContactId">Chosen by the caller to make retries safe: the same id records once. Optional; up to 64 letters, digits and - _ . :</param>
    /// <param name="ServiceId">A service of the caller's own institution.</param>
    /// <param name="Date">yyyy-MM-dd; default today in Europe/Berlin; not in the future.</param>
    /// <param name="Topics">Topic codes from GET /api/v1/topics.</param>
    /// <param name="Kind">first or follow-up.</param>
    /// <param name="PresenceToken">From the presence or consent call of this intake.</param>
    /// <param name="ExpectedVersion">The history version the caller showed; a consent or card change since then answers 409.</param>
    /// <param name="ConfirmDuplicate">True to record although another service handled a topic within six months.</param>
    public sealed record Request(
        string? ContactId, string? ServiceId, string? Date, IReadOnlyList<string>? Topics, ContactKind? Kind,
        string? PresenceToken, long? ExpectedVersion, bool ConfirmDuplicate);

    public sealed record Response(string ContactId, bool Recorded);

    public static void MapRecordContact(this RouteGroupBuilder api) =>
        api.MapPost("/passes/{passCode}/contacts", Handle)
            .RequireAuthorization(AuthSetup.IssuesPasses)
            .WithName("RecordContact")
            .WithSummary("Record a contact")
            .WithDescription("201 when recorded, 200 when this contactId was recorded before. 409 possible-duplicate lists topics another service handled within six months; send confirmDuplicate to record anyway.")
            .Produces<Response>(StatusCodes.Status201Created)
            .Produces<Response>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> Handle(
        string passCode, Request request, HttpContext context, IQuerySession session, IntakeDesk desk, IClock clock, CancellationToken cancellation)
    {
        var (card, problem) = await IntakeApi.PassAsync(context, session, passCode, cancellation);
        if (card is null)
        {
            return problem!;
        }

        var counsellor = Counsellor.From(context.User);
        var today = clock.GetCurrentInstant().InZone(MartenConfiguration.Zone).Date;
        var date = today;
        if (request.Date is { } text && !LocalDatePattern.Iso.Parse(text).TryGetValue(default, out date))
        {
            return context.Problem(ProblemCatalog.ContactDateInvalid);
        }

        if (request.ServiceId is null || request.Kind is null || (request.ContactId is { } id && !IsContactId(id)))
        {
            return context.Problem(ProblemCatalog.RequestInvalid);
        }

        if (request.Topics?.Any(topic => topic is null) == true)
        {
            return context.Problem(ProblemCatalog.TopicsInvalid);
        }

        var contactId = request.ContactId ?? Guid.NewGuid().ToString("N");
        var command = new RecordContact(contactId, request.ServiceId, request.Topics ?? [], date, request.Kind.Value, counsellor.Pseudonym);
        var duplicates = await desk.CheckContactAsync(card, counsellor, request.PresenceToken ?? "", command, cancellation);
        if (!request.ConfirmDuplicate && duplicates.Count > 0)
        {
            var answer = ProblemResponses.Build(context, ProblemCatalog.PossibleDuplicate);
            answer.Extensions["duplicates"] = duplicates.Select(d => new { topic = d.Topic, d.InstitutionId, d.ServiceId, lastDate = LocalDatePattern.Iso.Format(d.LastDate) }).ToList();
            return TypedResults.Problem(answer);
        }

        var recorded = await desk.RecordContactAsync(card, counsellor, request.PresenceToken!, command, request.ExpectedVersion, cancellation);
        var response = new Response(contactId, recorded);
        return recorded ? TypedResults.Created($"/api/v1/passes/{card.PassCode}/contacts/{contactId}", response) : TypedResults.Ok(response);
    }

    /// <summary>
    /// An id, not a note: the contact id is stored in the pass's events and sent back in the Location
    /// header, so it may carry neither free text about the client nor characters a header cannot hold.
    /// </summary>
    private static bool IsContactId(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
