namespace Beratungspass.Institutions;

/// <summary>A counselling institution of the network, with the services it offers (linked to the directory once it exists).</summary>
public sealed class Institution
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    public required string Town { get; set; }

    public List<InstitutionService> Services { get; set; } = [];

    public bool Retired { get; set; }

    public InstitutionService? ActiveService(string serviceId) => Services.FirstOrDefault(s => s.Id == serviceId && !s.Retired);
}

/// <summary>One counselling service of an institution. Sensitive services (psychosocial, violence protection) are hidden from others by default.</summary>
public sealed class InstitutionService
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    public bool Sensitive { get; set; }

    public bool Retired { get; set; }
}
