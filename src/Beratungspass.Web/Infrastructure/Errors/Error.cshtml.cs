using Beratungspass.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beratungspass.Web.Infrastructure.Errors;

/// <summary>The page a browser sees for an error on a page: the same texts as the API's problem documents.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public ProblemKind Kind { get; private set; } = ProblemCatalog.Unexpected;

    public IActionResult OnGet(int? status) => Show(status);

    public IActionResult OnPost(int? status) => Show(status);

    private PageResult Show(int? status)
    {
        var exception = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        var code = status ?? Response.StatusCode;
        Kind = exception is not null
            ? ProblemResponses.KindOf(exception)
            // A page answers 400 on its own only for a form it cannot accept (e.g. an outdated antiforgery token).
            : code == StatusCodes.Status400BadRequest ? ProblemCatalog.FormInvalid : ProblemCatalog.ForStatus(code) ?? ProblemCatalog.Unexpected;
        Response.StatusCode = Kind.Status;
        return Page();
    }
}
