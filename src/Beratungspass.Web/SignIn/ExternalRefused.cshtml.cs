using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beratungspass.Web.SignIn;

/// <summary>Where a sign-in through the identity provider ends when no enabled account carries the person's subject.</summary>
[AllowAnonymous]
public sealed class ExternalRefusedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
