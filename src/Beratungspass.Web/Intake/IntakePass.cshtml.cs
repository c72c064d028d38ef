using System.Globalization;
using Beratungspass.Infrastructure;
using Beratungspass.Institutions;
using Beratungspass.Passes;
using Beratungspass.Passes.Presence;
using Beratungspass.Passes.Recording;
using Beratungspass.Web.Infrastructure.Auth;
using Beratungspass.Web.Infrastructure.Layout;
using Beratungspass.Web.Infrastructure.Problems;
using Beratungspass.Web.Intake.Consenting;
using Beratungspass.Web.Intake.Recording;
using Beratungspass.Web.Passes;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;

namespace Beratungspass.Web.Intake;

/// <summary>
/// The intake of one pass. A scanned or typed code alone shows nothing but whether consent is needed; the
/// history appears only in the answer to a step the client confirmed (PIN) or to a presence token carried
/// in a hidden field, never on a plain GET, and every such answer is one recorded display. The rules
/// themselves are <see cref="IntakeDesk"/>'s; this page only asks and shows.
/// </summary>
[Authorize(Policy = AuthSetup.IssuesPasses)]
public sealed class IntakePassModel(IQuerySession session, IntakeDesk desk, PresenceTokens presence, IClock clock, Ui ui) : PageModel
{
    /// <summary>False when the code in the address names no pass: the page shows only the refusal.</summary>
    public bool Found { get; private set; }

    public PassCard Card { get; private set; } = null!;

    public PassCode Code { get; private set; }

    public Pass Pass { get; private set; } = null!;

    public Counsellor Counsellor { get; private set; } = null!;

    public LocalDate Today { get; private set; }

    /// <summary>Every institution of the network, by id: names for the history, choices for the consent.</summary>
    public IReadOnlyDictionary<string, Institution> Institutions { get; private set; } = new Dictionary<string, Institution>();

    /// <summary>A valid proof that the client is present, carried between the steps in a hidden field.</summary>
    public string? PresenceToken { get; private set; }

    /// <summary>The history of this display; null on every answer that did not record a display.</summary>
    public HistoryShown? Shown { get; private set; }

    public ProblemKind? Error { get; private set; }

    /// <summary>What the refusal adds to the catalogue text, e.g. how many PIN attempts are left.</summary>
    public string? ErrorAddition { get; private set; }

    public (string German, string English)? Notice { get; private set; }

    public IReadOnlyList<PossibleDuplicate> Duplicates { get; private set; } = [];

    public ConsentForm Consent { get; private set; } = null!;

    public ContactForm? Contact { get; private set; }

    /// <summary>Which refused form comes back filled in, right below the message.</summary>
    public string? RetryForm { get; private set; }

    /// <summary>Whether the step's first field takes the focus; a message or warning takes it otherwise.</summary>
    public bool FocusesStep => Error is null && Notice is null && Duplicates.Count == 0;

    public bool CoveredForHistory => Pass.IsCoveredBy(Counsellor.InstitutionId, ConsentPurpose.ShowHistory, Today);

    public bool CoveredForRecording => Pass.IsCoveredBy(Counsellor.InstitutionId, ConsentPurpose.RecordContacts, Today);

    public Institution? OwnInstitution => Institutions.GetValueOrDefault(Counsellor.InstitutionId);

