using System.Text.Json;
using System.Text.RegularExpressions;
using NodaTime;

namespace Beratungspass.ServiceDirectory.Hsds;

/// <summary>The reader's parts: the error list of one file, and one JSON object read field by field.</summary>
public static partial class HsdsImportReader
{
    [GeneratedRegex("^[A-Za-z0-9_]+$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainName();

    private enum Kind
    {
        Text,
        Number,
        WholeNumber,
        Object,
        List,
    }

    /// <summary>Collects the errors of one file and the ids it has seen.</summary>
    private sealed class Reader
    {
        private readonly List<DirectoryError> errors = [];
        private readonly Dictionary<Guid, string> ids = [];

        public HsdsImportFile File(IReadOnlyList<ImportedOrganization> organizations) => new(organizations, errors);

        public void Error(string path, string code, string german, string english) => errors.Add(new DirectoryError(path, code, german, english));

        public void Missing(string path) => Error(path, "required", "Pflichtfeld fehlt.", "required field missing");

        public void Type(string path, Kind kind) => Error(path, "type-invalid", kind switch
        {
            Kind.Text => "Erwartet wird Text (in Anführungszeichen).",
            Kind.Number => "Erwartet wird eine Zahl.",
            Kind.WholeNumber => "Erwartet wird eine ganze Zahl.",
            Kind.Object => "Erwartet wird ein Objekt { … }.",
            _ => "Erwartet wird eine Liste [ … ].",
        }, kind switch
        {
            Kind.Text => "expected text (a string)",
            Kind.Number => "expected a number",
            Kind.WholeNumber => "expected a whole number",
            Kind.Object => "expected an object { … }",
            _ => "expected a list [ … ]",
        });

        public void Enumeration(string path, string value, string allowed) => Error(path, "value-invalid",
            $"„{value}“ ist nicht erlaubt; erlaubt: {allowed}.", $"\"{value}\" is not allowed; allowed: {allowed}.");

        public void UnknownTerm(string path, Guid id) => Error(path, "taxonomy-term-unknown",
            $"Den Begriff {id} gibt es in der Themen-Taxonomie des Netzwerks nicht (siehe /hsds/taxonomy_terms).",
            $"The term {id} is not in the network's topic taxonomy (see /hsds/taxonomy_terms).");

        public void UnsupportedAttribute(Node attribute, string allowed)
        {
            Error(attribute.At("link_type"), "attribute-unsupported",
                $"Gespeichert werden hier nur Attribute mit link_type {allowed}; dieses ginge verloren.",
                $"Only attributes with link_type {allowed} are kept here; this one would be lost.");
            attribute.SkipRest();
        }

        /// <summary>An id of the file's own (not a reference): it must be a UUID and appear once in the whole file.</summary>
        public void Primary(Guid id, string path)
        {
            if (id == Guid.Empty)
            {
                return;
            }

            if (!ids.TryAdd(id, path))
            {
                Error(path, "id-duplicate",
                    $"Die Kennung {id} kommt in der Datei mehrmals vor (zuerst bei {ids[id]}).",
                    $"The id {id} appears more than once in the file (first at {ids[id]}).");
            }
        }

        public (string? Slug, string? Path) Slug(string path, string? value, string? slug, string? slugPath)
        {
            if (value is null)
            {
                return (slug, slugPath);
            }

            if (!Infrastructure.Slug.IsValid(value))
            {
                Error(path, "slug-invalid",
                    "Eine Kennung hat 3 bis 64 Zeichen: Kleinbuchstaben, Ziffern, Punkt, Binde- und Unterstrich, am Anfang ein Buchstabe oder eine Ziffer.",
                    "An id has 3 to 64 characters: lower-case letters, digits, dot, hyphen and underscore, starting with a letter or digit.");
                return (slug, slugPath);
            }

            if (slug is not null)
            {
                Error(path, "slug-duplicate", $"Die Kennung steht schon bei {slugPath}.", $"The id is already given at {slugPath}.");
                return (slug, slugPath);
            }

            return (value, path);
        }
    }

    /// <summary>One JSON object of the file: reads its fields by name and, when finished, reports every field it did not read.</summary>
    private sealed class Node(Reader reader, JsonElement element, string path, string entity, bool silent = false)
    {
        private readonly HashSet<string> read = new(StringComparer.Ordinal);
        private bool rest;

        public Reader Reader => reader;

        public string Path => path;

        public string At(string name) => PlainName().IsMatch(name) ? $"{path}.{name}" : $"{path}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

        public bool Has(string name) => !silent && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

        private JsonElement? Value(string name)
        {
            read.Add(name);
            return !silent && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
        }

        public string? Text(string name, bool required = false)
        {
            switch (Value(name))
            {
                case null:
                    if (required && !silent)
                    {
                        reader.Missing(At(name));
                    }

                    return null;
                case { ValueKind: JsonValueKind.String } text:
                    return text.GetString();
                default:
                    reader.Type(At(name), Kind.Text);
                    return null;
            }
        }

        public int? Whole(string name)
        {
            switch (Value(name))
            {
                case null:
                    return null;
                case { ValueKind: JsonValueKind.Number } number:
                    if (number.TryGetInt32(out var whole))
                    {
                        return whole;
                    }

                    reader.Type(At(name), Kind.WholeNumber);
                    return null;
                default:
                    reader.Type(At(name), Kind.Number);
                    return null;
            }
        }

        public double? Number(string name)
        {
            switch (Value(name))
            {
                case null:
                    return null;
                case { ValueKind: JsonValueKind.Number } number when number.TryGetDouble(out var value) && double.IsFinite(value):
                    return value;
                default:
                    reader.Type(At(name), Kind.Number);
                    return null;
            }
        }

        public Guid? Uuid(string name, bool required = false)
        {
            var text = Text(name, required);
            if (text is null)
            {
                return null;
            }

            if (Guid.TryParseExact(text, "D", out var id))
            {
                return id;
            }

            reader.Error(At(name), "uuid-invalid",
                $"„{Shorten(text)}“ ist keine UUID (z. B. 0b7e6f4a-1c2d-4e5f-8a9b-0c1d2e3f4a5b).",
                $"\"{Shorten(text)}\" is not a UUID (e.g. 0b7e6f4a-1c2d-4e5f-8a9b-0c1d2e3f4a5b).");
            return null;
        }

        /// <summary>The object's own id: required, a UUID, once in the file. <see cref="Guid.Empty"/> when broken.</summary>
        public Guid Primary()
        {
            var id = Uuid("id", required: true) ?? Guid.Empty;
            reader.Primary(id, At("id"));
            return id;
        }

        /// <summary>A reference back to the enclosing object: optional, but if given it names that object.</summary>
        public void Owner(string name, Guid owner)
        {
            if (Uuid(name) is { } given && owner != Guid.Empty && given != owner)
            {
                reader.Error(At(name), "reference-mismatch",
                    $"Verweist auf {given}, steht aber bei {owner}.", $"Refers to {given} but is nested in {owner}.");
            }
        }

        /// <summary>location_type and address_type: HSDS knows physical, postal and virtual; the directory keeps physical places.</summary>
        public void Physical(string name)
        {
            var type = Text(name, required: true);
            if (type is not null && type is not (HsdsMapping.Physical or "postal" or "virtual"))
            {
                reader.Enumeration(At(name), type, "physical, postal, virtual");
            }
            else if (type is "postal" or "virtual")
            {
                reader.Error(At(name), "type-unsupported",
                    "Das Verzeichnis kennt nur Orte, die man aufsuchen kann (physical).", "The directory keeps places one can visit only (physical).");
            }
        }

        public LocalTime? Time(string name)
        {
            var text = Text(name, required: true);
            if (text is null)
            {
                return null;
            }

            if (HsdsMapping.TimeOf(text) is { } time)
            {
                return time;
            }

            reader.Error(At(name), "time-invalid", "Uhrzeit als HH:MM, z. B. 09:00.", "A time as HH:MM, e.g. 09:00.");
            return null;
        }

        /// <summary>The objects of a list. An entry that is no object keeps its place (as an empty one), so indices stay those of the file.</summary>
        public List<Node> Objects(string name, string itemEntity, bool required = false)
        {
            switch (Value(name))
            {
                case null:
                    if (required && !silent)
                    {
                        reader.Missing(At(name));
                    }

                    return [];
                case { ValueKind: JsonValueKind.Array } array:
                    var nodes = new List<Node>();
                    foreach (var item in array.EnumerateArray())
                    {
                        var itemPath = $"{At(name)}[{nodes.Count}]";
                        if (item.ValueKind == JsonValueKind.Object)
                        {
                            nodes.Add(new Node(reader, item, itemPath, itemEntity));
                        }
                        else
                        {
                            reader.Type(itemPath, Kind.Object);
                            nodes.Add(new Node(reader, item, itemPath, itemEntity, silent: true));
                        }
                    }

                    return nodes;
                default:
                    reader.Type(At(name), Kind.List);
                    return [];
            }
        }

        public Node? Object(string name, string objectEntity)
        {
            switch (Value(name))
            {
                case null:
                    return null;
                case { ValueKind: JsonValueKind.Object } value:
                    return new Node(reader, value, At(name), objectEntity);
                default:
                    reader.Type(At(name), Kind.Object);
                    return null;
            }
        }

        /// <summary>A field derived from others on export: only its type is checked.</summary>
        public void Skip(string name, JsonValueKind kind)
        {
            if (Value(name) is { } value && value.ValueKind != kind)
            {
                reader.Type(At(name), kind switch
                {
                    JsonValueKind.String => Kind.Text,
                    JsonValueKind.Array => Kind.List,
                    _ => Kind.Object,
                });
            }
        }

        /// <summary>Nothing more to report about this object (it was refused as a whole, or is only informative).</summary>
        public void SkipRest() => rest = true;

        public void Finish()
        {
            if (silent || rest)
            {
                return;
            }

            var known = HsdsProperties.ByEntity.GetValueOrDefault(entity);
            foreach (var property in element.EnumerateObject())
            {
                if (read.Contains(property.Name))
                {
                    continue;
                }

                if (known is null || !known.Contains(property.Name))
                {
                    reader.Error(At(property.Name), "property-unknown",
                        $"Unbekanntes Feld „{Shorten(property.Name)}“: HSDS 3.0 kennt es an dieser Stelle nicht.",
                        $"Unknown field \"{Shorten(property.Name)}\": HSDS 3.0 does not define it here.");
                }
                else if (!(property.Value.ValueKind == JsonValueKind.Null
                    || (property.Value.ValueKind == JsonValueKind.Array && property.Value.GetArrayLength() == 0)))
                {
                    reader.Error(At(property.Name), "property-unsupported",
                        $"Das Feld „{property.Name}“ speichert das Verzeichnis nicht; es ginge beim Import verloren. Bitte entfernen.",
                        $"The directory does not keep the field \"{property.Name}\"; it would be lost on import. Please remove it.");
                }
            }
        }

        private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
    }
}
