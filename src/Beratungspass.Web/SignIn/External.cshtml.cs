using Beratungspass.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beratungspass.Web.SignIn;

/// <summary>
/// GET /sign-in/external: sends the browser to the Kreis identity provider. A link, not a form: the page's
/// form-action policy would stop a form from being redirected to another site.
/// </summary>
[AllowAnonymous]
public sealed class ExternalModel(IConfiguration configuration) : PageModel
{
    public IActionResult OnGet(string? returnUrl)
    {
        if (!KreisSignIn.IsConfigured(configuration))
        {
            return NotFound();
        }

        return Challenge(new AuthenticationProperties { RedirectUri = Url.IsLocalUrl(returnUrl) ? returnUrl : "/" }, KreisSignIn.Scheme);
    }
}
