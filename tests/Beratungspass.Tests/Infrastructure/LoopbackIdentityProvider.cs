using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Beratungspass.Tests.Infrastructure;

/// <summary>
/// A small OpenID provider on a loopback port, standing in for the Kreis's: discovery document, signing keys,
/// an authorize endpoint that signs in whoever <see cref="SignedIn"/> names (no login form) and answers with
/// a form post as asked, and a token endpoint that checks the client secret and PKCE and issues an RS256 ID token.
/// </summary>
public sealed class LoopbackIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "beratungspass-test";
    public const string ClientSecret = "loopback-client-secret-2026";

    private readonly RSA key = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, Grant> grants = new();
    private WebApplication? app;

    private sealed record Grant(string Subject, string? Nonce, string RedirectUri, string CodeChallenge);

    /// <summary>The issuer and authority, e.g. http://127.0.0.1:40123.</summary>
    public string Issuer { get; private set; } = "";

    /// <summary>The subject of the person signed in at the provider.</summary>
    public string SignedIn { get; set; } = "";

    /// <summary>How many codes were redeemed at the token endpoint.</summary>
    public int TokensIssued => tokensIssued;

    private int tokensIssued;

    public static async Task<LoopbackIdentityProvider> StartAsync()
    {
        var provider = new LoopbackIdentityProvider();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        provider.app = builder.Build();
        provider.Map(provider.app);
        await provider.app.StartAsync();
        provider.Issuer = provider.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return provider;
    }

    private void Map(WebApplication web)
    {
        web.MapGet("/.well-known/openid-configuration", () => Results.Text($$"""
            {
              "issuer": "{{Issuer}}",
              "authorization_endpoint": "{{Issuer}}/authorize",
              "token_endpoint": "{{Issuer}}/token",
              "jwks_uri": "{{Issuer}}/jwks",
              "response_types_supported": ["code"],
              "response_modes_supported": ["query", "form_post"],
              "subject_types_supported": ["public"],
              "id_token_signing_alg_values_supported": ["RS256"],
              "token_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic"],
              "code_challenge_methods_supported": ["S256"],
              "scopes_supported": ["openid", "profile"]
            }
            """, "application/json"));

        web.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(key.ExportParameters(false)) { KeyId = "loopback-1" });
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = jwk.Kid, n = jwk.N, e = jwk.E } } });
        });

        web.MapGet("/authorize", (HttpRequest request) =>
        {
            var query = request.Query;
            if (query["client_id"] != ClientId || query["response_type"] != "code" || !query["scope"].ToString().Split(' ').Contains("openid")
                || query["code_challenge_method"] != "S256" || string.IsNullOrEmpty(query["code_challenge"]) || string.IsNullOrEmpty(query["redirect_uri"]))
            {
                return Results.BadRequest("invalid_request");
            }

            var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            grants[code] = new Grant(SignedIn, query["nonce"], query["redirect_uri"]!, query["code_challenge"]!);
            var fields = new Dictionary<string, string> { ["code"] = code, ["state"] = query["state"].ToString() };
            if (query["response_mode"] == "form_post")
            {
                var inputs = string.Concat(fields.Select(f => $"<input type=\"hidden\" name=\"{f.Key}\" value=\"{WebUtility.HtmlEncode(f.Value)}\">"));
                return Results.Content($"<html><body><form method=\"post\" action=\"{WebUtility.HtmlEncode(query["redirect_uri"])}\">{inputs}</form></body></html>", "text/html");
            }

            return Results.Redirect(query["redirect_uri"] + "?" + string.Join("&", fields.Select(f => f.Key + "=" + Uri.EscapeDataString(f.Value))));
        });

        web.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            var (clientId, secret) = ClientCredentials(request, form);
            if (clientId != ClientId || secret != ClientSecret)
            {
                return Results.Json(new { error = "invalid_client" }, statusCode: 401);
            }

            if (form["grant_type"] != "authorization_code" || !grants.TryRemove(form["code"].ToString(), out var grant) || form["redirect_uri"] != grant.RedirectUri
                || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != grant.CodeChallenge)
            {
                return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
            }

            Interlocked.Increment(ref tokensIssued);
            var accessToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            return Results.Json(new { access_token = accessToken, token_type = "Bearer", expires_in = 300, id_token = IdToken(grant, accessToken) });
        });
    }

    private static (string? ClientId, string? Secret) ClientCredentials(HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..])).Split(':', 2);
            return (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1]));
        }

        return (form["client_id"], form["client_secret"]);
    }

    private string IdToken(Grant grant, string accessToken)
    {
        var now = DateTime.UtcNow;
        var claims = new List<Claim> { new("sub", grant.Subject), new("at_hash", Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(accessToken))[..16])) };
        if (grant.Nonce is not null)
        {
            claims.Add(new Claim("nonce", grant.Nonce));
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = ClientId,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = "loopback-1" }, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        key.Dispose();
    }
}
