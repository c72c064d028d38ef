namespace Beratungspass.Institutions;

/// <summary>A counselling institution of the network. Its services come with the directory.</summary>
public sealed class Institution
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    public required string Town { get; set; }
}
