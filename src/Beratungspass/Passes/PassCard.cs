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

    /// <summary>
    /// The stream version of the last change to the card (issue or reissue), carried by the pass page and the
    /// API as the expected version of a reissue. Contacts, views and consents do not touch this document, so
    /// the frequent writes of an intake cost no upsert here.
    /// </summary>
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

}
