using Beratungspass.Infrastructure;
using Beratungspass.Passes;
using Beratungspass.Passes.Presence;
using Beratungspass.ServiceDirectory;
using Beratungspass.Web.Infrastructure.Auth;
using Beratungspass.Web.Infrastructure.Problems;
using Beratungspass.Web.Passes;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace Beratungspass.Web.Referrals.Referring;

/// <summary>
/// Refers the present client from the intake view: find a service (suggestions by topic, the pass's age band and
/// language), see its staff contacts and hours, log the call, let the client read the release, and send. The form
/// comes only as the answer to a post carrying the intake's presence token, never on a plain GET. The rules are
/// <see cref="ReferralDesk"/>'s; this page only asks and shows.
/// </summary>
[Authorize(Policy = AuthSetup.Counselling)]
public sealed class ReferModel(IQuerySession session, ReferralDesk desk, DirectoryCatalog catalog, PresenceTokens presence, IClock clock) : PageModel
{
    /// <summary>At most this many suggestions are listed; the search narrows them.</summary>
    public const int SuggestionsShown = 25;

    [BindProperty]
    public ReferralForm Form { get; set; } = new();

    public PassCode Code { get; private set; }

    public PassCard Card { get; private set; } = null!;

    public Pass Pass { get; private set; } = null!;

    public Counsellor Counsellor { get; private set; } = null!;

    public DirectorySnapshot Directory { get; private set; } = null!;

    /// <summary>False without a valid presence token: the page then only points back to the intake.</summary>
    public bool Present { get; private set; }

    public IReadOnlyList<DirectoryService> Suggestions { get; private set; } = [];

    /// <summary>The chosen receiving service: the page shows its contacts and the rest of the form.</summary>
    public DirectoryService? Chosen { get; private set; }

    public Dictionary<string, (string German, string English)> Errors { get; private set; } = new(StringComparer.Ordinal);

    public ProblemKind? Error { get; private set; }

    public bool ConsentCovers => Pass.IsCoveredBy(Counsellor.InstitutionId, ConsentPurpose.Referrals, Today);

    public LocalDate Today => clock.GetCurrentInstant().InZone(MartenConfiguration.Zone).Date;

    public Instant Now => clock.GetCurrentInstant();

    public string IntakeAddress => $"/intake/{Code.Value}";

