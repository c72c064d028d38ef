using NodaTime;

namespace Beratungspass.Passes.Pins;

/// <summary>
/// The client's PIN for a pass, as a salted slow hash sealed by <see cref="PinVault"/>, and its lockout counter. A document, never an
/// event: a PIN must be replaceable and erasable without rewriting history.
/// </summary>
public sealed class PassPin
{
    public required string Id { get; set; }

    public required string Hash { get; set; }

    public int FailedAttempts { get; set; }

    public Instant? LockedUntil { get; set; }
}
