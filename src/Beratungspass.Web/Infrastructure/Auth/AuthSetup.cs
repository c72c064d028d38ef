using Beratungspass.Accounts;
using Beratungspass.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Beratungspass.Web.Infrastructure.Auth;

public static class AuthSetup
{
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string IssuesPasses = "IssuesPasses";

    /// <summary>
    /// Cookie sign-in with every endpoint closed unless it says otherwise. API calls get 401/403 problem
    /// documents; pages redirect to the sign-in page.
    /// </summary>
    public static IServiceCollection AddAuth(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddSingleton<IPasswordHasher<Account>, PasswordHasher<Account>>();
        services.AddAuthentication(Scheme).AddCookie(Scheme, options =>
        {
            options.Cookie.Name = "Beratungspass.Anmeldung";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = environment.IsDevelopment() || environment.IsEnvironment("Testing")
                ? CookieSecurePolicy.SameAsRequest
                : CookieSecurePolicy.Always;
            options.ExpireTimeSpan = TimeSpan.FromHours(10);
            options.SlidingExpiration = true;
            options.LoginPath = "/sign-in";
            options.LogoutPath = "/sign-out";
            options.AccessDeniedPath = "/sign-in";
            options.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, ProblemCatalog.SignInRequired);
            options.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, ProblemCatalog.Forbidden);
        });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(IssuesPasses, policy => policy.RequireRole(nameof(Role.Counsellor), nameof(Role.Administrator)));
        return services;
    }

    private static async Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, ProblemKind kind)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi"))
        {
            context.Response.StatusCode = kind.Status;
            await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>()
                .WriteAsync(new ProblemDetailsContext { HttpContext = context.HttpContext, ProblemDetails = ProblemResponses.Build(context.HttpContext, kind) });
            return;
        }

        context.Response.Redirect(context.RedirectUri);
    }
}
