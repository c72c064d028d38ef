using System.Text.Encodings.Web;
using Beratungspass.ApiClients;
using Beratungspass.Web.Infrastructure.Problems;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Beratungspass.Web.Infrastructure.Auth;

/// <summary>
/// <c>Authorization: Bearer bp_…</c> for institutions' own systems on API v1. Unknown, revoked and malformed
/// tokens get the same 401 problem document, so the answer tells nothing about which it was.
/// </summary>
public sealed class ApiClientAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IDocumentStore store)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    public static bool HasBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!HasBearerToken(Request))
        {
            return AuthenticateResult.NoResult();
        }

        var token = Request.Headers.Authorization.ToString()[BearerPrefix.Length..].Trim();
        if (!ApiCredentials.TryParse(token, out var clientId, out var secret))
        {
            return AuthenticateResult.Fail("Malformed API token.");
        }

        await using var session = store.QuerySession();
        var client = await session.LoadAsync<ApiClient>(clientId, Context.RequestAborted);
        if (client is null || client.Revoked || !ApiCredentials.Matches(client, secret))
        {
            return AuthenticateResult.Fail("Unknown or revoked API token.");
        }

        return AuthenticateResult.Success(new AuthenticationTicket(Counsellor.Principal(client), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer realm=\"Beratungspass\", error=\"invalid_token\"";
        return WriteProblemAsync(ProblemCatalog.ApiCredentialsInvalid);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => WriteProblemAsync(ProblemCatalog.Forbidden);

    private Task WriteProblemAsync(ProblemKind kind)
    {
        Response.StatusCode = kind.Status;
        return Context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = ProblemResponses.Build(Context, kind) }).AsTask();
    }
}
