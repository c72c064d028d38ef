using Marten;
using Newtonsoft.Json.Linq;
using Snapshooter;
using Snapshooter.Xunit3;

namespace Beratungspass.Tests.Infrastructure;

/// <summary>
/// The two checks every stream's event contract test makes: the stored name and JSON of an example event match
/// the reviewed snapshot, and the JSON reads back into the same event.
/// </summary>
public static class EventContract
{
    public static void MatchesSnapshot(IDocumentStore store, object example, string eventType)
    {
        var options = store.Options;
        var json = options.Serializer().ToJson(example);

        Snapshot.Match(new
        {
            storedAs = options.Events.AllKnownEventTypes().Single(type => type.EventType == example.GetType()).EventTypeName,
            data = JToken.Parse(json),
        }, SnapshotNameExtension.Create(eventType));
    }

    public static void ReadsBackUnchanged(IDocumentStore store, object example)
    {
        var serializer = store.Options.Serializer();
        var json = serializer.ToJson(example);

        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        var readBack = serializer.FromJson(example.GetType(), stream);

        Assert.Equal(json, serializer.ToJson(readBack));
    }
}
