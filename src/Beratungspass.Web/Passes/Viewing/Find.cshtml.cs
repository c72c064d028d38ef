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
        var input = Input?.Trim() ?? "";
        if (input.StartsWith(CardTokens.Prefix, StringComparison.OrdinalIgnoreCase) && input.Length > 20)
        {
            var (_, card) = await resolver.ResolveAsync(session, input, cancellation);
            return card switch
            {
                null => Refuse(ProblemCatalog.TokenInvalid),
                { State: CardState.Replaced } => Refuse(ProblemCatalog.CardReplaced),
                _ => Redirect($"/passes/{card.Pass.PassCode}"),
            };
        }

        var (found, problem) = await PassLookup.FindAsync(session, input, cancellation);
        return found is null ? Refuse(problem!) : Redirect($"/passes/{found.PassCode}");
    }

    private PageResult Refuse(ProblemKind problem)
    {
        Error = problem;
        Response.StatusCode = problem.Status;
        return Page();
    }
}
