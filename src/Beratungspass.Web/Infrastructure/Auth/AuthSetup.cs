using Beratungspass.Accounts;
using Beratungspass.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Beratungspass.Web.Infrastructure.Auth;

public static class AuthSetup
{
    /// <summary>The sign-in cookie: the only way onto pages and administration.</summary>
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;

    /// <summary>Bearer tokens of institutions' API clients, accepted on API v1 only.</summary>
    public const string ApiClientScheme = "ApiClient";

    /// <summary>API v1 takes a bearer token when one is sent, otherwise the sign-in cookie.</summary>
    public const string ApiScheme = "CookieOrApiClient";

    /// <summary>Passes, intake and their API: counsellors (and API clients on the API) only.</summary>
    public const string Counselling = "Counselling";

    /// <summary>The counselling policy under the name pages used before coordinators and administrators were told apart.</summary>
    public const string IssuesPasses = Counselling;

    /// <summary>Counselling on API v1, with a sign-in cookie or an API client's bearer token.</summary>
    public const string CounsellingApi = "CounsellingApi";

    /// <summary>Accounts and API clients: administrators with a sign-in cookie only.</summary>
    public const string Administration = "Administration";

    /// <summary>Editing the directory of counselling offers (organizations, services, import): coordinators and administrators.</summary>
    public const string DirectoryEditing = "DirectoryEditing";

    /// <summary>
    /// Cookie sign-in with every endpoint closed unless it says otherwise. API calls get 401/403 problem
    /// documents; pages redirect to the sign-in page, or show "not permitted" to a signed-in account without the role.
    /// </summary>
    public static IServiceCollection AddAuth(this IServiceCollection services, IHostEnvironment environment, IConfiguration configuration)
    {
        services.AddSingleton<IPasswordHasher<Account>, PasswordHasher<Account>>();
        services.AddScoped<Beratungspass.Web.SignIn.PasswordSignIn>();
        var cookiesSecure = environment.IsDevelopment() || environment.IsEnvironment("Testing")
            ? CookieSecurePolicy.SameAsRequest
            : CookieSecurePolicy.Always;
        services.AddAuthentication(Scheme)
            .AddCookie(Scheme, options =>
            {
                options.Cookie.Name = "Beratungspass.Anmeldung";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = cookiesSecure;
                options.ExpireTimeSpan = TimeSpan.FromHours(10);
                options.SlidingExpiration = true;
                options.LoginPath = "/sign-in";
                options.LogoutPath = "/sign-out";
                options.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, ProblemCatalog.SignInRequired);
                options.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, ProblemCatalog.Forbidden);
                options.Events.OnValidatePrincipal = SessionCheck.ValidateAsync;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiClientAuthentication>(ApiClientScheme, null)
            .AddPolicyScheme(ApiScheme, null, options => options.ForwardDefaultSelector =
                context => ApiClientAuthentication.HasBearerToken(context.Request) ? ApiClientScheme : Scheme)
            .AddKreisSignIn(configuration, environment);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Counselling, policy => policy.RequireRole(nameof(Role.Counsellor)))
            .AddPolicy(CounsellingApi, policy => policy.AddAuthenticationSchemes(ApiScheme).RequireRole(nameof(Role.Counsellor)))
            .AddPolicy(Administration, policy => policy.AddAuthenticationSchemes(Scheme).RequireRole(nameof(Role.Administrator)))
            .AddPolicy(DirectoryEditing, policy => policy.AddAuthenticationSchemes(Scheme).RequireRole(nameof(Role.Coordinator), nameof(Role.Administrator)));
        return services;
    }

    private static async Task ApiAwareRedirect(RedirectContext<CookieAuthenticationOptions> context, ProblemKind kind)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi"))
        {
            context.Response.StatusCode = kind.Status;
            await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>()
                .WriteAsync(new ProblemDetailsContext { HttpContext = context.HttpContext, ProblemDetails = ProblemResponses.Build(context.HttpContext, kind) });
            return;
        }

        if (kind == ProblemCatalog.Forbidden)
        {
            // Signed in, but not in this role: the error page says so (status code pages render /error/403).
            context.Response.StatusCode = kind.Status;
            return;
        }

        context.Response.Redirect(context.RedirectUri);
    }
}