    public IEnumerable<Consent> ActiveConsents => Pass.Consents.Where(c => c.IsActive(Today));

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        // A history must not come back from the browser's cache or back button once the intake is over.
        Response.Headers.CacheControl = "no-store";
        base.OnPageHandlerExecuting(context);
    }

    public async Task<IActionResult> OnGetAsync(string passCode, CancellationToken cancellation) =>
        await LoadAsync(passCode, null, cancellation) ? Page() : NoSuchPass();

    /// <summary>The client types the PIN: the history is shown and the display recorded.</summary>
    public async Task<IActionResult> OnPostShowAsync(string passCode, string? pin, CancellationToken cancellation)
    {
        if (!await LoadAsync(passCode, null, cancellation))
        {
            return NoSuchPass();
        }

        return await AttemptAsync(async () =>
        {
            var token = await desk.ConfirmPresenceAsync(Card, Counsellor, pin, cancellation);
            await ShowHistoryAsync(token, cancellation);
        }, retryForm: "pin", cancellation);
    }

    /// <summary>Shows the history again while the client is still present (the presence token is valid): a new display.</summary>
    public async Task<IActionResult> OnPostHistoryAsync(string passCode, string? presenceToken, CancellationToken cancellation)
    {
        if (!await LoadAsync(passCode, presenceToken, cancellation))
        {
            return NoSuchPass();
        }

        return await AttemptAsync(() => ShowHistoryAsync(presenceToken ?? "", cancellation), retryForm: null, cancellation);
    }

    public async Task<IActionResult> OnPostConsentAsync(
        string passCode, string? scope, string[]? institutions, string[]? purposes, string? validUntil, string? pin, string? presenceToken,
        CancellationToken cancellation)
    {
        if (!await LoadAsync(passCode, presenceToken, cancellation))
        {
            return NoSuchPass();
        }

        Consent = new ConsentForm(scope, institutions ?? [], purposes ?? [], validUntil ?? "");
        var command = Consent.ToCommand(Counsellor.InstitutionId, Counsellor.Pseudonym);
        if (command is null)
        {
            return Refuse(ProblemCatalog.ConsentInvalid, retryForm: "consent");
        }

        return await AttemptAsync(async () =>
        {
            var token = await desk.GrantConsentAsync(Card, Counsellor, command, pin, cancellation);
            Consent = ConsentForm.Empty(Today);
            await ReloadPassAsync(token, cancellation);
            if (CoveredForHistory)
            {
                Notice = ("Die Einwilligung wurde gespeichert.", "The consent was saved.");
                await ShowHistoryAsync(token, cancellation);
            }
            else
            {
                Notice = ("Die Einwilligung wurde gespeichert. Den Verlauf für Ihre Einrichtung umfasst sie nicht.",
                    "The consent was saved. It does not include showing the history to your institution.");
            }
        }, retryForm: "consent", cancellation);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(string passCode, string? consentId, string? pin, string? presenceToken, CancellationToken cancellation)
    {
        if (!await LoadAsync(passCode, presenceToken, cancellation))
        {
            return NoSuchPass();
        }

        return await AttemptAsync(async () =>
        {
            await desk.WithdrawConsentAsync(Card, Counsellor, consentId ?? "", pin, cancellation);
            Notice = ("Die Einwilligung wurde widerrufen. Sie gilt ab sofort nicht mehr.", "The consent was withdrawn. It stops applying now.");
            await ReloadPassAsync(PresenceToken, cancellation);
        }, retryForm: "withdraw", cancellation);
    }

    /// <summary>
    /// Records a contact. Possible duplicates are shown first and need a second, confirming submit; a replayed
    /// form records nothing twice; afterwards the history is shown again as a new display.
    /// </summary>
    public async Task<IActionResult> OnPostRecordAsync(
        string passCode, string? presenceToken, string? contactId, long? version, string? service, string? date, string[]? topics, string? kind,
        bool confirmDuplicate, CancellationToken cancellation)
    {
        if (!await LoadAsync(passCode, presenceToken, cancellation))
        {
            return NoSuchPass();
        }

        Contact = new ContactForm(contactId ?? "", version ?? 0, service, date ?? "", topics ?? [], kind ?? ContactForm.First);
        if (PresenceToken is null)
        {
            return Refuse(ProblemCatalog.PresenceRequired, retryForm: "pin");
        }

        if (!Contact.IsIntact)
        {
            Contact = null;
            return Refuse(ProblemCatalog.FormInvalid, retryForm: null);
        }

        var command = Contact.ToCommand(Counsellor.Pseudonym);
        if (command is null)
        {
            return Refuse(ProblemCatalog.ContactDateInvalid, retryForm: "contact");
        }

        return await AttemptAsync(async () =>
        {
            // Checked exactly as recording would check (own service, consent, date, topics) before the
            // warning, so another institution's service is refused rather than asked about. A replayed
            // form gets no warning: the decision answers it as already recorded.
            if (!confirmDuplicate)
            {
                Duplicates = await desk.CheckContactAsync(Card, Counsellor, PresenceToken, command, cancellation);
                if (Duplicates.Count > 0)
                {
                    return;
                }
            }

            var recorded = await desk.RecordContactAsync(Card, Counsellor, PresenceToken, command, Contact.Version, cancellation);
            Notice = recorded
                ? ("Der Kontakt wurde erfasst.", "The contact was recorded.")
                : ("Dieser Kontakt war bereits erfasst; er wurde nicht noch einmal gespeichert.", "This contact was already recorded; it was not saved again.");
            Contact = null;
            await ReloadPassAsync(PresenceToken, cancellation);
            await ShowHistoryAsync(PresenceToken, cancellation);
        }, retryForm: "contact", cancellation);
    }

    /// <summary>A fresh contact form for the history just shown (a new contact id, this display's version).</summary>
    public ContactForm ContactFormForDisplay()
    {
        if (Contact is not null)
        {
            return Contact;
        }

        var own = OwnInstitution?.Services.Where(s => !s.Retired).ToList() ?? [];
        var usedBefore = Shown?.History.Services.Any(s => s.InstitutionId == Counsellor.InstitutionId) == true;
        // The institution's first-listed service (its main counselling service) is preselected; the counsellor can change it.
        Contact = ContactForm.Fresh(Shown?.Version ?? Card.Version, own.FirstOrDefault()?.Id, Today, usedBefore);
        return Contact;
    }

    private async Task ShowHistoryAsync(string presenceToken, CancellationToken cancellation)
    {
        Shown = await desk.ShowHistoryAsync(Card, Counsellor, presenceToken, cancellation);
        PresenceToken = Shown.PresenceToken;
    }

    private async Task<IActionResult> AttemptAsync(Func<Task> step, string? retryForm, CancellationToken cancellation)
    {
        try
        {
            await step();
            return Page();
        }
        catch (CommandRejectedException rejected)
        {
            Shown = null;
            await ReloadPassAsync(PresenceToken, cancellation);
            ErrorAddition = Addition(rejected);
            var kind = ProblemCatalog.For(rejected.Reason);
            // Without presence or consent the refused form cannot be retried; the page offers what is possible now.
            return Refuse(kind, rejected.Reason is Rejection.PresenceRequired or Rejection.ConsentMissing or Rejection.ChangedMeanwhile ? null : retryForm);
        }
    }

    private PageResult Refuse(ProblemKind problem, string? retryForm)
    {
        Error = problem;
        RetryForm = retryForm;
        Response.StatusCode = problem.Status;
        return Page();
    }

    private string? Addition(CommandRejectedException rejected) => rejected.Reason switch
    {
        Rejection.PinWrong when int.TryParse(rejected.Detail, NumberStyles.None, CultureInfo.InvariantCulture, out var left) => left == 1
            ? ui.T("Noch 1 Versuch.", "1 attempt left.")
            : ui.T($"Noch {left} Versuche.", $"{left} attempts left."),
        Rejection.PinLocked when InstantPattern.General.Parse(rejected.Detail ?? "") is { Success: true } until =>
            ui.T($"Gesperrt bis {IntakeDates.Time.Format(until.Value.InZone(MartenConfiguration.Zone).TimeOfDay)} Uhr.",
                $"Locked until {IntakeDates.Time.Format(until.Value.InZone(MartenConfiguration.Zone).TimeOfDay)}."),
        _ => null,
    };

    /// <summary>Finds the pass and what the page needs; false when the address names no pass.</summary>
    private async Task<bool> LoadAsync(string passCode, string? presenceToken, CancellationToken cancellation)
    {
        Counsellor = Counsellor.From(User);
        Today = clock.GetCurrentInstant().InZone(MartenConfiguration.Zone).Date;
        Consent = ConsentForm.Empty(Today);
        var (card, problem) = await PassLookup.FindAsync(session, passCode, cancellation);
        if (card is null)
        {
            Error = problem;
            return false;
        }

        Found = true;
        Card = card;
        Code = PassCode.Parse(card.PassCode).Code;
        Institutions = (await session.Query<Institution>().ToListAsync(cancellation)).ToDictionary(i => i.Id);
        await ReloadPassAsync(presenceToken, cancellation);
        return true;
    }

    private PageResult NoSuchPass()
    {
        Response.StatusCode = Error!.Status;
        return Page();
    }

    private async Task ReloadPassAsync(string? presenceToken, CancellationToken cancellation)
    {
        Pass = await session.LoadAsync<Pass>(Card.Id, cancellation) ?? throw new CommandRejectedException(Rejection.PassNotFound);
        PresenceToken = presence.Read(presenceToken, Card.Id, Counsellor.InstitutionId, Counsellor.AccountId) is null ? null : presenceToken;
    }
}
