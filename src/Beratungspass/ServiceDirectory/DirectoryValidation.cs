using System.Text.RegularExpressions;
using Beratungspass.Institutions;
using Beratungspass.Topics;

namespace Beratungspass.ServiceDirectory;

/// <summary>One thing wrong with a directory entry: where (a path into the entry), a stable code, and what to do, in German and English.</summary>
public sealed record DirectoryError(string Path, string Code, string German, string English)
{
    public DirectoryError Under(string prefix) => this with { Path = Path.Length == 0 ? prefix : $"{prefix}.{Path}" };
}

/// <summary>An entry that breaks the directory's rules; nothing was written.</summary>
public sealed class InvalidDirectoryEntryException(IReadOnlyList<DirectoryError> errors)
    : Exception("The directory entry is invalid: " + string.Join("; ", errors.Select(e => $"{e.Path}: {e.Code}")))
{
    public IReadOnlyList<DirectoryError> Errors { get; } = errors;
}

/// <summary>
/// The directory's rules for organizations and services, checked by edit forms, the import and the decisions
/// alike. Paths are camelCase property paths into the entry (<c>locations[0].address.postalCode</c>).
/// Text may contain anything a person can type, markup included; it is always shown as text.
/// </summary>
public static partial class DirectoryValidation
{
    public const int NameLength = 200;
    public const int DescriptionLength = 4000;
    public const int NoteLength = 2000;
    public const int ShortTextLength = 500;
    public const int MaximumParts = 50;
    public const int MaximumAge = 120;

    public static IReadOnlyList<DirectoryError> Organization(OrganizationDetails details)
    {
        var errors = new List<DirectoryError>();
        Required(errors, "name", details.Name, NameLength);
        Optional(errors, "alternateName", details.AlternateName, NameLength);
        Required(errors, "description", details.Description, DescriptionLength);
        Email(errors, "email", details.Email);
        Website(errors, "website", details.Website);
        Phones(errors, "phones", details.Phones);
        Count(errors, "locations", details.Locations.Count);
        UniqueIds(errors, "locations", details.Locations.Select(l => l.Id));
        for (var i = 0; i < details.Locations.Count; i++)
        {
            var path = $"locations[{i}]";
            var location = details.Locations[i];
            Required(errors, $"{path}.name", location.Name, NameLength);
            Optional(errors, $"{path}.description", location.Description, NoteLength);
            Required(errors, $"{path}.address.street", location.Address.Street, NameLength);
            if (!PostalCodePattern().IsMatch(location.Address.PostalCode ?? ""))
            {
                errors.Add(new($"{path}.address.postalCode", "postal-code-invalid",
                    "Die Postleitzahl hat fünf Ziffern.", "A postal code has five digits."));
            }

            if (!Institution.IsValidTown(location.Address.Town))
            {
                errors.Add(new($"{path}.address.town", "town-unknown",
                    "Bitte eine Stadt oder Gemeinde des Kreises Unna wählen: " + string.Join(", ", Institution.Towns) + ".",
                    "Please choose a town of Kreis Unna: " + string.Join(", ", Institution.Towns) + "."));
            }

            Optional(errors, $"{path}.transportation", location.Transportation, NoteLength);
            Optional(errors, $"{path}.accessibility", location.Accessibility, NoteLength);
            if (location.Latitude is < -90 or > 90 || location.Latitude is double.NaN)
            {
                errors.Add(new($"{path}.latitude", "latitude-invalid", "Der Breitengrad liegt zwischen -90 und 90.", "Latitude lies between -90 and 90."));
            }

            if (location.Longitude is < -180 or > 180 || location.Longitude is double.NaN)
            {
                errors.Add(new($"{path}.longitude", "longitude-invalid", "Der Längengrad liegt zwischen -180 und 180.", "Longitude lies between -180 and 180."));
            }
        }

        return errors;
    }

