using Beratungspass.Infrastructure;
using NodaTime;

namespace Beratungspass.Passes.Hiding;

/// <summary>The client hides a service they used from what others see, or shows it again.</summary>
public sealed record HideService(string ServiceId, bool Hide);

public static class HideServiceDecision
{
    /// <returns>The event, or null when the service already is as asked.</returns>
    public static object? Decide(Pass? pass, IReadOnlyCollection<string> usedServiceIds, HideService command, Instant now)
    {
        if (pass is null)
        {
            throw new CommandRejectedException(Rejection.PassNotFound);
        }

        if (!usedServiceIds.Contains(command.ServiceId))
        {
            throw new CommandRejectedException(Rejection.ServiceNotUsed);
        }

        var hidden = pass.HiddenServiceIds.Contains(command.ServiceId);
        return (command.Hide, hidden) switch
        {
            (true, false) => new ServiceHidden(pass.Id, command.ServiceId, now),
            (false, true) => new ServiceShown(pass.Id, command.ServiceId, now),
            _ => null,
        };
    }
}
