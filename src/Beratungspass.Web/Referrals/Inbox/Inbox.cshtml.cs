using Beratungspass.Referrals;
using Marten;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Beratungspass.Web.Referrals.Inbox;

/// <summary>
/// The receiving institution's referrals: pass code, topics, referring service and the calls — no history, nothing
/// about the person. Each answer form carries the version its card showed, so an answer given on an outdated card is
/// refused as changed meanwhile and the card shows what is current.
/// </summary>
public sealed class InboxModel(IQuerySession session, ReferralDesk desk, IClock clock) : ReferralPageModel(session, desk, clock)
{
    public const string Accept = "accept";
    public const string Reject = "reject";
    public const string Start = "start";
    public const string Complete = "complete";
    public const string Fail = "fail";

    public async Task<IActionResult> OnGetAsync(string? answered, CancellationToken cancellation)
    {
        if (answered is not null)
        {
            Notice = ("Ihre Antwort wurde gespeichert; die vermittelnde Stelle sieht sie.", "Your answer was saved; the referring institution sees it.");
            NoticeReferralId = answered;
        }

        await LoadAsync(Desk.InboxAsync, cancellation);
        return Page();
    }

    public async Task<IActionResult> OnPostAnswerAsync(string? referralId, long? version, string? step, string? outcome, string? note, CancellationToken cancellation)
    {
        var id = referralId ?? "";
        FailedStep = step;
        FailedNote = note;
        FailedCode = outcome;
        var by = Counsellor.Pseudonym;
        var institution = Counsellor.InstitutionId;
        var coded = OutcomeOf(outcome);
        ReferralCommand? command = step switch
        {
            Accept => new AcceptReferral(institution, by),
            Start => new StartReferral(institution, by),
            Reject when coded is { } reason => new RejectReferral(institution, by, reason, note),
            Complete when coded is { } result => new CompleteReferral(institution, by, result, note),
            Fail when coded is { } result => new FailReferral(institution, by, result, note),
            _ => null,
        };
        if (command is null || version is null)
        {
            FailedReferralId = id;
            FieldError = step == Reject
                ? ("Bitte wählen Sie einen Grund für die Ablehnung.", "Please choose a reason for the rejection.")
                : ("Bitte wählen Sie ein Ergebnis.", "Please choose an outcome.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else if (await TryAsync(id, () => Desk.AnswerAsync(id, Counsellor, command, version.Value, cancellation)))
        {
            return Redirect($"/referrals/inbox?answered={Uri.EscapeDataString(id)}#referral-{Uri.EscapeDataString(id)}");
        }

        await LoadAsync(Desk.InboxAsync, cancellation);
        return Page();
    }
}
