using Beratungspass.Infrastructure;
using Beratungspass.Institutions;
using Beratungspass.Passes;
using Beratungspass.Web.Infrastructure.Auth;
using Beratungspass.Web.Infrastructure.Problems;
using Beratungspass.Web.Passes.Reissuing;
using JasperFx;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime.Text;

namespace Beratungspass.Web.Passes.Viewing;

/// <summary>The counsellor's page of one pass: its card, printing, and replacing the card. No history: that needs consent at intake.</summary>
[Authorize(Policy = AuthSetup.Counselling)]
public sealed class PassPageModel(IQuerySession session) : PageModel
{
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.CreateWithInvariantCulture("dd.MM.yyyy");

    public PassCard Card { get; private set; } = null!;

    public PassCode Code { get; private set; }

    public string InstitutionName { get; private set; } = "";

    public string IssuedOn => DatePattern.Format(Card.IssuedAt.InZone(MartenConfiguration.Zone).Date);

    public string CardIssuedOn => DatePattern.Format(Card.CardIssuedAt.InZone(MartenConfiguration.Zone).Date);

    // Redirects after issuing and reissuing add ?issued=1 or ?reissued=1 (=pin with a new PIN); "1" does not bind to bool.
    public bool JustIssued => Request.Query["issued"] == "1";

    public bool JustReissued => Request.Query["reissued"] is ["1"] or ["pin"];

    public bool NewPinSet => Request.Query["reissued"] == "pin";

    public ProblemKind? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string passCode, CancellationToken cancellation) =>
        await LoadAsync(passCode, cancellation) ? Page() : NotFound();

    /// <param name="newPin">Optional: a forgotten PIN is replaced only together with a new card, the client typing it twice.</param>
    public async Task<IActionResult> OnPostReissueAsync(
        string passCode, long version, string? newPin, string? newPinRepeat, [FromServices] CardReissuing reissuing, CancellationToken cancellation)
    {
        if (!await LoadAsync(passCode, cancellation))
        {
            return NotFound();
        }

        var pin = string.IsNullOrEmpty(newPin) && string.IsNullOrEmpty(newPinRepeat) ? null : newPin ?? "";
        if (pin is not null && pin != newPinRepeat)
        {
            return Refuse(ProblemCatalog.PinMismatch);
        }

        try
        {
            await reissuing.ReissueAsync(Card.Id, version, Counsellor.From(User), cancellation, pin);
            return Redirect($"/passes/{Code.Value}?reissued={(pin is null ? "1" : "pin")}");
        }
        catch (Exception stale) when (stale is ConcurrencyException or CommandRejectedException { Reason: Rejection.ChangedMeanwhile })
        {
            await LoadAsync(passCode, cancellation);
            return Refuse(ProblemCatalog.ChangedMeanwhile);
        }
        catch (CommandRejectedException rejected)
        {
            return Refuse(ProblemCatalog.For(rejected.Reason));
        }
    }

    private PageResult Refuse(ProblemKind problem)
    {
        Error = problem;
        Response.StatusCode = problem.Status;
        return Page();
    }

    private async Task<bool> LoadAsync(string passCode, CancellationToken cancellation)
    {
        var (card, _) = await PassLookup.FindAsync(session, passCode, cancellation);
        if (card is null)
        {
            return false;
        }

        Card = card;
        Code = PassCode.Parse(card.PassCode).Code;
        InstitutionName = (await session.LoadAsync<Institution>(card.IssuingInstitutionId, cancellation))?.Name ?? card.IssuingInstitutionId;
        return true;
    }
}
