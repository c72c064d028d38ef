using Beratungspass.Referrals;
using Marten;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Beratungspass.Web.Referrals.Outbox;

/// <summary>
/// The referring institution's referrals: state, outcome and overdue flags. Results nobody here has seen yet are
/// highlighted on this display and then marked seen (the version shown, so a result arriving meanwhile stays new).
/// </summary>
public sealed class OutboxModel(IQuerySession session, ReferralDesk desk, IClock clock) : ReferralPageModel(session, desk, clock)
{
    /// <summary>The referrals whose result is new on this display.</summary>
    public IReadOnlySet<string> NewResults { get; private set; } = new HashSet<string>();

    public async Task<IActionResult> OnGetAsync(string? sent, string? cancelled, CancellationToken cancellation)
    {
        if (sent is not null)
        {
            Notice = ("Die Vermittlung wurde gesendet. Hier sehen Sie, wann der Dienst antwortet.", "The referral was sent. Here you see when the service answers.");
            NoticeReferralId = sent;
        }
        else if (cancelled is not null)
        {
            Notice = ("Die Vermittlung wurde zurückgezogen.", "The referral was cancelled.");
            NoticeReferralId = cancelled;
        }

        await ShowAsync(cancellation);
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(string? referralId, long? version, string? reason, string? note, CancellationToken cancellation)
    {
        var id = referralId ?? "";
        FailedStep = "cancel";
        FailedNote = note;
        FailedCode = reason;
        if (OutcomeOf(reason) is not { } coded || !ReferralLifecycle.CancellationReasons.Contains(coded) || version is null)
        {
            FailedReferralId = id;
            FieldError = ("Bitte wählen Sie einen Grund für das Zurückziehen.", "Please choose a reason for cancelling.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else if (await TryAsync(id, () => Desk.AnswerAsync(id, Counsellor, new CancelReferral(Counsellor.InstitutionId, Counsellor.Pseudonym, coded, note), version.Value, cancellation)))
        {
            return Redirect($"/referrals/outbox?cancelled={Uri.EscapeDataString(id)}#referral-{Uri.EscapeDataString(id)}");
        }

        await ShowAsync(cancellation);
        return Page();
    }

    private async Task ShowAsync(CancellationToken cancellation)
    {
        await LoadAsync(Desk.OutboxAsync, cancellation);
        NewResults = Referrals.Where(r => r.ResultUnseen).Select(r => r.ReferralId).ToHashSet(StringComparer.Ordinal);
        foreach (var card in Referrals.Where(r => r.ResultUnseen))
        {
            // Shown now: seen. The version keeps a result that arrived since this list was read unseen.
            await Desk.MarkResultSeenAsync(card.ReferralId, Counsellor, card.Version, cancellation);
        }
    }
}
