using System.Text.Json;
using System.Text.RegularExpressions;

namespace Beratungspass.Tests.ServiceDirectory.Hsds;

/// <summary>
/// A conformance check against HSDS 3.0, written out by hand from the specification's schema files (so the
/// tests need no copy of them): the properties of each object with their types and formats, the required ones,
/// and the enumerations. It reports every deviation with its JSON path: a missing required field, an unknown
/// property, a null (HSDS types no field as nullable), a wrong type, an id that is no UUID, a bad email or URI,
/// a value outside an enumeration, and schedule fields that RFC 5545 would not read.
/// </summary>
public static partial class HsdsChecker
{
    private sealed record Entity(string Required, string Properties);

    // From the schema files of HSDS 3.0 (tag v3.0 of openreferral/specification). "name:uuid" etc. give a format,
    // "name:[entity]" a list of objects, "name:{entity}" one object; a plain name is a string.
    private static readonly Dictionary<string, Entity> Entities = new()
    {
        ["accessibility"] = new("id",
            "id:uuid location_id:uuid description details url:uri attributes:[attribute] metadata:[metadata]"),
        ["address"] = new("id address_1 city state_province postal_code country address_type",
            "id:uuid location_id:uuid attention address_1 address_2 city region state_province postal_code country address_type attributes:[attribute] metadata:[metadata]"),
        ["attribute"] = new("id",
            "id:uuid link_id:uuid taxonomy_term_id:uuid link_type link_entity value taxonomy_term:{taxonomy_term} metadata:[metadata]"),
        ["contact"] = new("id",
            "id:uuid organization_id:uuid service_id:uuid service_at_location_id:uuid location_id:uuid name title department email:email phones:[phone] attributes:[attribute] metadata:[metadata]"),
        ["cost_option"] = new("id",
            "id:uuid service_id:uuid valid_from valid_to option currency amount:number amount_description attributes:[attribute] metadata:[metadata]"),
        ["funding"] = new("id",
            "id:uuid organization_id:uuid service_id:uuid source attributes:[attribute] metadata:[metadata]"),
        ["language"] = new("id",
            "id:uuid service_id:uuid location_id:uuid phone_id:uuid name code note attributes:[attribute] metadata:[metadata]"),
        ["location"] = new("id location_type",
            "id:uuid location_type url:uri organization_id:uuid name alternate_name description transportation latitude:number longitude:number external_identifier external_identifier_type languages:[language] addresses:[address] contacts:[contact] accessibility:[accessibility] phones:[phone] schedules:[schedule] attributes:[attribute] metadata:[metadata]"),
        ["metadata"] = new("id last_action_date last_action_type field_name previous_value replacement_value updated_by",
            "id:uuid resource_id:uuid resource_type last_action_date last_action_type field_name previous_value replacement_value updated_by"),
        // The compiled organization (API answers, export) adds its services.
        ["organization"] = new("id name description",
            "id:uuid name alternate_name description email:email website:uri tax_status tax_id year_incorporated:number legal_status logo uri:uri parent_organization_id:uuid funding:[funding] contacts:[contact] phones:[phone] locations:[location] programs:[program] organization_identifiers:[organization_identifier] attributes:[attribute] metadata:[metadata] services:[service]"),
        ["organization_identifier"] = new("id identifier_type identifier",
            "id:uuid organization_id:uuid identifier_scheme identifier_type identifier attributes:[attribute] metadata:[metadata]"),
        ["phone"] = new("id number",
            "id:uuid location_id:uuid service_id:uuid organization_id:uuid contact_id:uuid service_at_location_id:uuid number extension:number type description languages:[language] attributes:[attribute] metadata:[metadata]"),
        ["program"] = new("id name description",
            "id:uuid organization_id:uuid name alternate_name description attributes:[attribute] metadata:[metadata]"),
        ["required_document"] = new("id",
            "id:uuid service_id:uuid document uri:uri attributes:[attribute] metadata:[metadata]"),
        ["schedule"] = new("id",
            "id:uuid service_id:uuid location_id:uuid service_at_location_id:uuid valid_from valid_to dtstart timezone:number until count:number wkst freq interval:number byday byweekno bymonthday byyearday description opens_at closes_at schedule_link:uri attending_type notes attributes:[attribute] metadata:[metadata]"),
        ["service"] = new("id name status",
            "id:uuid organization_id:uuid program_id:uuid name alternate_name description url:uri email:email status interpretation_services application_process fees_description wait_time fees accreditations eligibility_description minimum_age:number maximum_age:number assured_date assurer_email:email licenses alert last_modified:datetime phones:[phone] schedules:[schedule] service_areas:[service_area] service_at_locations:[service_at_location] languages:[language] organization:{organization} funding:[funding] cost_options:[cost_option] program:{program} required_documents:[required_document] contacts:[contact] attributes:[attribute] metadata:[metadata]"),
        ["service_area"] = new("id",
            "id:uuid service_id:uuid name description extent extent_type uri attributes:[attribute] metadata:[metadata]"),
        ["service_at_location"] = new("id",
            "id:uuid service_id:uuid location_id:uuid description contacts:[contact] phones:[phone] schedules:[schedule] location:{location} attributes:[attribute] metadata:[metadata]"),
        ["taxonomy"] = new("id name description",
            "id:uuid name description uri:uri version metadata:[metadata]"),
        ["taxonomy_term"] = new("id name description",
            "id:uuid code name description parent_id:uuid taxonomy taxonomy_detail:{taxonomy} language taxonomy_id:uuid term_uri:uri metadata:[metadata]"),
    };

