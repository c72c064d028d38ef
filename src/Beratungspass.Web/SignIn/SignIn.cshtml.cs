using Beratungspass.Accounts;
using Beratungspass.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace Beratungspass.Web.SignIn;

/// <summary>Sign-in with name and password; one message for every refusal, so nobody learns which names exist.</summary>
[AllowAnonymous]
public sealed class SignInModel(PasswordSignIn signIn, IClock clock, IConfiguration configuration) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public new string? User { get; set; }

    public bool Failed { get; private set; }

    public bool ExternalSignIn => KreisSignIn.IsConfigured(configuration);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? password, CancellationToken cancellation)
    {
        var account = await signIn.SignInAsync(User, password, cancellation);
        if (account is null)
        {
            Failed = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await HttpContext.SignInAsync(AuthSetup.Scheme, Counsellor.Principal(account), new AuthenticationProperties().Checked(clock.GetCurrentInstant()));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : StartPage(account.Role));
    }

    /// <summary>Where an account lands without a page to return to: administrators have nothing to do with passes.</summary>
    public static string StartPage(Role role) => role == Role.Administrator ? "/admin" : "/";
}
