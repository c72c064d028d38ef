using Beratungspass.Institutions;
using Beratungspass.Passes;
using Beratungspass.Referrals;
using Beratungspass.Web.Referrals;
using Beratungspass.Topics;
using NodaTime;

namespace Beratungspass.Web.Intake.ShowingHistory;

/// <summary>The history at a glance, as the API answers it: services used, never what was said.</summary>
public sealed record HistoryResponse(
    string PassCode,
    long Version,
    IReadOnlyList<ServiceUseResponse> Services,
    int HiddenServices,
    IReadOnlyList<ConsentResponse> Consents,
    IReadOnlyList<HistoryReferralResponse> Referrals,
    string PresenceToken)
{
    public static HistoryResponse From(HistoryShown shown, IReadOnlyDictionary<string, Institution> institutions, LocalDate today) => new(
        Beratungspass.Passes.PassCode.Parse(shown.Card.PassCode).Code.Display,
        shown.Version,
        [.. shown.History.VisibleServices.OrderByDescending(s => s.LastDate).Select(use => ServiceUseResponse.From(use, institutions))],
        shown.History.Services.Count(s => shown.History.HiddenServiceIds.Contains(s.ServiceId)),
        [.. shown.Consents.Where(c => c.IsActive(today)).Select(ConsentResponse.From)],
        [.. shown.Referrals.Select(r => HistoryReferralResponse.Of(r, institutions))],
        shown.PresenceToken);
}

public sealed record ServiceUseResponse(
    string InstitutionId, string InstitutionName, string ServiceId, string ServiceName,
    LocalDate FirstDate, LocalDate LastDate, int Contacts, IReadOnlyList<TopicUseResponse> Topics)
{
    public static ServiceUseResponse From(ServiceUse use, IReadOnlyDictionary<string, Institution> institutions)
    {
        var institution = institutions.GetValueOrDefault(use.InstitutionId);
        var service = institution?.Services.FirstOrDefault(s => s.Id == use.ServiceId);
        return new ServiceUseResponse(use.InstitutionId, institution?.Name ?? use.InstitutionId, use.ServiceId, service?.Name ?? use.ServiceId,
            use.FirstDate, use.LastDate, use.Contacts,
            [.. use.Topics.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new TopicUseResponse(t.Key, Taxonomy.Find(t.Key)?.German ?? t.Key, Taxonomy.Find(t.Key)?.English ?? t.Key, t.Value))]);
    }
}

public sealed record TopicUseResponse(string Code, string LabelDe, string LabelEn, LocalDate LastDate);

public sealed record ConsentResponse(string ConsentId, ConsentScope Scope, IReadOnlyList<string> InstitutionIds, IReadOnlyList<ConsentPurpose> Purposes, LocalDate ValidUntil)
{
    public static ConsentResponse From(Consent consent) => new(consent.ConsentId, consent.Scope, consent.InstitutionIds, consent.Purposes, consent.ValidUntil);
}

/// <summary>A referral of the pass as its history shows it: who referred where, on which topics, its state and outcome — not the notes.</summary>
public sealed record HistoryReferralResponse(
    ReferralPartyResponse From, ReferralPartyResponse To, IReadOnlyList<ReferralTopicResponse> Topics,
    ReferralStatus Status, ReferralOutcome? Outcome, Instant RequestedAt, Instant? ClosedAt)
{
    public static HistoryReferralResponse Of(ReferralCard referral, IReadOnlyDictionary<string, Institution> institutions) => new(
        ReferralPartyResponse.From(referral.FromInstitutionId, referral.FromServiceId, institutions),
        ReferralPartyResponse.From(referral.ToInstitutionId, referral.ToServiceId, institutions),
        [.. referral.Topics.Select(ReferralTopicResponse.From)],
        referral.Status, referral.Outcome, referral.RequestedAt, referral.ClosedAt);
}
