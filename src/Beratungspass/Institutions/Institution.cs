using Beratungspass.Infrastructure;

namespace Beratungspass.Institutions;

/// <summary>
/// A counselling institution of the network with the services it offers: the directory's organization as
/// accounts, intake and histories see it, projected by <see cref="InstitutionProjection"/>. Edited in the directory.
/// </summary>
public sealed class Institution
{
    public const int MaximumNameLength = 200;

    public required string Id { get; set; }

    public required string Name { get; set; }

    public required string Town { get; set; }

    public List<InstitutionService> Services { get; set; } = [];

    /// <summary>A retired institution keeps its id and services for the history, but takes no new accounts or API clients.</summary>
    public bool Retired { get; set; }

    public InstitutionService? ActiveService(string serviceId) => Services.FirstOrDefault(s => s.Id == serviceId && !s.Retired);

    /// <summary>The towns of Kreis Unna, where the network's institutions are.</summary>
    public static IReadOnlyList<string> Towns { get; } =
        ["Bergkamen", "Bönen", "Fröndenberg/Ruhr", "Holzwickede", "Kamen", "Lünen", "Schwerte", "Selm", "Unna", "Werne"];

    public static bool IsValidId(string? id) => Slug.IsValid(id);

    public static bool IsValidName(string? name) => !string.IsNullOrWhiteSpace(name) && name.Trim().Length <= MaximumNameLength;

    public static bool IsValidTown(string? town) => town is not null && Towns.Contains(town);

    /// <summary>The town of the organization's first location; empty for an organization without one.</summary>
    public static string TownOf(ServiceDirectory.OrganizationDetails details) => details.Locations.Count > 0 ? details.Locations[0].Address.Town : "";
}

/// <summary>One counselling service of an institution: the directory service's id, name and whether it is sensitive or retired.</summary>
public sealed class InstitutionService
{
    /// <summary>Unique in the whole network and never changed: contacts in pass histories refer to it.</summary>
    public required string Id { get; set; }

    public required string Name { get; set; }

    public bool Sensitive { get; set; }

    /// <summary>A retired service takes no new contacts; histories keep showing it.</summary>
    public bool Retired { get; set; }
}
