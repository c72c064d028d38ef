using Beratungspass.Infrastructure;
using Beratungspass.Passes;
using Beratungspass.Web.Infrastructure.Auth;
using Beratungspass.Web.Infrastructure.Layout;
using Beratungspass.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beratungspass.Web.Passes.Issuing;

[Authorize(Policy = AuthSetup.Counselling)]
public sealed class IssueModel(PassIssuing issuing) : PageModel
{
    [BindProperty]
    public string? Language { get; set; }

    [BindProperty]
    public string? AgeBand { get; set; }

    [BindProperty]
    public string? Pin { get; set; }

    [BindProperty]
    public string? PinRepeat { get; set; }

    public ProblemKind? Error { get; private set; }

    public static string AgeBandLabel(AgeBand band, Ui ui) => band switch
    {
        Beratungspass.Passes.AgeBand.Under12 => ui.T("unter 12", "under 12"),
        Beratungspass.Passes.AgeBand.From65 => ui.T("65 und älter", "65 and older"),
        _ => band.Code().Replace("-", "–", StringComparison.Ordinal),
    };

    public void OnGet()
    {
        Language ??= "de";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        AgeBand? band = null;
        if (!ClientLanguages.TryParse(Language, out var language))
        {
            return Refuse(ProblemCatalog.LanguageInvalid);
        }

        if (!string.IsNullOrEmpty(AgeBand))
        {
            if (!AgeBands.TryParse(AgeBand, out var parsed))
            {
                return Refuse(ProblemCatalog.AgeBandInvalid);
            }

            band = parsed;
        }

        if (Pin != PinRepeat)
        {
            return Refuse(ProblemCatalog.PinMismatch);
        }

        try
        {
            var counsellor = Counsellor.From(User);
            var card = await issuing.IssueAsync(counsellor.InstitutionId, counsellor.Pseudonym, language, band, Pin ?? "", cancellation);
            return Redirect($"/passes/{card.PassCode}?issued=1");
        }
        catch (CommandRejectedException e)
        {
            return Refuse(ProblemCatalog.For(e.Reason));
        }
    }

    private PageResult Refuse(ProblemKind problem)
    {
        Error = problem;
        Pin = PinRepeat = null;
        Response.StatusCode = problem.Status;
        return Page();
    }
}
