using System.Text;

namespace Beratungspass.ServiceDirectory.Hsds;

/// <summary>
/// Turns the paths of <see cref="DirectoryValidation"/> (camelCase, into the entry) into JSON paths of the import
/// file, so the person correcting the file finds the field: <c>locations[0].address.postalCode</c> of the third
/// organization becomes <c>$.organizations[2].locations[0].addresses[0].postal_code</c>.
/// </summary>
public static class HsdsImportPaths
{
    public static string Organization(string organizationPath, string path) => Map(organizationPath, path, "organization", []);

    public static string Service(string servicePath, string path, IReadOnlyList<int> topicAttributes) => Map(servicePath, path, "service", topicAttributes);

    private static string Map(string basePath, string path, string context, IReadOnlyList<int> topicAttributes)
    {
        var result = new StringBuilder(basePath);
        foreach (var segment in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? segment : segment[..bracket];
            int? index = bracket < 0 ? null : int.Parse(segment[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
            string? suffix = null;
            var next = context;
            string mapped;
            switch (context, name)
            {
                case ("service", "staffContacts"):
                    // Staff contacts are not in the file; their errors belong to the service as a whole.
                    return basePath;
                case ("service", "website"):
                    mapped = "url";
                    break;
                case ("service", "topics"):
                    mapped = "attributes";
                    if (index is { } topic)
                    {
                        index = topic < topicAttributes.Count ? topicAttributes[topic] : topic;
                        suffix = "taxonomy_term_id";
                    }

                    break;
                case ("service", "locations"):
                    mapped = "service_at_locations";
                    next = "service_at_location";
                    break;
                case ("organization", "locations"):
                    mapped = "locations";
                    next = "location";
                    break;
                case (_, "phones"):
                    mapped = "phones";
                    next = "phone";
                    break;
                case (_, "languages"):
                    mapped = "languages";
                    suffix = index is null ? null : "code";
                    break;
                case ("location", "address"):
                    mapped = "addresses";
                    index = 0;
                    next = "address";
                    break;
                case ("address", "street"):
                    mapped = "address_1";
                    break;
                case ("address", "town"):
                    mapped = "city";
                    break;
                case ("location", "accessibility"):
                    mapped = "accessibility";
                    index = 0;
                    suffix = "description";
                    break;
                case ("service_at_location", "hours"):
                    mapped = "schedules";
                    next = "schedule";
                    break;
                case ("schedule", "days"):
                    mapped = "byday";
                    break;
                case ("schedule", "opens"):
                    mapped = "opens_at";
                    break;
                case ("schedule", "closes"):
                    mapped = "closes_at";
                    break;
                case ("schedule", "note"):
                    mapped = "notes";
                    break;
                default:
                    mapped = Snake(name);
                    break;
            }

            result.Append('.').Append(mapped);
            if (index is { } n)
            {
                result.Append('[').Append(n).Append(']');
            }

            if (suffix is not null)
            {
                result.Append('.').Append(suffix);
            }

            context = next;
        }

        return result.ToString();
    }

    private static string Snake(string name)
    {
        var snake = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c))
            {
                snake.Append('_').Append(char.ToLowerInvariant(c));
            }
            else
            {
                snake.Append(c);
            }
        }

        return snake.ToString();
    }
}