    /// <param name="organization">The organization the service belongs to: its locations are the ones the service may name.</param>
    public static IReadOnlyList<DirectoryError> Service(ServiceDetails details, IReadOnlyList<StaffContact> staffContacts, OrganizationDetails? organization)
    {
        var errors = new List<DirectoryError>();
        Required(errors, "name", details.Name, NameLength);
        Optional(errors, "alternateName", details.AlternateName, NameLength);
        Required(errors, "description", details.Description, DescriptionLength);
        if (!Enum.IsDefined(details.Status))
        {
            errors.Add(new("status", "status-invalid", "Unbekannter Status.", "Unknown status."));
        }

        Email(errors, "email", details.Email);
        Website(errors, "website", details.Website);
        Optional(errors, "eligibilityDescription", details.EligibilityDescription, NoteLength);
        Optional(errors, "applicationProcess", details.ApplicationProcess, NoteLength);
        Optional(errors, "feesDescription", details.FeesDescription, ShortTextLength);
        Age(errors, "minimumAge", details.MinimumAge);
        Age(errors, "maximumAge", details.MaximumAge);
        if (details.MinimumAge is { } min && details.MaximumAge is { } max && min > max)
        {
            errors.Add(new("maximumAge", "age-range-inverted",
                "Das Höchstalter liegt unter dem Mindestalter.", "The maximum age is below the minimum age."));
        }

        if (details.Topics.Count == 0)
        {
            errors.Add(new("topics", "topics-missing", "Bitte mindestens ein Thema wählen.", "Please choose at least one topic."));
        }

        for (var i = 0; i < details.Topics.Count; i++)
        {
            if (!Taxonomy.IsKnown(details.Topics[i]))
            {
                errors.Add(new($"topics[{i}]", "topic-unknown",
                    $"Das Thema „{details.Topics[i]}“ gibt es in der Themenliste des Netzwerks nicht.",
                    $"The topic \"{details.Topics[i]}\" is not in the network's topic list."));
            }
        }

        Duplicates(errors, "topics", details.Topics);
        if (details.Languages.Count == 0)
        {
            errors.Add(new("languages", "languages-missing", "Bitte mindestens eine Sprache wählen.", "Please choose at least one language."));
        }

        LanguageCodes(errors, "languages", details.Languages);
        Phones(errors, "phones", details.Phones);
        Count(errors, "locations", details.Locations.Count);
        UniqueIds(errors, "locations", details.Locations.Select(l => l.Id));
        Duplicates(errors, "locations", details.Locations.Select(l => l.LocationId.ToString()).ToList());
        for (var i = 0; i < details.Locations.Count; i++)
        {
            var path = $"locations[{i}]";
            var at = details.Locations[i];
            if (organization is not null && organization.Locations.All(l => l.Id != at.LocationId))
            {
                errors.Add(new($"{path}.locationId", "location-unknown",
                    "Dieser Standort gehört nicht zur Organisation des Angebots.", "This location does not belong to the service's organization."));
            }

            Count(errors, $"{path}.hours", at.Hours.Count);
            UniqueIds(errors, $"{path}.hours", at.Hours.Select(h => h.Id));
            for (var h = 0; h < at.Hours.Count; h++)
            {
                var hours = at.Hours[h];
                if (hours.Days.Count == 0 || hours.Days.Any(d => d is < NodaTime.IsoDayOfWeek.Monday or > NodaTime.IsoDayOfWeek.Sunday))
                {
                    errors.Add(new($"{path}.hours[{h}].days", "days-missing", "Bitte mindestens einen Wochentag wählen.", "Please choose at least one day of the week."));
                }

                if (hours.Opens >= hours.Closes)
                {
                    errors.Add(new($"{path}.hours[{h}].closes", "hours-inverted",
                        "Die Schlusszeit liegt nicht nach der Öffnungszeit.", "The closing time is not after the opening time."));
                }

                Optional(errors, $"{path}.hours[{h}].note", hours.Note, NameLength);
            }
        }

        Count(errors, "staffContacts", staffContacts.Count);
        UniqueIds(errors, "staffContacts", staffContacts.Select(c => c.Id));
        for (var i = 0; i < staffContacts.Count; i++)
        {
            var path = $"staffContacts[{i}]";
            var contact = staffContacts[i];
            Required(errors, $"{path}.name", contact.Name, NameLength);
            Optional(errors, $"{path}.role", contact.Role, NameLength);
            Email(errors, $"{path}.email", contact.Email);
            if (contact.Phone is not null)
            {
                PhoneNumber(errors, $"{path}.phone", contact.Phone);
            }

            if (string.IsNullOrWhiteSpace(contact.Phone) && string.IsNullOrWhiteSpace(contact.Email))
            {
                errors.Add(new($"{path}.phone", "contact-unreachable",
                    "Bitte eine Durchwahl oder eine E-Mail-Adresse angeben.", "Please give a direct number or an e-mail address."));
            }

            Optional(errors, $"{path}.reachable", contact.Reachable, NameLength);
        }

        return errors;
    }

