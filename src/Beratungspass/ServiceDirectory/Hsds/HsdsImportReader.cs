using System.Buffers;
using System.Text;
using System.Text.Json;
using NodaTime;

namespace Beratungspass.ServiceDirectory.Hsds;

/// <summary>An organization as the import file describes it, with the JSON path of each part for error messages.</summary>
public sealed record ImportedOrganization(
    string Path, Guid HsdsId, string? Slug, string? SlugPath, bool Retired, string? RetiredPath, OrganizationDetails Details, IReadOnlyList<ImportedService> Services);

/// <summary>A service of the import file. <paramref name="TopicAttributes"/> gives, for each topic, the index of the attribute it came from.</summary>
public sealed record ImportedService(string Path, Guid HsdsId, string? Slug, string? SlugPath, ServiceDetails Details, IReadOnlyList<int> TopicAttributes);

/// <summary>What the import file says, and everything wrong with its form (each with its JSON path). Rules of the directory are checked by <see cref="HsdsImport"/>.</summary>
public sealed record HsdsImportFile(IReadOnlyList<ImportedOrganization> Organizations, IReadOnlyList<DirectoryError> Errors);

/// <summary>
/// Reads an HSDS 3.0 file in the export's format (<see cref="HsdsExportDocument"/>) without stopping at the
/// first problem: broken JSON or UTF-8 is reported with its line and byte, everything else with its JSON path
/// (<c>$.organizations[2].services[0].minimum_age</c>), so one round of corrections is enough.
/// </summary>
/// <remarks>
/// Fields the directory keeps are read; fields derived from them on export (language names, schedule
/// descriptions, nested taxonomy terms, references back to the enclosing object, last_modified) are checked
/// and otherwise ignored. Any other HSDS field with a value is refused as not supported, and any name HSDS does
/// not define as unknown: importing them would lose them without anyone noticing.
/// </remarks>
public static partial class HsdsImportReader
{
    public static HsdsImportFile Read(ReadOnlyMemory<byte> content)
    {
        var reader = new Reader();
        var bytes = content.Span.StartsWith("\uFEFF"u8) ? content[3..] : content;
        if (bytes.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            reader.Error("$", "file-empty", "Die Datei ist leer.", "The file is empty.");
            return reader.File([]);
        }

        if (InvalidUtf8(bytes.Span) is { } position)
        {
            var (line, column) = LineAndByte(bytes.Span, position);
            reader.Error("$", "utf8-invalid",
                $"Die Datei ist kein gültiges UTF-8: ungültiges Byte in Zeile {line}, Byte {column}. Bitte als UTF-8 speichern.",
                $"The file is not valid UTF-8: invalid byte at line {line}, byte {column}. Please save it as UTF-8.");
            return reader.File([]);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var column = (e.BytePositionInLine ?? 0) + 1;
            var why = ParserMessage(e.Message);
            reader.Error("$", "json-invalid",
                $"Kein gültiges JSON in Zeile {line}, Byte {column}: {why}",
                $"Not valid JSON at line {line}, byte {column}: {why}");
            return reader.File([]);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                reader.Type("$", Kind.Object);
                return reader.File([]);
            }

            var root = new Node(reader, document.RootElement, "$", "export");
            var version = root.Text("hsds_version");
            if (version is not null && version != HsdsJson.Version)
            {
                reader.Error(root.At("hsds_version"), "version-unsupported",
                    $"Gelesen wird HSDS {HsdsJson.Version}, nicht „{version}“.", $"HSDS {HsdsJson.Version} is read, not \"{version}\".");
            }

            root.Text("exported");
            root.Text("publisher");
            foreach (var taxonomy in root.Objects("taxonomies", "taxonomy"))
            {
                ReadTaxonomy(taxonomy);
            }

            foreach (var term in root.Objects("taxonomy_terms", "taxonomy_term"))
            {
                ReadTerm(term);
            }

            var organizations = root.Objects("organizations", "organization", required: true).Select(ReadOrganization).ToList();
            root.Finish();
            return reader.File(organizations);
        }
    }

    private static void ReadTaxonomy(Node node)
    {
        node.Primary();
        foreach (var name in new[] { "name", "description", "uri", "version" })
        {
            node.Text(name);
        }

        node.Skip("metadata", JsonValueKind.Array);
        node.Finish();
    }

    private static void ReadTerm(Node node)
    {
        var id = node.Primary();
        foreach (var name in new[] { "code", "name", "description", "taxonomy", "language", "term_uri" })
        {
            node.Text(name);
        }

        node.Uuid("parent_id");
        var taxonomy = node.Uuid("taxonomy_id");
        node.Skip("taxonomy_detail", JsonValueKind.Object);
        node.Skip("metadata", JsonValueKind.Array);
        if (taxonomy == HsdsIds.Taxonomy && id != Guid.Empty && HsdsMapping.TopicOf(id) is null)
        {
            node.Reader.UnknownTerm(node.At("id"), id);
        }

        node.Finish();
    }

    private static ImportedOrganization ReadOrganization(Node node)
    {
        var id = node.Primary();
        var name = node.Text("name", required: true) ?? "";
        var alternateName = node.Text("alternate_name");
        var description = node.Text("description", required: true) ?? "";
        var email = node.Text("email");
        var website = node.Text("website");
        var phones = node.Objects("phones", "phone").Select(p => ReadPhone(p, id, "organization_id")).ToList();
        var locations = node.Objects("locations", "location").Select(l => ReadLocation(l, id)).ToList();
        string? slug = null, slugPath = null;
        foreach (var identifier in node.Objects("organization_identifiers", "organization_identifier"))
        {
            identifier.Primary();
            identifier.Owner("organization_id", id);
            var scheme = identifier.Text("identifier_scheme");
            var type = identifier.Text("identifier_type", required: true);
            var value = identifier.Text("identifier", required: true);
            if (scheme == HsdsMapping.SlugScheme && type == HsdsMapping.SlugType)
            {
                (slug, slugPath) = node.Reader.Slug(identifier.At("identifier"), value, slug, slugPath);
            }
            else if (type is not null && value is not null)
            {
                node.Reader.Error(identifier.Path, "identifier-unsupported",
                    $"Gespeichert wird nur die Kennung des Netzwerks (identifier_scheme „{HsdsMapping.SlugScheme}“, identifier_type „{HsdsMapping.SlugType}“); diese ginge verloren.",
                    $"Only the network's id (identifier_scheme \"{HsdsMapping.SlugScheme}\", identifier_type \"{HsdsMapping.SlugType}\") is kept; this one would be lost.");
            }

            identifier.Finish();
        }

        var retired = false;
        string? retiredPath = null;
        foreach (var attribute in node.Objects("attributes", "attribute"))
        {
            var type = Attribute(attribute, id, "organization");
            if (type == HsdsMapping.StatusLinkType)
            {
                var value = attribute.Text("value", required: true);
                if (value == HsdsMapping.RetiredValue)
                {
                    retired = true;
                    retiredPath = attribute.Path;
                }
                else if (value is not null)
                {
                    attribute.Reader.Error(attribute.At("value"), "value-invalid",
                        $"Erlaubt ist nur „{HsdsMapping.RetiredValue}“ (ausgeschieden).", $"Only \"{HsdsMapping.RetiredValue}\" is allowed.");
                }
            }
            else if (type is not null)
            {
                attribute.Reader.UnsupportedAttribute(attribute, $"{HsdsMapping.StatusLinkType}");
            }

            attribute.Finish();
        }

        var services = node.Objects("services", "service").Select(s => ReadService(s, id)).ToList();
        node.Finish();
        return new ImportedOrganization(node.Path, id, slug, slugPath, retired, retiredPath,
            new OrganizationDetails(name, alternateName, description, email, website, phones, locations), services);
    }

    private static DirectoryLocation ReadLocation(Node node, Guid organizationId)
    {
        var id = node.Primary();
        node.Physical("location_type");
        node.Owner("organization_id", organizationId);
        var name = node.Text("name") ?? "";
        var description = node.Text("description");
        var transportation = node.Text("transportation");
        var latitude = node.Number("latitude");
        var longitude = node.Number("longitude");
        var addresses = node.Objects("addresses", "address", required: true);
        var address = new PostalAddress("", "", "");
        if (addresses.Count == 0 && node.Has("addresses"))
        {
            node.Reader.Error(node.At("addresses"), "address-missing",
                "Ein Standort braucht seine Anschrift (address_type physical).", "A location needs its street address (address_type physical).");
        }

        for (var i = 0; i < addresses.Count; i++)
        {
            var read = ReadAddress(addresses[i], id);
            if (i == 0)
            {
                address = read;
            }
            else
            {
                node.Reader.Error(addresses[i].Path, "address-extra",
                    "Ein Standort hat genau eine Anschrift; für eine weitere bitte einen eigenen Standort anlegen.",
                    "A location has exactly one address; please add another location for a further one.");
            }
        }

        string? accessibility = null;
        var accessibilities = node.Objects("accessibility", "accessibility");
        for (var i = 0; i < accessibilities.Count; i++)
        {
            var entry = accessibilities[i];
            entry.Primary();
            entry.Owner("location_id", id);
            var text = entry.Text("description", required: true);
            entry.Finish();
            if (i == 0)
            {
                accessibility = text;
            }
            else
            {
                node.Reader.Error(entry.Path, "accessibility-extra",
                    "Zur Barrierefreiheit wird eine Beschreibung je Standort gespeichert; bitte zusammenfassen.",
                    "One accessibility description per location is kept; please combine them.");
            }
        }

        node.Finish();
        return new DirectoryLocation(id, name, description, address, transportation, accessibility, latitude, longitude);
    }

    private static PostalAddress ReadAddress(Node node, Guid locationId)
    {
        node.Primary();
        node.Owner("location_id", locationId);
        var street = node.Text("address_1", required: true);
        var town = node.Text("city", required: true);
        var state = node.Text("state_province", required: true);
        var postalCode = node.Text("postal_code", required: true);
        var country = node.Text("country", required: true);
        node.Physical("address_type");
        if (country is not null && country != HsdsMapping.Country)
        {
            node.Reader.Error(node.At("country"), "country-invalid",
                "Das Verzeichnis kennt nur Anschriften in Deutschland (country „DE“).", "The directory knows addresses in Germany only (country \"DE\").");
        }

        if (state is not null && state is not (HsdsMapping.StateProvince or "NW" or "NRW" or "North Rhine-Westphalia"))
        {
            node.Reader.Error(node.At("state_province"), "state-invalid",
                "Der Kreis Unna liegt in Nordrhein-Westfalen (state_province „Nordrhein-Westfalen“).",
                "Kreis Unna lies in North Rhine-Westphalia (state_province \"Nordrhein-Westfalen\").");
        }

        node.Finish();
        return new PostalAddress(street ?? "", postalCode ?? "", town ?? "");
    }

    private static DirectoryPhone ReadPhone(Node node, Guid ownerId, string ownerField)
    {
        var id = node.Primary();
        node.Owner(ownerField, ownerId);
        var number = node.Text("number", required: true) ?? "";
        var description = node.Text("description");
        var languages = node.Objects("languages", "language").Select(l => ReadLanguage(l, id, "phone_id")).ToList();
        node.Finish();
        return new DirectoryPhone(id, number, description, languages);
    }

    private static string ReadLanguage(Node node, Guid ownerId, string ownerField)
    {
        node.Primary();
        node.Owner(ownerField, ownerId);
        node.Skip("name", JsonValueKind.String);
        var code = node.Text("code", required: true) ?? "";
        node.Finish();
        return code;
    }

    private static ImportedService ReadService(Node node, Guid organizationId)
    {
        var id = node.Primary();
        if (node.Uuid("organization_id") is { } declared && organizationId != Guid.Empty && declared != organizationId)
        {
            node.Reader.Error(node.At("organization_id"), "organization-mismatch",
                "Das Angebot steht bei einer anderen Organisation, als organization_id nennt.",
                "The service is listed under another organization than its organization_id names.");
        }

        var name = node.Text("name", required: true) ?? "";
        var statusText = node.Text("status", required: true);
        var status = HsdsMapping.StatusOf(statusText);
        if (statusText is not null && status is null)
        {
            node.Reader.Enumeration(node.At("status"), statusText, "active, inactive, temporarily closed, defunct");
        }

        var alternateName = node.Text("alternate_name");
        var description = node.Text("description") ?? "";
        var url = node.Text("url");
        var email = node.Text("email");
        var eligibility = node.Text("eligibility_description");
        var minimumAge = node.Whole("minimum_age");
        var maximumAge = node.Whole("maximum_age");
        var applicationProcess = node.Text("application_process");
        var fees = node.Text("fees_description");
        node.Skip("last_modified", JsonValueKind.String);
        var phones = node.Objects("phones", "phone").Select(p => ReadPhone(p, id, "service_id")).ToList();
        var languages = node.Objects("languages", "language").Select(l => ReadLanguage(l, id, "service_id")).ToList();
        var locations = node.Objects("service_at_locations", "service_at_location").Select(s => ReadServiceAtLocation(s, id)).ToList();
        var topics = new List<string>();
        var topicAttributes = new List<int>();
        string? slug = null, slugPath = null;
        var attributes = node.Objects("attributes", "attribute");
        for (var index = 0; index < attributes.Count; index++)
        {
            var attribute = attributes[index];
            var type = Attribute(attribute, id, "service");
            if (type == HsdsMapping.TopicLinkType)
            {
                var termId = attribute.Uuid("taxonomy_term_id", required: true);
                attribute.Text("value");
                if (attribute.Object("taxonomy_term", "taxonomy_term") is { } term)
                {
                    if (term.Uuid("id") is { } nested && termId is { } linked && nested != linked)
                    {
                        attribute.Reader.Error(term.At("id"), "reference-mismatch",
                            "Der eingebettete Begriff ist ein anderer als taxonomy_term_id.", "The nested term differs from taxonomy_term_id.");
                    }

                    term.SkipRest();
                }

                if (termId is { } known)
                {
                    if (HsdsMapping.TopicOf(known) is { } topic)
                    {
                        topics.Add(topic.Code);
                        topicAttributes.Add(index);
                    }
                    else
                    {
                        attribute.Reader.UnknownTerm(attribute.At("taxonomy_term_id"), known);
                    }
                }
            }
            else if (type == HsdsMapping.SlugLinkType)
            {
                (slug, slugPath) = attribute.Reader.Slug(attribute.At("value"), attribute.Text("value", required: true), slug, slugPath);
            }
            else if (type is not null)
            {
                attribute.Reader.UnsupportedAttribute(attribute, $"{HsdsMapping.TopicLinkType}, {HsdsMapping.SlugLinkType}");
            }

            attribute.Finish();
        }

        node.Finish();
        var details = new ServiceDetails(name, alternateName, description, status ?? ServiceStatus.Active, email, url, eligibility,
            minimumAge, maximumAge, applicationProcess, fees, topics, languages, phones, locations);
        return new ImportedService(node.Path, id, slug, slugPath, details, topicAttributes);
    }

    /// <summary>The parts every attribute shares; returns its link_type.</summary>
    private static string? Attribute(Node attribute, Guid ownerId, string entity)
    {
        attribute.Primary();
        attribute.Owner("link_id", ownerId);
        var linkEntity = attribute.Text("link_entity");
        if (linkEntity is not null && linkEntity != entity)
        {
            attribute.Reader.Error(attribute.At("link_entity"), "value-invalid", $"Hier steht „{entity}“.", $"Here it is \"{entity}\".");
        }

        return attribute.Text("link_type", required: true);
    }

    private static ServiceLocation ReadServiceAtLocation(Node node, Guid serviceId)
    {
        var id = node.Primary();
        node.Owner("service_id", serviceId);
        var locationId = node.Uuid("location_id", required: true) ?? Guid.Empty;
        var hours = node.Objects("schedules", "schedule").Select(s => ReadSchedule(s, serviceId, id, locationId)).ToList();
        node.Finish();
        return new ServiceLocation(id, locationId, hours);
    }

    private static OpeningHours ReadSchedule(Node node, Guid serviceId, Guid serviceAtLocationId, Guid locationId)
    {
        var id = node.Primary();
        node.Owner("service_id", serviceId);
        node.Owner("service_at_location_id", serviceAtLocationId);
        node.Owner("location_id", locationId);
        var freq = node.Text("freq", required: true);
        if (freq is not null && freq is not (HsdsMapping.Weekly or "MONTHLY"))
        {
            node.Reader.Enumeration(node.At("freq"), freq, "WEEKLY, MONTHLY");
        }
        else if (freq == "MONTHLY")
        {
            node.Reader.Error(node.At("freq"), "schedule-unsupported",
                "Das Verzeichnis kennt wöchentliche Zeiten (freq WEEKLY).", "The directory keeps weekly hours (freq WEEKLY).");
        }

        if (node.Text("wkst") is { } weekStart && HsdsMapping.DayOf(weekStart) is null)
        {
            node.Reader.Enumeration(node.At("wkst"), weekStart, "MO, TU, WE, TH, FR, SA, SU");
        }

        if (node.Whole("interval") is { } interval && interval != 1)
        {
            node.Reader.Error(node.At("interval"), "schedule-unsupported",
                "Das Verzeichnis kennt Zeiten, die jede Woche gelten (interval 1).", "The directory keeps hours that apply every week (interval 1).");
        }

        var days = new List<IsoDayOfWeek>();
        if (node.Text("byday", required: true) is { } byday)
        {
            var codes = byday.Split(',', StringSplitOptions.TrimEntries);
            if (codes.All(c => HsdsMapping.DayOf(c) is not null))
            {
                days.AddRange(codes.Select(c => HsdsMapping.DayOf(c)!.Value));
            }
            else
            {
                node.Reader.Error(node.At("byday"), "byday-invalid",
                    "Wochentage als MO,TU,WE,TH,FR,SA,SU, durch Kommas getrennt.", "Days of the week as MO,TU,WE,TH,FR,SA,SU, separated by commas.");
            }
        }

        var opens = node.Time("opens_at");
        var closes = node.Time("closes_at");
        node.Skip("description", JsonValueKind.String);
        var note = node.Text("notes");
        node.Finish();
        return new OpeningHours(id, days, opens ?? LocalTime.Midnight, closes ?? LocalTime.Midnight, note);
    }

    private static string ParserMessage(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        return (cut < 0 ? message : message[..cut]).Trim();
    }

    private static int? InvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var position = 0;
        while (position < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[position..], out _, out var consumed) != OperationStatus.Done)
            {
                return position;
            }

            position += consumed;
        }

        return null;
    }

    private static (int Line, int Byte) LineAndByte(ReadOnlySpan<byte> bytes, int position)
    {
        var before = bytes[..position];
        var lastBreak = before.LastIndexOf((byte)'\n');
        return (before.Count((byte)'\n') + 1, position - lastBreak);
    }
}
