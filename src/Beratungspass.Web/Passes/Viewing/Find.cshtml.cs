using Beratungspass.Tokens;
using Beratungspass.Web.Infrastructure.Auth;
using Beratungspass.Web.Infrastructure.Problems;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beratungspass.Web.Passes.Viewing;

/// <summary>One field for what a handheld scanner types (the QR content and Enter) or a typed pass code.</summary>
[Authorize(Policy = AuthSetup.Counselling)]
public sealed class FindModel(IQuerySession session, CardTokenResolver resolver) : PageModel
{
    [BindProperty]
    public string? Input { get; set; }

    public ProblemKind? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        var (card, problem) = await PassLookup.FindScannedAsync(session, resolver, Input, cancellation);
        return card is null ? Refuse(problem!) : Redirect($"/passes/{card.PassCode}");
    }

    private PageResult Refuse(ProblemKind problem)
    {
        Error = problem;
        Response.StatusCode = problem.Status;
        return Page();
    }
}
