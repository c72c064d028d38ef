using Microsoft.AspNetCore.DataProtection;

namespace Beratungspass.Passes.Pins;

/// <summary>
/// Seals PIN hashes with the token key ring. A PIN has only 10⁴–10⁸ values, so its slow hash alone
/// would fall to guessing once a database dump leaks; sealed, the hash is useless without the key ring,
/// which itself is stored encrypted under the key-encryption key from configuration.
/// </summary>
public sealed class PinVault(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("Beratungspass.Pin", "v1");

    /// <summary>Checks the PIN rules, then hashes and seals it for <see cref="PassPin.Hash"/>.</summary>
    public string Seal(string pin)
    {
        Pin.EnsureAcceptable(pin);
        return protector.Protect(Pin.Hash(pin));
    }

    public bool Verify(string pin, string sealedHash) =>
        pin.Length is >= Pin.MinimumLength and <= Pin.MaximumLength && Pin.Verify(pin, protector.Unprotect(sealedHash));
}
