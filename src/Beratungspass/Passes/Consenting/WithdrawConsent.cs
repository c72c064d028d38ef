using Beratungspass.Infrastructure;
using NodaTime;

namespace Beratungspass.Passes.Consenting;

/// <summary>Withdraw a consent; it takes effect at once.</summary>
public sealed record WithdrawConsent(string ConsentId, string RecordedAtInstitutionId, string RecordedBy);

public static class WithdrawConsentDecision
{
    public static ConsentWithdrawn Decide(Pass? pass, WithdrawConsent command, Instant now)
    {
        if (pass is null)
        {
            throw new CommandRejectedException(Rejection.PassNotFound);
        }

        var consent = pass.Consents.SingleOrDefault(c => c.ConsentId == command.ConsentId);
        if (consent is null || consent.WithdrawnAt is not null)
        {
            throw new CommandRejectedException(Rejection.ConsentNotActive);
        }

        return new ConsentWithdrawn(pass.Id, command.ConsentId, command.RecordedAtInstitutionId, command.RecordedBy, now);
    }
}
