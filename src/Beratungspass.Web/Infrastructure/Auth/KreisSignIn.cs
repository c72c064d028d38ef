using Beratungspass.Accounts;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using NodaTime;

namespace Beratungspass.Web.Infrastructure.Auth;

/// <summary>
/// Optional sign-in through the identity provider of the Kreis (OpenID Connect, authorization code with
/// PKCE), switched on by <c>Authentication:OpenIdConnect:Authority</c>, <c>ClientId</c> and <c>ClientSecret</c>.
/// The provider proves who the person is; the account and its role still come from Beratungspass: the
/// subject must be entered on an existing, enabled account by an administrator. Nobody is created on the fly.
/// </summary>
public static class KreisSignIn
{
    public const string Scheme = "Kreis";
    public const string Section = "Authentication:OpenIdConnect";
    public const string CallbackPath = "/sign-in/external/callback";
    public const string RefusedPath = "/sign-in/external/refused";

    public static bool IsConfigured(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[Section + ":Authority"]);

    public static AuthenticationBuilder AddKreisSignIn(this AuthenticationBuilder builder, IConfiguration configuration, IHostEnvironment environment)
    {
        if (!IsConfigured(configuration))
        {
            return builder;
        }

        var section = configuration.GetSection(Section);
        var clientId = section["ClientId"];
        var clientSecret = section["ClientSecret"];
        if (string.IsNullOrWhiteSpace(clientId) || string.IsNullOrWhiteSpace(clientSecret))
        {
            throw new InvalidOperationException($"{Section}:Authority is set, so {Section}:ClientId and {Section}:ClientSecret are needed too.");
        }

        // Which claim of the ID token names the person; "sub" is stable per provider, an e-mail address may be reassigned.
        var accountClaim = section["AccountClaim"] is { Length: > 0 } claim ? claim : "sub";
        var overPlainHttp = environment.IsDevelopment() || environment.IsEnvironment("Testing");
        return builder.AddOpenIdConnect(Scheme, "Kreis", options =>
        {
            options.Authority = section["Authority"];
            options.ClientId = clientId;
            options.ClientSecret = clientSecret;
            options.ResponseType = OpenIdConnectResponseType.Code;
            options.UsePkce = true;
            options.SignInScheme = AuthSetup.Scheme;
            options.CallbackPath = CallbackPath;
            options.MapInboundClaims = false;
            options.SaveTokens = false;
            options.GetClaimsFromUserInfoEndpoint = false;
            options.RequireHttpsMetadata = section.GetValue("RequireHttpsMetadata", true);
            if (overPlainHttp)
            {
                options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            }

            options.Events.OnTokenValidated = context => MatchAccountAsync(context, accountClaim);
            options.Events.OnRemoteFailure = context =>
            {
                context.HandleResponse();
                context.Response.Redirect(RefusedPath);
                return Task.CompletedTask;
            };
        });
    }

    private static async Task MatchAccountAsync(TokenValidatedContext context, string accountClaim)
    {
        var services = context.HttpContext.RequestServices;
        var subject = context.Principal?.FindFirst(accountClaim)?.Value;
        var session = services.GetRequiredService<IQuerySession>();
        var account = string.IsNullOrEmpty(subject) ? null
            : await session.Query<Account>().FirstOrDefaultAsync(a => a.ExternalSubject == subject, context.HttpContext.RequestAborted);
        if (account is null || account.Disabled)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(KreisSignIn))
                .LogInformation("Sign-in through the identity provider refused: {Reason}", account is null ? "no account has this subject" : "account disabled");
            context.HandleResponse();
            context.Response.Redirect(RefusedPath);
            return;
        }

        // The session carries the account, not the provider's claims: roles and institution are decided here.
        context.Principal = Counsellor.Principal(account);
        context.Properties?.Checked(services.GetRequiredService<IClock>().GetCurrentInstant());
    }
}
