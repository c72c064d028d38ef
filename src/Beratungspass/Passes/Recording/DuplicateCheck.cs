using NodaTime;

namespace Beratungspass.Passes.Recording;

/// <summary>A topic about to be recorded that another service handled recently: counselled twice for the same thing?</summary>
public sealed record PossibleDuplicate(string Topic, string InstitutionId, string ServiceId, LocalDate LastDate);

public static class DuplicateCheck
{
    public static readonly Period Window = Period.FromMonths(6);

    public static IReadOnlyList<PossibleDuplicate> Find(PassHistory history, string serviceId, IEnumerable<string> topics, LocalDate today)
    {
        var since = today.Minus(Window);
        var wanted = topics.ToHashSet(StringComparer.Ordinal);
        return [.. history.VisibleServices
            .Where(use => use.ServiceId != serviceId)
            .SelectMany(use => use.Topics
                .Where(t => wanted.Contains(t.Key) && t.Value >= since)
                .Select(t => new PossibleDuplicate(t.Key, use.InstitutionId, use.ServiceId, t.Value)))
            .OrderBy(d => d.Topic, StringComparer.Ordinal)
            .ThenByDescending(d => d.LastDate)];
    }
}
