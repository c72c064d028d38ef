using Beratungspass.Infrastructure;

namespace Beratungspass.Institutions;

/// <summary>A counselling institution of the network, with the services it offers (linked to the directory once it exists).</summary>
public sealed class Institution
{
    public const int MaximumNameLength = 200;

    public required string Id { get; set; }

    public required string Name { get; set; }

    public required string Town { get; set; }

    public List<InstitutionService> Services { get; set; } = [];

    /// <summary>A retired institution keeps its id and services for the history, but takes no new accounts or API clients.</summary>
    public bool Retired { get; set; }

    /// <summary>Marten's version of the stored document, carried by edit forms so stale edits are refused.</summary>
    public Guid Version { get; set; }

    public InstitutionService? ActiveService(string serviceId) => Services.FirstOrDefault(s => s.Id == serviceId && !s.Retired);

    /// <summary>The towns of Kreis Unna, where the network's institutions are.</summary>
    public static IReadOnlyList<string> Towns { get; } =
        ["Bergkamen", "Bönen", "Fröndenberg/Ruhr", "Holzwickede", "Kamen", "Lünen", "Schwerte", "Selm", "Unna", "Werne"];

    public static bool IsValidId(string? id) => Slug.IsValid(id);

    public static bool IsValidName(string? name) => !string.IsNullOrWhiteSpace(name) && name.Trim().Length <= MaximumNameLength;

    public static bool IsValidTown(string? town) => town is not null && Towns.Contains(town);
}

/// <summary>One counselling service of an institution. Sensitive services (psychosocial, violence protection) are hidden from others by default.</summary>
public sealed class InstitutionService
{
    /// <summary>Unique in the whole network and never changed: contacts in pass histories refer to it.</summary>
    public required string Id { get; set; }

    public required string Name { get; set; }

    public bool Sensitive { get; set; }

    /// <summary>A retired service takes no new contacts; histories keep showing it.</summary>
    public bool Retired { get; set; }
}
