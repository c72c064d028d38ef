using Marten.Events.Projections;
using NodaTime;

namespace Beratungspass.ServiceDirectory;

/// <summary>
/// One row that changes with every directory event, so each app node can tell in one point read whether
/// its in-memory copy of the directory is still current. The token is new on every change: two changes
/// committed at once can never leave it at a value a node already saw.
/// </summary>
public sealed class DirectoryRevision
{
    public const string TheId = "directory";

    public string Id { get; set; } = TheId;

    public Guid Token { get; set; }

    public Instant LastChange { get; set; }
}

public sealed class DirectoryRevisionProjection : MultiStreamProjection<DirectoryRevision, string>
{
    public DirectoryRevisionProjection()
    {
        Identity<IDirectoryEvent>(_ => DirectoryRevision.TheId);
    }

    public static void Apply(IDirectoryEvent e, DirectoryRevision revision)
    {
        revision.Token = Guid.NewGuid();
        revision.LastChange = e.At;
    }
}
