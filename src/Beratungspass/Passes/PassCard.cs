using Marten.Events.Aggregation;
using NodaTime;

namespace Beratungspass.Passes;

/// <summary>What the card, the A4 sheet and the counsellor's pass page show. Also the lookup from pass code to pass.</summary>
public sealed class PassCard
{
    public required string Id { get; set; }

    public required string PassCode { get; set; }

    public required string IssuingInstitutionId { get; set; }

    public ClientLanguage PreferredLanguage { get; set; }

    public AgeBand? AgeBand { get; set; }

    public int Generation { get; set; }

    public Instant IssuedAt { get; set; }

    public Instant CardIssuedAt { get; set; }

    /// <summary>Stream version, carried by forms so stale writes are refused.</summary>
    public long Version { get; set; }
}

public sealed partial class PassCardProjection : SingleStreamProjection<PassCard, string>
{
    public static PassCard Create(PassIssued e) => new()
    {
        Id = e.PassId,
        PassCode = e.PassCode,
        IssuingInstitutionId = e.IssuingInstitutionId,
        PreferredLanguage = e.PreferredLanguage,
        AgeBand = e.AgeBand,
        Generation = 1,
        IssuedAt = e.IssuedAt,
        CardIssuedAt = e.IssuedAt,
    };

    public static void Apply(CardReissued e, PassCard card)
    {
        card.Generation = e.Generation;
        card.CardIssuedAt = e.ReissuedAt;
    }

    // The card shows none of these, but folding them keeps Version equal to the stream version,
    // which forms and the API carry as the expected version.
#pragma warning disable IDE0060
    public static void Apply(ConsentGranted e, PassCard card) { }

    public static void Apply(ConsentWithdrawn e, PassCard card) { }

    public static void Apply(ContactRecorded e, PassCard card) { }

    public static void Apply(HistoryViewed e, PassCard card) { }

    public static void Apply(ServiceHidden e, PassCard card) { }

    public static void Apply(ServiceShown e, PassCard card) { }
#pragma warning restore IDE0060
}
