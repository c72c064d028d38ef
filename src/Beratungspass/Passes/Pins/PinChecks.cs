using JasperFx;
using Marten;
using NodaTime;

namespace Beratungspass.Passes.Pins;

public enum PinCheckOutcome
{
    Correct,
    Wrong,
    Locked,
}

/// <param name="AttemptsLeft">Wrong PINs still allowed before the lock.</param>
/// <param name="LockedUntil">Set when the pass is locked.</param>
public sealed record PinCheckResult(PinCheckOutcome Outcome, int AttemptsLeft, Instant? LockedUntil);

/// <summary>
/// Checks the client's PIN: five wrong PINs in a row lock the pass for 15 minutes, for every device. The
/// counter is a document with optimistic concurrency, so PINs tried at once are all counted.
/// </summary>
public sealed class PinChecks(IDocumentStore store, PinVault vault, IClock clock)
{
    public const int MaximumAttempts = 5;
    public static readonly Duration LockDuration = Duration.FromMinutes(15);

    public async Task<PinCheckResult> CheckAsync(string passId, string? pin, CancellationToken cancellation)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var stored = await session.LoadAsync<PassPin>(passId, cancellation)
                ?? throw new InvalidOperationException("A pass without a PIN document.");
            var now = clock.GetCurrentInstant();
            if (stored.LockedUntil is { } until && until > now)
            {
                return new PinCheckResult(PinCheckOutcome.Locked, 0, until);
            }

            var correct = pin is not null && vault.Verify(pin, stored.Hash);
            // Decided before Record resets the counter: a right PIN after wrong ones must be written, or the count never clears.
            var nothingToClear = correct && stored.FailedAttempts == 0 && stored.LockedUntil is null;
            var result = Record(stored, correct, now);
            if (nothingToClear)
            {
                return result;
            }

            session.Store(stored);
            try
            {
                await session.SaveChangesAsync(cancellation);
                return result;
            }
            catch (ConcurrencyException) when (attempt < 20)
            {
                // Another attempt on this pass was counted meanwhile: count this one on top of it.
            }
        }
    }

    /// <summary>Replaces the PIN (only when a card is reissued with the client present) and lifts any lock.</summary>
    public static void Reset(PassPin stored, string sealedHash)
    {
        stored.Hash = sealedHash;
        stored.FailedAttempts = 0;
        stored.LockedUntil = null;
    }

    private static PinCheckResult Record(PassPin stored, bool correct, Instant now)
    {
        var wasCounting = stored.FailedAttempts > 0 || stored.LockedUntil is not null;
        if (correct)
        {
            stored.FailedAttempts = 0;
            stored.LockedUntil = null;
            return new PinCheckResult(PinCheckOutcome.Correct, MaximumAttempts, null);
        }

        stored.LockedUntil = null;
        stored.FailedAttempts = (wasCounting ? stored.FailedAttempts : 0) + 1;
        if (stored.FailedAttempts >= MaximumAttempts)
        {
            stored.FailedAttempts = 0;
            stored.LockedUntil = now + LockDuration;
            return new PinCheckResult(PinCheckOutcome.Locked, 0, stored.LockedUntil);
        }

        return new PinCheckResult(PinCheckOutcome.Wrong, MaximumAttempts - stored.FailedAttempts, null);
    }
}
