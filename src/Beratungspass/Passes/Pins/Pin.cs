using System.Security.Cryptography;
using System.Text;
using Beratungspass.Infrastructure;

namespace Beratungspass.Passes.Pins;

/// <summary>Rules for the client's PIN and its hashing.</summary>
public static class Pin
{
    public const int MinimumLength = 4;
    public const int MaximumLength = 8;

    // PBKDF2 with HMAC-SHA512 and 100,000 iterations, as ASP.NET Core Identity v3 uses. The stored form
    // is versioned ("v1$iterations$salt$subkey") so the cost can be raised later without a migration.
    private const int Iterations = 100_000;
    private const int SaltLength = 16;
    private const int SubkeyLength = 32;

    /// <summary>Refuses PINs that are not 4–8 digits, or that anyone would try first (one digit repeated, a run up or down).</summary>
    public static void EnsureAcceptable(string? pin)
    {
        if (pin is null || pin.Length is < MinimumLength or > MaximumLength || !pin.All(char.IsAsciiDigit))
        {
            throw new CommandRejectedException(Rejection.PinTooWeak);
        }

        var allSame = pin.All(c => c == pin[0]);
        var ascending = Enumerable.Range(1, pin.Length - 1).All(i => pin[i] - pin[i - 1] == 1);
        var descending = Enumerable.Range(1, pin.Length - 1).All(i => pin[i - 1] - pin[i] == 1);
        if (allSame || ascending || descending)
        {
            throw new CommandRejectedException(Rejection.PinTooWeak);
        }
    }

    public static string Hash(string pin)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltLength);
        var subkey = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(pin), salt, Iterations, HashAlgorithmName.SHA512, SubkeyLength);
        return $"v1${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(subkey)}";
    }

    public static bool Verify(string pin, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != "v1" || !int.TryParse(parts[1], out var iterations))
        {
            return false;
        }

        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(pin), salt, iterations, HashAlgorithmName.SHA512, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
