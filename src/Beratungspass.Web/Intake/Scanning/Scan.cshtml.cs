using Beratungspass.Tokens;
using Beratungspass.Web.Infrastructure.Auth;
using Beratungspass.Web.Infrastructure.Problems;
using Beratungspass.Web.Passes;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beratungspass.Web.Intake.Scanning;

/// <summary>
/// The start of an intake: one field takes what a handheld scanner types (the QR content and Enter) or a
/// typed pass code; the camera button fills the same field. All three lead to the pass's intake page.
/// </summary>
[Authorize(Policy = AuthSetup.IssuesPasses)]
public sealed class ScanModel(IQuerySession session, CardTokenResolver resolver, IWebHostEnvironment environment) : PageModel
{
    /// <summary>Where the build puts the npm package jsQR; without npm at build time the camera scan is left out.</summary>
    public const string JsQrPath = "lib/jsqr/jsQR.js";

    [BindProperty]
    public string? Input { get; set; }

    public ProblemKind? Error { get; private set; }

    public bool CameraScanAvailable => environment.WebRootFileProvider.GetFileInfo(JsQrPath).Exists;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        var (card, problem) = await PassLookup.FindScannedAsync(session, resolver, Input, cancellation);
        if (card is not null)
        {
            return Redirect($"/intake/{card.PassCode}");
        }

        Error = problem;
        Response.StatusCode = problem!.Status;
        return Page();
    }
}
