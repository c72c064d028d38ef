using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Beratungspass.ServiceDirectory;

/// <summary>One field that an edit changed: its path in the entry and its value before and after, as text.</summary>
public sealed record DirectoryFieldChange(string Path, string? Before, string? After);

/// <summary>
/// What changed between two states of an entry, field by field. The history of changes shows these, and
/// the decisions use them to tell an edit that changes nothing.
/// </summary>
public static class DirectoryChanges
{
    private static readonly JsonSerializerOptions Json = new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    }.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);

    public static IReadOnlyList<DirectoryFieldChange> Between<T>(T before, T after)
    {
        var old = Flatten(before);
        var @new = Flatten(after);
        return old.Keys.Union(@new.Keys)
            .Where(path => old.GetValueOrDefault(path) != @new.GetValueOrDefault(path))
            .Select(path => new DirectoryFieldChange(path, old.GetValueOrDefault(path), @new.GetValueOrDefault(path)))
            .ToList();
    }

    /// <summary>Every leaf value of the entry by its path, e.g. <c>locations[0].address.town</c> → <c>Unna</c>.</summary>
    public static Dictionary<string, string?> Flatten<T>(T value)
    {
        var leaves = new Dictionary<string, string?>(StringComparer.Ordinal);
        Walk(JsonSerializer.SerializeToNode(value, Json), "", leaves);
        return leaves;
    }

    private static void Walk(JsonNode? node, string path, Dictionary<string, string?> leaves)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    Walk(child, path.Length == 0 ? name : $"{path}.{name}", leaves);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{path}[{i}]", leaves);
                }

                break;
            case null:
                break;
            default:
                var text = node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
                leaves[path] = text;
                break;
        }
    }
}
