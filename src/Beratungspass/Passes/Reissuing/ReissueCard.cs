using Beratungspass.Infrastructure;
using NodaTime;

namespace Beratungspass.Passes.Reissuing;

/// <summary>Hand out a new card; every token of an older generation stops working.</summary>
public sealed record ReissueCard(string ReissuingInstitutionId, string ReissuedBy);

public static class ReissueCardDecision
{
    public static CardReissued Decide(Pass? pass, ReissueCard command, Instant now)
    {
        if (pass is null)
        {
            throw new CommandRejectedException(Rejection.PassNotFound);
        }

        return new CardReissued(pass.Id, pass.Generation + 1, command.ReissuingInstitutionId, command.ReissuedBy, now);
    }
}
