using System.Buffers;
using System.Security.Cryptography;
using NodaTime;

namespace Beratungspass.ApiClients;

/// <summary>
/// An institution's own system calling API v1 on the institution's behalf. Only a SHA-256 of its secret is
/// stored: the secret is 32 random bytes, far beyond guessing, so a slow hash would add nothing but load.
/// </summary>
public sealed class ApiClient
{
    public const int MaximumNameLength = 100;

    /// <summary>16 hex digits, also the visible part of the token.</summary>
    public required string Id { get; set; }

    public required string InstitutionId { get; set; }

    /// <summary>What the institution calls this system, e.g. "Fallakte AWO".</summary>
    public required string Name { get; set; }

    public required string SecretHash { get; set; }

    public Instant CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public Instant? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }

    public bool Revoked => RevokedAt is not null;

    /// <summary>The pseudonym events carry for what this client records.</summary>
    public string Pseudonym => "api-" + Id;

    public static bool IsValidName(string? name) => !string.IsNullOrWhiteSpace(name) && name.Trim().Length <= MaximumNameLength;
}

/// <summary>
/// Bearer tokens of API clients: <c>bp_&lt;client id&gt;_&lt;secret&gt;</c>, the secret 32 random bytes in
/// Base64url. The token is shown once when the client is created and never stored.
/// </summary>
public static class ApiCredentials
{
    public const string Prefix = "bp_";

    private const int SecretBytes = 32;

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdef");

    /// <summary>A new client and its token; the token must be handed over now, it cannot be shown again.</summary>
    public static (ApiClient Client, string Token) Create(string institutionId, string name, string createdBy, Instant now)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = RandomNumberGenerator.GetBytes(SecretBytes);
        var client = new ApiClient
        {
            Id = id,
            InstitutionId = institutionId,
            Name = name.Trim(),
            SecretHash = Convert.ToBase64String(SHA256.HashData(secret)),
            CreatedAt = now,
            CreatedBy = createdBy,
        };
        return (client, Prefix + id + "_" + Base64Url(secret));
    }

    /// <summary>Splits a token into the client id and the secret; false for anything not shaped like a token.</summary>
    public static bool TryParse(string? token, out string clientId, out byte[] secret)
    {
        clientId = "";
        secret = [];
        if (token is null || token.Length > 100 || !token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var separator = token.IndexOf('_', Prefix.Length);
        if (separator != Prefix.Length + 16 || token.AsSpan(Prefix.Length, 16).ContainsAnyExcept(HexDigits))
        {
            return false;
        }

        var encoded = token[(separator + 1)..].Replace('-', '+').Replace('_', '/');
        var buffer = new byte[SecretBytes + 3];
        if (!Convert.TryFromBase64String(encoded + new string('=', (4 - encoded.Length % 4) % 4), buffer, out var written) || written != SecretBytes)
        {
            return false;
        }

        clientId = token.Substring(Prefix.Length, 16);
        secret = buffer[..SecretBytes];
        return true;
    }

    /// <summary>Whether the secret belongs to the client, compared in constant time.</summary>
    public static bool Matches(ApiClient client, byte[] secret)
    {
        Span<byte> stored = stackalloc byte[32];
        return Convert.TryFromBase64String(client.SecretHash, stored, out var written) && written == stored.Length
            && CryptographicOperations.FixedTimeEquals(stored, SHA256.HashData(secret));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
