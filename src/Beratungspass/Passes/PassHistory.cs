using Marten.Events.Aggregation;
using NodaTime;

namespace Beratungspass.Passes;

/// <summary>
/// The history at a glance: which services the pass was used at, on which topics, first and last date,
/// how many contacts; which services the client hid; who looked. One document per pass, kept inline.
/// </summary>
public sealed class PassHistory
{
    public required string Id { get; set; }

    public List<ServiceUse> Services { get; set; } = [];

    public List<string> HiddenServiceIds { get; set; } = [];

    public List<HistoryView> Views { get; set; } = [];

    public long Version { get; set; }

    /// <summary>What others may see: every service the client did not hide.</summary>
    public IEnumerable<ServiceUse> VisibleServices => Services.Where(s => !HiddenServiceIds.Contains(s.ServiceId));
}

public sealed class ServiceUse
{
    public required string InstitutionId { get; set; }

    public required string ServiceId { get; set; }

    public LocalDate FirstDate { get; set; }

    public LocalDate LastDate { get; set; }

    public int Contacts { get; set; }

    /// <summary>Each topic handled at this service with the last date it came up.</summary>
    public Dictionary<string, LocalDate> Topics { get; set; } = [];
}

public sealed record HistoryView(string InstitutionId, ViewPurpose Purpose, ClientPresence Presence, Instant ViewedAt);

public sealed partial class PassHistoryProjection : SingleStreamProjection<PassHistory, string>
{
    public static PassHistory Create(PassIssued e) => new() { Id = e.PassId };

    public static void Apply(ContactRecorded e, PassHistory history)
    {
        var use = history.Services.FirstOrDefault(s => s.ServiceId == e.ServiceId && s.InstitutionId == e.InstitutionId);
        if (use is null)
        {
            use = new ServiceUse { InstitutionId = e.InstitutionId, ServiceId = e.ServiceId, FirstDate = e.Date, LastDate = e.Date };
            history.Services.Add(use);
        }

        use.Contacts++;
        use.FirstDate = LocalDate.Min(use.FirstDate, e.Date);
        use.LastDate = LocalDate.Max(use.LastDate, e.Date);
        foreach (var topic in e.Topics)
        {
            use.Topics[topic] = use.Topics.TryGetValue(topic, out var last) ? LocalDate.Max(last, e.Date) : e.Date;
        }
    }

    public static void Apply(HistoryViewed e, PassHistory history) =>
        history.Views.Add(new HistoryView(e.InstitutionId, e.Purpose, e.Presence, e.ViewedAt));

    public static void Apply(ServiceHidden e, PassHistory history)
    {
        if (!history.HiddenServiceIds.Contains(e.ServiceId))
        {
            history.HiddenServiceIds.Add(e.ServiceId);
        }
    }

    public static void Apply(ServiceShown e, PassHistory history) => history.HiddenServiceIds.Remove(e.ServiceId);

#pragma warning disable IDE0060 // folded so Version follows the stream
    public static void Apply(CardReissued e, PassHistory history) { }

    public static void Apply(ConsentGranted e, PassHistory history) { }

    public static void Apply(ConsentWithdrawn e, PassHistory history) { }
#pragma warning restore IDE0060
}
