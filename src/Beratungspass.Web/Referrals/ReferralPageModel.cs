using Beratungspass.Infrastructure;
using Beratungspass.Institutions;
using Beratungspass.Referrals;
using Beratungspass.Web.Infrastructure.Auth;
using Beratungspass.Web.Infrastructure.Problems;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace Beratungspass.Web.Referrals;

/// <summary>What the inbox and the outbox share: the counsellor, the list, the names of the institutions and services, and a refusal tied to one referral.</summary>
[Authorize(Policy = AuthSetup.Counselling)]
public abstract class ReferralPageModel(IQuerySession session, ReferralDesk desk, IClock clock) : PageModel
{
    protected ReferralDesk Desk => desk;

    public Counsellor Counsellor { get; private set; } = null!;

    public IReadOnlyList<ReferralCard> Referrals { get; private set; } = [];

    public IReadOnlyDictionary<string, Institution> Institutions { get; private set; } = new Dictionary<string, Institution>();

    /// <summary>The referral the last post was about, when it was refused: its card shows the message and keeps what was typed.</summary>
    public string? FailedReferralId { get; protected set; }

    public ProblemKind? Error { get; protected set; }

    /// <summary>A field error of the refused form (e.g. a missing reason), German and English.</summary>
    public (string German, string English)? FieldError { get; protected set; }

    /// <summary>What the refused form carried, so nothing typed is lost.</summary>
    public string? FailedStep { get; protected set; }

    public string? FailedNote { get; protected set; }

    public string? FailedCode { get; protected set; }

    public (string German, string English)? Notice { get; protected set; }

    public string? NoticeReferralId { get; protected set; }

    public Instant Now => clock.GetCurrentInstant();

    public (bool Answer, bool Outcome) Overdue(ReferralCard card) => desk.Overdue(card);

    public string InstitutionName(string id) => Institutions.GetValueOrDefault(id)?.Name ?? id;

    public string ServiceName(string institutionId, string serviceId) =>
        Institutions.GetValueOrDefault(institutionId)?.Services.FirstOrDefault(s => s.Id == serviceId)?.Name ?? serviceId;

    public static string Time(Instant instant) =>
        instant.InZone(MartenConfiguration.Zone).ToString("dd.MM.yyyy, HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        Response.Headers.CacheControl = "no-store";
        Counsellor = Counsellor.From(User);
        base.OnPageHandlerExecuting(context);
    }

    protected async Task LoadAsync(Func<Counsellor, CancellationToken, Task<ReferralList>> list, CancellationToken cancellation)
    {
        Referrals = (await list(Counsellor, cancellation)).Referrals;
        var ids = Referrals.SelectMany(r => new[] { r.FromInstitutionId, r.ToInstitutionId }).Distinct(StringComparer.Ordinal).ToArray();
        Institutions = ids.Length == 0 ? new Dictionary<string, Institution>()
            : (await session.LoadManyAsync<Institution>(cancellation, ids)).ToDictionary(i => i.Id);
    }

    /// <summary>Takes a step; null when it was taken, else the refusal (kept for the card, with the status code set).</summary>
    protected async Task<bool> TryAsync(string referralId, Func<Task> step)
    {
        try
        {
            await step();
            return true;
        }
        catch (CommandRejectedException rejected)
        {
            FailedReferralId = referralId;
            Error = ProblemCatalog.For(rejected.Reason);
            Response.StatusCode = Error.Status;
            return false;
        }
    }

    /// <summary>The outcome with this code (its FHIR-style JSON name), or null.</summary>
    public static ReferralOutcome? OutcomeOf(string? code) => Outcomes.Where(o => o.Code == code).Select(o => (ReferralOutcome?)o.Outcome).FirstOrDefault();

    public static readonly IReadOnlyList<(ReferralOutcome Outcome, string Code)> Outcomes =
    [
        (ReferralOutcome.CounsellingTookPlace, "counselling-took-place"),
        (ReferralOutcome.ClientDidNotCome, "client-did-not-come"),
        (ReferralOutcome.NotResponsible, "not-responsible"),
        (ReferralOutcome.NoCapacity, "no-capacity"),
        (ReferralOutcome.ClientDeclined, "client-declined"),
        (ReferralOutcome.ReferredElsewhere, "referred-elsewhere"),
    ];
}