    private static void Required(List<DirectoryError> errors, string path, string? value, int length)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(path, "required", "Bitte ausfüllen.", "Please fill in."));
            return;
        }

        Optional(errors, path, value, length);
    }

    private static void Optional(List<DirectoryError> errors, string path, string? value, int length)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > length)
        {
            errors.Add(new(path, "too-long", $"Höchstens {length} Zeichen.", $"At most {length} characters."));
        }

        if (value.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t') || HasLoneSurrogate(value))
        {
            errors.Add(new(path, "characters-invalid",
                "Der Text enthält Steuer- oder ungültige Zeichen.", "The text contains control or invalid characters."));
        }
    }

    private static bool HasLoneSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static void Email(List<DirectoryError> errors, string path, string? value)
    {
        if (value is not null && (value.Length > 254 || !EmailPattern().IsMatch(value)))
        {
            errors.Add(new(path, "email-invalid", "Keine gültige E-Mail-Adresse.", "Not a valid e-mail address."));
        }
    }

    private static void Website(List<DirectoryError> errors, string path, string? value)
    {
        if (value is not null && (value.Length > ShortTextLength
            || !Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
        {
            errors.Add(new(path, "website-invalid",
                "Bitte eine vollständige Adresse mit https:// angeben.", "Please give a complete address starting with https://."));
        }
    }

    private static void Phones(List<DirectoryError> errors, string path, IReadOnlyList<DirectoryPhone> phones)
    {
        Count(errors, path, phones.Count);
        UniqueIds(errors, path, phones.Select(p => p.Id));
        for (var i = 0; i < phones.Count; i++)
        {
            PhoneNumber(errors, $"{path}[{i}].number", phones[i].Number);
            Optional(errors, $"{path}[{i}].description", phones[i].Description, NameLength);
            LanguageCodes(errors, $"{path}[{i}].languages", phones[i].Languages);
        }
    }

    private static void PhoneNumber(List<DirectoryError> errors, string path, string? number)
    {
        if (number is null || !PhonePattern().IsMatch(number) || number.Count(char.IsAsciiDigit) is < 5 or > 15)
        {
            errors.Add(new(path, "phone-invalid",
                "Keine gültige Telefonnummer (Ziffern, Leerzeichen, +, /, -, Klammern; z. B. 02303 123456).",
                "Not a valid phone number (digits, spaces, +, /, -, brackets; e.g. +49 2303 123456)."));
        }
    }

    private static void LanguageCodes(List<DirectoryError> errors, string path, IReadOnlyList<string> codes)
    {
        for (var i = 0; i < codes.Count; i++)
        {
            if (!Languages.IsKnown(codes[i]))
            {
                errors.Add(new($"{path}[{i}]", "language-unknown",
                    $"Unbekannter Sprachcode „{codes[i]}“ (ISO 639-1, z. B. de, ar, uk).",
                    $"Unknown language code \"{codes[i]}\" (ISO 639-1, e.g. de, ar, uk)."));
            }
        }

        Duplicates(errors, path, codes);
    }

    private static void Age(List<DirectoryError> errors, string path, int? age)
    {
        if (age is < 0 or > MaximumAge)
        {
            errors.Add(new(path, "age-invalid", $"Ein Alter zwischen 0 und {MaximumAge}.", $"An age between 0 and {MaximumAge}."));
        }
    }

    private static void Count(List<DirectoryError> errors, string path, int count)
    {
        if (count > MaximumParts)
        {
            errors.Add(new(path, "too-many", $"Höchstens {MaximumParts} Einträge.", $"At most {MaximumParts} entries."));
        }
    }

    private static void UniqueIds(List<DirectoryError> errors, string path, IEnumerable<Guid> ids)
    {
        var seen = new HashSet<Guid>();
        var index = 0;
        foreach (var id in ids)
        {
            if (id == Guid.Empty || !seen.Add(id))
            {
                errors.Add(new($"{path}[{index}].id", id == Guid.Empty ? "id-missing" : "id-duplicate",
                    "Jeder Eintrag braucht eine eigene Kennung.", "Every entry needs an id of its own."));
            }

            index++;
        }
    }

    private static void Duplicates(List<DirectoryError> errors, string path, IReadOnlyList<string> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (values.Take(i).Contains(values[i], StringComparer.Ordinal))
            {
                errors.Add(new($"{path}[{i}]", "duplicate", "Doppelt angegeben.", "Given twice."));
            }
        }
    }

    [GeneratedRegex("^[0-9]{5}$", RegexOptions.CultureInvariant)]
    private static partial Regex PostalCodePattern();

    [GeneratedRegex(@"^[^@\s<>()\[\],;:""]+@[^@\s<>()\[\],;:""]+\.[^@\s<>()\[\],;:""]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9 ()/\-]{5,30}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}
