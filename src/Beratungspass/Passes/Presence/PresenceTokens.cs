using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using NodaTime;

namespace Beratungspass.Passes.Presence;

/// <summary>
/// Proof, for the rest of an intake, that the client was present: issued when the client entered their
/// PIN (or showed their phone's rotating code) and bound to the pass, the institution and the counsellor.
/// It lets the counsellor show the history again and record the contact without asking for the PIN at
/// every step, and it expires quickly.
/// </summary>
public sealed class PresenceTokens(IDataProtectionProvider provider, IClock clock)
{
    public static readonly Duration Lifetime = Duration.FromMinutes(30);

    private readonly IDataProtector protector = provider.CreateProtector("Beratungspass.Presence", "v1");

    public string Issue(string passId, string institutionId, string accountId, ClientPresence presence)
    {
        var expires = (clock.GetCurrentInstant() + Lifetime).ToUnixTimeSeconds();
        return protector.Protect(string.Join('\n', passId, institutionId, accountId, presence.ToString(), expires.ToString(CultureInfo.InvariantCulture)));
    }

    /// <returns>How the client showed presence, or null for a missing, expired, tampered or foreign token.</returns>
    public ClientPresence? Read(string? token, string passId, string institutionId, string accountId)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1024)
        {
            return null;
        }

        try
        {
            var parts = protector.Unprotect(token).Split('\n');
            return parts.Length == 5 && parts[0] == passId && parts[1] == institutionId && parts[2] == accountId
                && long.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
                && expires > clock.GetCurrentInstant().ToUnixTimeSeconds()
                && Enum.TryParse<ClientPresence>(parts[3], out var presence)
                ? presence
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