    private static readonly Dictionary<(string Entity, string Property), string[]> Enumerations = new()
    {
        [("service", "status")] = ["active", "inactive", "defunct", "temporarily closed"],
        [("location", "location_type")] = ["physical", "postal", "virtual"],
        [("address", "address_type")] = ["physical", "postal", "virtual"],
        [("schedule", "freq")] = ["WEEKLY", "MONTHLY"],
        [("schedule", "wkst")] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"],
    };

    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex Uuid();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();

    // RFC 3339 date-time, as JSON Schema's "date-time" format.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex DateTime();

    // RFC 5545 BYDAY: weekdays, optionally with an ordinal (1MO, -1FR), comma separated.
    [GeneratedRegex("^[+-]?[0-9]{0,2}(MO|TU|WE|TH|FR|SA|SU)(,[+-]?[0-9]{0,2}(MO|TU|WE|TH|FR|SA|SU))*$")]
    private static partial Regex ByDay();

    [GeneratedRegex("^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$")]
    private static partial Regex Time();

    /// <summary>Every deviation of the object from the HSDS 3.0 definition of <paramref name="entity"/>.</summary>
    public static List<string> Check(JsonElement value, string entity, string path = "$")
    {
        var problems = new List<string>();
        Object(value, entity, path, problems);
        return problems;
    }

    /// <summary>Fails with every deviation listed.</summary>
    public static void Conforms(JsonElement value, string entity, string path = "$")
    {
        var problems = Check(value, entity, path);
        Assert.True(problems.Count == 0, $"Not HSDS 3.0 {entity}:\n" + string.Join("\n", problems.Take(50)));
    }

    /// <summary>
    /// The pagination envelope of the HSDS OpenAPI (<c>Page</c>): exactly its fields, with numbers that agree with
    /// each other and the contents. Returns the contents.
    /// </summary>
    public static List<JsonElement> Page(JsonElement page, int perPage, string path = "$")
    {
        var names = page.EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.True(names.SetEquals(["total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"]),
            $"{path}: the page envelope has the fields {string.Join(", ", names)}");
        var total = page.GetProperty("total_items").GetInt32();
        var pages = page.GetProperty("total_pages").GetInt32();
        var number = page.GetProperty("page_number").GetInt32();
        var size = page.GetProperty("size").GetInt32();
        var contents = page.GetProperty("contents").EnumerateArray().ToList();
        Assert.Equal((total + perPage - 1) / perPage, pages);
        Assert.Equal(contents.Count, size);
        Assert.Equal(number >= 1 && number <= pages ? Math.Min(perPage, total - ((number - 1) * perPage)) : 0, size);
        Assert.Equal(number == 1, page.GetProperty("first_page").GetBoolean());
        Assert.Equal(number >= pages, page.GetProperty("last_page").GetBoolean());
        Assert.Equal(size == 0, page.GetProperty("empty").GetBoolean());
        return contents;
    }

    private static void Object(JsonElement value, string entity, string path, List<string> problems)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path}: expected an object ({entity}), found {value.ValueKind}");
            return;
        }

        var definition = Entities[entity];
        var properties = definition.Properties.Split(' ').Select(p => p.Split(':', 2)).ToDictionary(p => p[0], p => p.Length == 2 ? p[1] : "string");
        foreach (var required in definition.Required.Split(' '))
        {
            if (!value.TryGetProperty(required, out _))
            {
                problems.Add($"{path}.{required}: required ({entity})");
            }
        }

        foreach (var property in value.EnumerateObject())
        {
            var at = $"{path}.{property.Name}";
            if (!properties.TryGetValue(property.Name, out var type))
            {
                problems.Add($"{at}: not a property of {entity}");
                continue;
            }

            Property(property.Value, entity, property.Name, type, at, problems);
        }
    }

    private static void Property(JsonElement value, string entity, string name, string type, string at, List<string> problems)
    {
        if (type.StartsWith('['))
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                problems.Add($"{at}: expected a list, found {value.ValueKind}");
                return;
            }

            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Object(item, type[1..^1], $"{at}[{index++}]", problems);
            }

            return;
        }

        if (type.StartsWith('{'))
        {
            Object(value, type[1..^1], at, problems);
            return;
        }

        if (type == "number")
        {
            if (value.ValueKind != JsonValueKind.Number)
            {
                problems.Add($"{at}: expected a number, found {value.ValueKind}");
            }

            return;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add($"{at}: expected a string, found {value.ValueKind}");
            return;
        }

        var text = value.GetString()!;
        var valid = type switch
        {
            "uuid" => Uuid().IsMatch(text),
            "email" => Email().IsMatch(text),
            "uri" => Uri.TryCreate(text, UriKind.Absolute, out _),
            "datetime" => DateTime().IsMatch(text),
            _ => true,
        };
        if (!valid)
        {
            problems.Add($"{at}: \"{text}\" is not of format {type}");
        }

        if (Enumerations.TryGetValue((entity, name), out var allowed) && !allowed.Contains(text))
        {
            problems.Add($"{at}: \"{text}\" is not one of {string.Join(", ", allowed)}");
        }

        if (entity == "schedule" && name == "byday" && !ByDay().IsMatch(text))
        {
            problems.Add($"{at}: \"{text}\" is not an RFC 5545 BYDAY list");
        }

        if (entity == "schedule" && name is "opens_at" or "closes_at" && !Time().IsMatch(text))
        {
            problems.Add($"{at}: \"{text}\" is not a time of day");
        }
    }
}
