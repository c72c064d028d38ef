using Beratungspass.Accounts;
using Beratungspass.Web.Infrastructure.Auth;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beratungspass.Web.SignIn;

[AllowAnonymous]
public sealed class SignInModel(IQuerySession session, IPasswordHasher<Account> hasher) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public new string? User { get; set; }

    public bool Failed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? password, CancellationToken cancellation)
    {
        var account = string.IsNullOrWhiteSpace(User) || User.Length > 100 ? null : await session.LoadAsync<Account>(User.Trim(), cancellation);
        if (account is null || string.IsNullOrEmpty(password)
            || hasher.VerifyHashedPassword(account, account.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            Failed = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await HttpContext.SignInAsync(AuthSetup.Scheme, Counsellor.Principal(account));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
