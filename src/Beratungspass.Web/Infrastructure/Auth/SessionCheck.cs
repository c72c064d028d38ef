using System.Security.Claims;
using Beratungspass.Accounts;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using NodaTime;
using NodaTime.Text;

namespace Beratungspass.Web.Infrastructure.Auth;

/// <summary>
/// Keeps a signed-in session in line with its account: at most a minute after an administrator disables
/// the account, resets its password or changes its role or institution, the session ends. Within that
/// minute the cookie is trusted, so a busy desk does not read the account on every request.
/// </summary>
public static class SessionCheck
{
    public static readonly Duration Interval = Duration.FromMinutes(1);

    private const string CheckedAt = "checked-at";

    /// <summary>Marks a session just signed in as checked now.</summary>
    public static AuthenticationProperties Checked(this AuthenticationProperties properties, Instant now)
    {
        properties.Items[CheckedAt] = InstantPattern.ExtendedIso.Format(now);
        return properties;
    }

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var now = context.HttpContext.RequestServices.GetRequiredService<IClock>().GetCurrentInstant();
        if (context.Properties.Items.TryGetValue(CheckedAt, out var text) && text is not null
            && InstantPattern.ExtendedIso.Parse(text) is { Success: true } parsed && now - parsed.Value < Interval && parsed.Value <= now)
        {
            return;
        }

        var accountId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = context.Principal?.FindFirstValue(Counsellor.StampClaim);
        var session = context.HttpContext.RequestServices.GetRequiredService<IQuerySession>();
        var account = accountId is null ? null : await session.LoadAsync<Account>(accountId, context.HttpContext.RequestAborted);
        if (account is null || account.Disabled || account.SecurityStamp != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(AuthSetup.Scheme);
            return;
        }

        // Display name changes reach the session without signing in again.
        context.ReplacePrincipal(Counsellor.Principal(account));
        context.Properties.Checked(now);
        context.ShouldRenew = true;
    }
}
