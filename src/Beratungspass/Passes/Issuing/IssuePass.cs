using NodaTime;

namespace Beratungspass.Passes.Issuing;

/// <summary>Issue a new pass. The random pass id and code are drawn by the caller so the decision stays pure.</summary>
public sealed record IssuePass(
    string PassId,
    PassCode PassCode,
    string IssuingInstitutionId,
    ClientLanguage PreferredLanguage,
    AgeBand? AgeBand,
    string IssuedBy);

public static class IssuePassDecision
{
    public static PassIssued Decide(IssuePass command, Instant now) =>
        new(command.PassId, command.PassCode.Value, command.IssuingInstitutionId, command.PreferredLanguage,
            command.AgeBand, command.IssuedBy, now);
}
