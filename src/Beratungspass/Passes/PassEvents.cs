using System.Text.Json.Serialization;
using NodaTime;

namespace Beratungspass.Passes;

// The pass stream's events: the readable contract of what a pass can record.
// Principle: a pass records that something happened, never what was said, and nothing
// identifying about the person beyond an age band and a preferred language.

/// <summary>A counsellor issued a new pass; the card of generation 1 is handed out with it.</summary>
public sealed record PassIssued(
    string PassId,
    string PassCode,
    string IssuingInstitutionId,
    ClientLanguage PreferredLanguage,
    AgeBand? AgeBand,
    string IssuedBy,
    Instant IssuedAt);

/// <summary>A new card replaced the previous one; tokens of older generations stop working.</summary>
public sealed record CardReissued(
    string PassId,
    int Generation,
    string ReissuingInstitutionId,
    string ReissuedBy,
    Instant ReissuedAt);

/// <summary>The client gave consent, confirmed at the counsellor's desk.</summary>
public sealed record ConsentGranted(
    string PassId,
    string ConsentId,
    ConsentScope Scope,
    IReadOnlyList<string> InstitutionIds,
    IReadOnlyList<ConsentPurpose> Purposes,
    LocalDate ValidUntil,
    string RecordedAtInstitutionId,
    string RecordedBy,
    Instant GrantedAt);

/// <summary>The client withdrew a consent; it stops covering anyone at once.</summary>
public sealed record ConsentWithdrawn(
    string PassId,
    string ConsentId,
    string RecordedAtInstitutionId,
    string RecordedBy,
    Instant WithdrawnAt);

/// <summary>A counsellor recorded that the client used a service: which, when, on which topics. Never what was said.</summary>
public sealed record ContactRecorded(
    string PassId,
    string ContactId,
    string InstitutionId,
    string ServiceId,
    IReadOnlyList<string> Topics,
    LocalDate Date,
    ContactKind Kind,
    string RecordedBy,
    Instant RecordedAt);

/// <summary>Someone other than the client was shown the pass history: the client sees this list.</summary>
public sealed record HistoryViewed(
    string PassId,
    string InstitutionId,
    string ViewedBy,
    ViewPurpose Purpose,
    ClientPresence Presence,
    Instant ViewedAt);

/// <summary>The client hid a service from what others see of their history.</summary>
public sealed record ServiceHidden(string PassId, string ServiceId, Instant HiddenAt);

/// <summary>The client showed a hidden service again.</summary>
public sealed record ServiceShown(string PassId, string ServiceId, Instant ShownAt);

public enum ContactKind
{
    [JsonStringEnumMemberName("first")] First,
    [JsonStringEnumMemberName("follow-up")] FollowUp,
}

public enum ViewPurpose
{
    /// <summary>At intake, to avoid counselling twice for the same thing.</summary>
    [JsonStringEnumMemberName("intake")] Intake,
}

/// <summary>How the client showed they were present when their history was displayed.</summary>
public enum ClientPresence
{
    /// <summary>The client entered their PIN at this intake.</summary>
    [JsonStringEnumMemberName("pin")] Pin,

    /// <summary>The scanned code was the rotating QR from the client's own phone.</summary>
    [JsonStringEnumMemberName("phone-code")] PhoneCode,
}

public enum ConsentScope
{
    [JsonStringEnumMemberName("whole-network")] WholeNetwork,
    [JsonStringEnumMemberName("listed-institutions")] ListedInstitutions,
}

public enum ConsentPurpose
{
    [JsonStringEnumMemberName("show-history")] ShowHistory,
    [JsonStringEnumMemberName("record-contacts")] RecordContacts,
    [JsonStringEnumMemberName("referrals")] Referrals,
    [JsonStringEnumMemberName("statistics")] Statistics,
}

/// <summary>The only statement about age a pass may hold. Bands follow the service age limits (JMD to 26, MBE from 27).</summary>
public enum AgeBand
{
    [JsonStringEnumMemberName("under-12")] Under12,
    [JsonStringEnumMemberName("12-17")] From12To17,
    [JsonStringEnumMemberName("18-26")] From18To26,
    [JsonStringEnumMemberName("27-44")] From27To44,
    [JsonStringEnumMemberName("45-64")] From45To64,
    [JsonStringEnumMemberName("65-plus")] From65,
}

public static class AgeBands
{
    public static IReadOnlyList<AgeBand> All { get; } = Enum.GetValues<AgeBand>();

    public static string Code(this AgeBand band) => band switch
    {
        AgeBand.Under12 => "under-12",
        AgeBand.From12To17 => "12-17",
        AgeBand.From18To26 => "18-26",
        AgeBand.From27To44 => "27-44",
        AgeBand.From45To64 => "45-64",
        AgeBand.From65 => "65-plus",
        _ => throw new ArgumentOutOfRangeException(nameof(band)),
    };

    public static bool TryParse(string? code, out AgeBand band)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Code(), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                band = candidate;
                return true;
            }
        }

        band = default;
        return false;
    }
}
