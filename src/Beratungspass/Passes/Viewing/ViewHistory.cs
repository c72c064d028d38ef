using Beratungspass.Infrastructure;
using NodaTime;

namespace Beratungspass.Passes.Viewing;

/// <summary>Show the pass history to a counsellor while the client is present.</summary>
public sealed record ViewHistory(string InstitutionId, string ViewedBy, ViewPurpose Purpose, ClientPresence Presence);

public static class ViewHistoryDecision
{
    /// <summary>Every display is a fact: the event is appended in the same transaction that reads the history.</summary>
    public static HistoryViewed Decide(Pass? pass, ViewHistory command, Instant now, DateTimeZone zone)
    {
        if (pass is null)
        {
            throw new CommandRejectedException(Rejection.PassNotFound);
        }

        if (!pass.IsCoveredBy(command.InstitutionId, ConsentPurpose.ShowHistory, now.InZone(zone).Date))
        {
            throw new CommandRejectedException(Rejection.ConsentMissing);
        }

        return new HistoryViewed(pass.Id, command.InstitutionId, command.ViewedBy, command.Purpose, command.Presence, now);
    }
}