    public string ReleaseAddress(string serviceId, string language) =>
        $"/referrals/release?lang={Uri.EscapeDataString(language)}&service={Uri.EscapeDataString(serviceId)}";

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        // What the pass and the directory show here is for this intake only.
        Response.Headers.CacheControl = "no-store";
        base.OnPageHandlerExecuting(context);
    }

    /// <summary>A plain GET (a bookmark, the back button) shows no form: referring starts from the intake view.</summary>
    public async Task<IActionResult> OnGetAsync(string passCode, CancellationToken cancellation) =>
        await LoadAsync(passCode, cancellation) ?? Page();

    /// <summary>From the intake view ("Vermitteln") and from the search: suggestions to choose from.</summary>
    public async Task<IActionResult> OnPostAsync(string passCode, CancellationToken cancellation)
    {
        if (await LoadAsync(passCode, cancellation) is { } refused)
        {
            return refused;
        }

        Suggest();
        return Page();
    }

    /// <summary>A service was chosen: its contacts and the rest of the form.</summary>
    public async Task<IActionResult> OnPostChooseAsync(string passCode, CancellationToken cancellation)
    {
        if (await LoadAsync(passCode, cancellation) is { } refused)
        {
            return refused;
        }

        if (!Choose())
        {
            Errors["suggestions"] = ("Bitte wählen Sie einen Dienst aus der Liste.", "Please choose a service from the list.");
            Suggest();
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else if (Form.Topics.Count == 0 && Form.Topic is { Length: > 0 } topic)
        {
            Form.Topics = [topic];
        }

        return Page();
    }

    /// <summary>Sends the referral; on success the outbox shows it, otherwise the form comes back filled in with what to correct.</summary>
    public async Task<IActionResult> OnPostReferAsync(string passCode, CancellationToken cancellation)
    {
        if (await LoadAsync(passCode, cancellation) is { } refused)
        {
            return refused;
        }

        if (!Choose())
        {
            Errors["suggestions"] = ("Bitte wählen Sie einen Dienst aus der Liste.", "Please choose a service from the list.");
            Suggest();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var (command, errors) = Form.ToCommand(Counsellor.Pseudonym);
        if (command is null)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        try
        {
            var (referral, _) = await desk.RequestAsync(Card, Counsellor, Form.PresenceToken, command, cancellation);
            return Redirect($"/referrals/outbox?sent={referral.ReferralId}");
        }
        catch (CommandRejectedException rejected)
        {
            var field = FieldOf(rejected);
            if (field is not null)
            {
                var kind = ProblemCatalog.For(rejected.Reason);
                Errors[field] = (kind.DetailDe, kind.DetailEn);
            }
            else
            {
                Error = ProblemCatalog.For(rejected.Reason);
            }

            if (rejected.Reason is Rejection.PresenceRequired)
            {
                Present = false;
            }
            else if (rejected.Reason is Rejection.ServiceNotFound or Rejection.ServiceRetired or Rejection.ServiceNotActive
                or Rejection.OrganizationRetired or Rejection.ReferralToOwnInstitution)
            {
                Chosen = null;
                Suggest();
            }

            Response.StatusCode = (field is null ? Error! : ProblemCatalog.For(rejected.Reason)).Status;
            return Page();
        }
    }

    /// <summary>The field a refusal is about, when it is about one field of the form.</summary>
    private static string? FieldOf(CommandRejectedException rejected) => rejected.Reason switch
    {
        Rejection.CoordinationInvalid when rejected.Detail is "reached" or "staffContactId" => "staff-contact",
        Rejection.CoordinationInvalid when rejected.Detail is "calledAt" => "call-date",
        Rejection.CoordinationInvalid when rejected.Detail is "result" => "call-result",
        Rejection.CoordinationMissing => "skip-reason",
        Rejection.TopicsMissing or Rejection.TopicUnknown => "topics",
        Rejection.ReferralNoteTooLong => "note",
        Rejection.ReleaseMissing or Rejection.ReleaseTextOutdated => "release-agreed",
        _ => null,
    };

    /// <summary>The services that take a referral from here, matching the search: another institution's, not retired, not inactive, for the client's age band.</summary>
    private void Suggest()
    {
        var language = Form.SameLanguage ? Pass.PreferredLanguage.Code() : null;
        var topic = string.IsNullOrWhiteSpace(Form.Topic) ? null : Form.Topic;
        Suggestions = [.. Directory.Search(new DirectoryQuery(Text: Form.Text, Topic: topic, Language: language), Now)
            .Where(s => s.OrganizationId != Counsellor.InstitutionId && FitsAge(s))
            .Take(SuggestionsShown)];
    }

    private bool FitsAge(DirectoryService service)
    {
        if (!Form.SameAge || Pass.AgeBand is not { } band)
        {
            return true;
        }

        var (youngest, oldest) = band switch
        {
            AgeBand.Under12 => (0, 11),
            AgeBand.From12To17 => (12, 17),
            AgeBand.From18To26 => (18, 26),
            AgeBand.From27To44 => (27, 44),
            AgeBand.From45To64 => (45, 64),
            _ => (65, 150),
        };
        return (service.Details.MinimumAge ?? 0) <= oldest && (service.Details.MaximumAge ?? 150) >= youngest;
    }

    /// <summary>Whether the form names a service that takes referrals from here.</summary>
    private bool Choose()
    {
        Chosen = Form.ServiceId is { Length: > 0 } id && Directory.Service(id) is { } service
            && service.OrganizationId != Counsellor.InstitutionId && !service.Retired && service.Details.Status != ServiceStatus.Inactive
            && Directory.Organization(service.OrganizationId) is { Retired: false }
                ? service
                : null;
        return Chosen is not null;
    }

    /// <summary>Finds the pass and the directory; null when the page can go on, else the answer to give.</summary>
    private async Task<IActionResult?> LoadAsync(string passCode, CancellationToken cancellation)
    {
        Counsellor = Counsellor.From(User);
        var (card, _) = await PassLookup.FindAsync(session, passCode, cancellation);
        if (card is null)
        {
            // The intake page says what is wrong with the code.
            return Redirect($"/intake/{Uri.EscapeDataString(passCode)}");
        }

        Card = card;

        Code = PassCode.Parse(card.PassCode).Code;
        Pass = await session.LoadAsync<Pass>(card.Id, cancellation) ?? throw new CommandRejectedException(Rejection.PassNotFound);
        Directory = await catalog.CurrentAsync(cancellation);
        Present = presence.Read(Form.PresenceToken, card.Id, Counsellor.InstitutionId, Counsellor.AccountId) is not null;
        if (!Present)
        {
            Form = new ReferralForm();
            if (HttpMethods.IsPost(Request.Method))
            {
                Error = ProblemCatalog.PresenceRequired;
                Response.StatusCode = Error.Status;
            }

            return Page();
        }

        Form.Defaults(Now, Pass.PreferredLanguage);
        if (!ConsentCovers)
        {
            Error = ProblemCatalog.ConsentMissing;
            Response.StatusCode = Error.Status;
            return Page();
        }

        return null;
    }
}
