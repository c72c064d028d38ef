using Beratungspass.Infrastructure;
using Beratungspass.Institutions;
using Beratungspass.Passes;
using Beratungspass.Referrals;
using Beratungspass.Topics;
using Beratungspass.Web.Infrastructure.Auth;
using Marten;
using NodaTime;

namespace Beratungspass.Web.Referrals;

/// <summary>
/// A referral as the API answers it to one of its two institutions: the pass code, topics, who referred whom where,
/// the calls, the release, state, outcome and deadlines. Never the client's history, never anything about the person.
/// </summary>
/// <param name="Side">referrer or receiver: which side the caller's institution is.</param>
/// <param name="Version">The expected version of the next answer.</param>
/// <param name="ResultUnseen">For the referrer: an answer or outcome arrived that nobody at the institution has seen yet.</param>
public sealed record ReferralResponse(
    string ReferralId,
    long Version,
    string Side,
    string PassCode,
    IReadOnlyList<ReferralTopicResponse> Topics,
    ReferralPartyResponse From,
    ReferralPartyResponse To,
    IReadOnlyList<PhoneCoordinationResponse> Coordinations,
    string? CoordinationSkippedBecause,
    string? Note,
    ReleaseResponse Release,
    ReferralStatus Status,
    ReferralOutcome? Outcome,
    string? OutcomeNote,
    Instant RequestedAt,
    Instant? AnsweredAt,
    Instant? ClosedAt,
    Instant AnswerDue,
    Instant OutcomeDue,
    bool AnswerOverdue,
    bool OutcomeOverdue,
    bool? ResultUnseen)
{
    public const string Referrer = "referrer";
    public const string Receiver = "receiver";

    public static ReferralResponse Of(ReferralCard card, string institutionId, IReadOnlyDictionary<string, Institution> institutions, Instant now)
    {
        var zone = MartenConfiguration.Zone;
        var referrer = card.FromInstitutionId == institutionId;
        return new ReferralResponse(
            card.ReferralId,
            card.Version,
            referrer ? Referrer : Receiver,
            Beratungspass.Passes.PassCode.Parse(card.PassCode).Code.Display,
            [.. card.Topics.Select(ReferralTopicResponse.From)],
            ReferralPartyResponse.From(card.FromInstitutionId, card.FromServiceId, institutions),
            ReferralPartyResponse.From(card.ToInstitutionId, card.ToServiceId, institutions),
            [.. card.Coordinations.Select(c => new PhoneCoordinationResponse(c.Reached, c.StaffContactId, c.CalledAt, c.Result, c.Note))],
            card.CoordinationSkippedBecause,
            card.Note,
            new ReleaseResponse(card.Release.TextVersion, card.Release.Language.Code(), card.Release.ConfirmedBy),
            card.Status,
            card.Outcome,
            card.OutcomeNote,
            card.RequestedAt,
            card.AnsweredAt,
            card.ClosedAt,
            Referral.AnswerDue(card.RequestedAt, zone),
            Referral.OutcomeDue(card.RequestedAt, zone),
            card.IsAnswerOverdue(now, zone),
            card.IsOutcomeOverdue(now, zone),
            referrer ? card.ResultUnseen : null);
    }

    /// <summary>The answers for a list of cards, with the names of the institutions and services involved.</summary>
    public static async Task<List<ReferralResponse>> ForAsync(
        IQuerySession session, IReadOnlyCollection<ReferralCard> cards, Counsellor counsellor, IClock clock, CancellationToken cancellation)
    {
        var ids = cards.SelectMany(c => new[] { c.FromInstitutionId, c.ToInstitutionId }).Distinct(StringComparer.Ordinal).ToList();
        var institutions = ids.Count == 0
            ? new Dictionary<string, Institution>()
            : (await session.LoadManyAsync<Institution>(cancellation, ids)).ToDictionary(i => i.Id);
        var now = clock.GetCurrentInstant();
        return [.. cards.Select(card => Of(card, counsellor.InstitutionId, institutions, now))];
    }
}

public sealed record ReferralTopicResponse(string Code, string LabelDe, string LabelEn, bool Sensitive)
{
    public static ReferralTopicResponse From(string code) => Taxonomy.Find(code) is { } topic
        ? new ReferralTopicResponse(code, topic.German, topic.English, topic.Sensitive)
        : new ReferralTopicResponse(code, code, code, false);
}

/// <summary>One side of a referral: the institution and its service, with their names as the directory has them now.</summary>
public sealed record ReferralPartyResponse(string InstitutionId, string InstitutionName, string ServiceId, string ServiceName)
{
    public static ReferralPartyResponse From(string institutionId, string serviceId, IReadOnlyDictionary<string, Institution> institutions)
    {
        var institution = institutions.GetValueOrDefault(institutionId);
        return new ReferralPartyResponse(institutionId, institution?.Name ?? institutionId, serviceId,
            institution?.Services.FirstOrDefault(s => s.Id == serviceId)?.Name ?? serviceId);
    }
}

/// <param name="Reached">Whom the referring counsellor reached (the staff contact's name when one was chosen).</param>
public sealed record PhoneCoordinationResponse(string Reached, Guid? StaffContactId, Instant CalledAt, CoordinationResult Result, string? Note);

/// <param name="TextVersion">The version of the release text the client read.</param>
/// <param name="Language">The language the client read it in.</param>
/// <param name="ConfirmedBy">How the client showed they were present: pin or phone-code.</param>
public sealed record ReleaseResponse(string TextVersion, string Language, ClientPresence ConfirmedBy);

/// <param name="UnseenResults">Outbox only: how many answers or outcomes nobody at the institution has seen yet.</param>
public sealed record ReferralListResponse(IReadOnlyList<ReferralResponse> Referrals, int? UnseenResults);
