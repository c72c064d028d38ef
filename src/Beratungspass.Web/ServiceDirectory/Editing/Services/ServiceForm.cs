using System.Globalization;
using Beratungspass.ServiceDirectory;
using NodaTime;
using NodaTime.Text;

namespace Beratungspass.Web.ServiceDirectory.Editing.Services;

/// <summary>
/// The service form as posted: every field as typed (ages and times too, so a typo is shown back as typed),
/// one row per location of the organization with its opening hours, and the staff-only contacts.
/// </summary>
public sealed class ServiceForm
{
    private static readonly LocalTimePattern Minutes = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
    private static readonly LocalTimePattern Seconds = LocalTimePattern.CreateWithInvariantCulture("HH:mm:ss");

    /// <summary>The slug, chosen only when the service is created.</summary>
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? AlternateName { get; set; }

    public string? Description { get; set; }

    /// <summary>A <see cref="ServiceStatus"/> name other than Defunct: retiring is a step of its own.</summary>
    public string? Status { get; set; } = nameof(ServiceStatus.Active);

    public string? Email { get; set; }

    public string? Website { get; set; }

    public string? EligibilityDescription { get; set; }

    public string? MinimumAge { get; set; }

    public string? MaximumAge { get; set; }

    public string? ApplicationProcess { get; set; }

    public string? FeesDescription { get; set; }

    public List<string> Topics { get; set; } = [];

    public List<string> Languages { get; set; } = [];

    public List<PhoneRow> Phones { get; set; } = [];

    public List<ServiceLocationRow> Locations { get; set; } = [];

    public List<StaffContactRow> StaffContacts { get; set; } = [];

    public static ServiceForm From(ServiceDetails details, IReadOnlyList<StaffContact> staffContacts, OrganizationDetails organization)
    {
        var form = new ServiceForm
        {
            Name = details.Name,
            AlternateName = details.AlternateName,
            Description = details.Description,
            Status = details.Status.ToString(),
            Email = details.Email,
            Website = details.Website,
            EligibilityDescription = details.EligibilityDescription,
            MinimumAge = details.MinimumAge?.ToString(CultureInfo.InvariantCulture),
            MaximumAge = details.MaximumAge?.ToString(CultureInfo.InvariantCulture),
            ApplicationProcess = details.ApplicationProcess,
            FeesDescription = details.FeesDescription,
            Topics = [.. details.Topics],
            Languages = [.. details.Languages],
            Phones = [.. details.Phones.Select(PhoneRow.From)],
            Locations = [.. details.Locations.Select(ServiceLocationRow.From)],
            StaffContacts = [.. staffContacts.Select(StaffContactRow.From)],
        };
        form.Align(organization);
        return form;
    }

    public static ServiceForm Fresh(OrganizationDetails organization)
    {
        var form = new ServiceForm { Languages = ["de"] };
        form.Align(organization);
        return form;
    }

    /// <summary>
    /// One row per location of the organization: those the service names first, in its order (so saving an
    /// unchanged form changes nothing), then the organization's other locations to choose from.
    /// </summary>
    public void Align(OrganizationDetails organization)
    {
        foreach (var location in organization.Locations.Where(l => Locations.All(row => row.LocationId != l.Id.ToString())))
        {
            Locations.Add(new ServiceLocationRow { Id = FormText.NewId(), LocationId = location.Id.ToString() });
        }
    }

    /// <summary>What the form says as directory details and staff contacts; entries it cannot read (an age, a time) become errors.</summary>
    public (ServiceDetails Details, IReadOnlyList<StaffContact> StaffContacts, FieldPaths Paths) ToDetails(ServiceDetails? stored, List<DirectoryError> unreadable)
    {
        var paths = new FieldPaths();
        var status = Enum.TryParse<ServiceStatus>(Status, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(Status, out _)
            ? parsed
            : (ServiceStatus)(-1);
        var details = new ServiceDetails(
            FormText.Required(Name), FormText.Optional(AlternateName), FormText.Required(Description), status,
            FormText.Optional(Email), FormText.Optional(Website), FormText.Optional(EligibilityDescription),
            Age("minimumAge", MinimumAge, unreadable), Age("maximumAge", MaximumAge, unreadable),
            FormText.Optional(ApplicationProcess), FormText.Optional(FeesDescription),
            FormText.Chosen(stored?.Topics, Topics), FormText.Chosen(stored?.Languages, Languages),
            PhoneRow.ToPhones(Phones, stored?.Phones, paths), ServiceLocations(stored, paths, unreadable));
        return (details, Contacts(paths), paths);
    }

    private List<StaffContact> Contacts(FieldPaths paths)
    {
        var contacts = new List<StaffContact>();
        for (var row = 0; row < StaffContacts.Count; row++)
        {
            var form = StaffContacts[row];
            if (form.Remove || form.IsBlank)
            {
                continue;
            }

            var id = FormText.Id(form.Id);
            form.Id = id.ToString();
            paths.Row($"staffContacts[{contacts.Count}]", $"staffContacts-{row}");
            contacts.Add(new StaffContact(id, FormText.Required(form.Name), FormText.Optional(form.Role), FormText.Optional(form.Phone),
                FormText.Optional(form.Email), FormText.Optional(form.Reachable)));
        }

        return contacts;
    }

    private List<ServiceLocation> ServiceLocations(ServiceDetails? stored, FieldPaths paths, List<DirectoryError> unreadable)
    {
        var locations = new List<ServiceLocation>();
        for (var row = 0; row < Locations.Count; row++)
        {
            var form = Locations[row];
            if (!form.Offered)
            {
                continue;
            }

            var id = FormText.Id(form.Id);
            form.Id = id.ToString();
            var path = $"locations[{locations.Count}]";
            paths.Row(path, $"locations-{row}");
            var before = stored?.Locations.FirstOrDefault(l => l.Id == id);
            var hours = new List<OpeningHours>();
            for (var h = 0; h < form.Hours.Count; h++)
            {
                var slot = form.Hours[h];
                if (slot.Remove || slot.IsBlank)
                {
                    continue;
                }

                var hoursId = FormText.Id(slot.Id);
                slot.Id = hoursId.ToString();
                var hoursPath = $"{path}.hours[{hours.Count}]";
                paths.Row(hoursPath, $"locations-{row}-hours-{h}");
                var days = slot.Days.Select(d => Enum.TryParse<IsoDayOfWeek>(d, ignoreCase: false, out var day) && day != IsoDayOfWeek.None && !int.TryParse(d, out _) ? day : IsoDayOfWeek.None)
                    .Distinct().ToList();
                var storedDays = before?.Hours.FirstOrDefault(x => x.Id == hoursId)?.Days;
                if (storedDays is not null && storedDays.Count == days.Count && storedDays.All(days.Contains))
                {
                    days = [.. storedDays];
                }

                hours.Add(new OpeningHours(hoursId, days,
                    Time($"{hoursPath}.opens", slot.Opens, LocalTime.Midnight, unreadable),
                    Time($"{hoursPath}.closes", slot.Closes, LocalTime.MaxValue, unreadable),
                    FormText.Optional(slot.Note)));
            }

            locations.Add(new ServiceLocation(id, Guid.TryParse(form.LocationId, out var locationId) ? locationId : Guid.Empty, hours));
        }

        return locations;
    }

    private static int? Age(string path, string? text, List<DirectoryError> unreadable)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var age))
        {
            return age;
        }

        unreadable.Add(new DirectoryError(path, "age-invalid", "Bitte ein Alter in ganzen Jahren angeben, z. B. 27.", "Please give an age in whole years, e.g. 27."));
        return null;
    }

    /// <summary>A time as the browser's time field sends it (<c>09:00</c>); an unreadable one is an error and stands in as <paramref name="fallback"/>.</summary>
    private static LocalTime Time(string path, string? text, LocalTime fallback, List<DirectoryError> unreadable)
    {
        var value = text?.Trim() ?? "";
        if (Minutes.Parse(value) is { Success: true } minutes)
        {
            return minutes.Value;
        }

        if (Seconds.Parse(value) is { Success: true } seconds)
        {
            return seconds.Value;
        }

        unreadable.Add(new DirectoryError(path, "time-invalid", "Bitte eine Uhrzeit angeben, z. B. 09:00.", "Please give a time, e.g. 09:00."));
        return fallback;
    }

    public static string TimeText(LocalTime time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The "add another" buttons: one more empty row; answers the id of its first field, to focus it.</summary>
    public string? AddRow(string? list)
    {
        switch (list)
        {
            case "phones":
                Phones.Add(PhoneRow.Blank());
                return $"phones-{Phones.Count - 1}-number";
            case "staffContacts":
                StaffContacts.Add(new StaffContactRow { Id = FormText.NewId() });
                return $"staffContacts-{StaffContacts.Count - 1}-name";
            case not null when list.StartsWith("hours-", StringComparison.Ordinal) && int.TryParse(list["hours-".Length..], out var row) && row >= 0 && row < Locations.Count:
                Locations[row].Hours.Add(new HoursRow { Id = FormText.NewId() });
                return $"locations-{row}-hours-{Locations[row].Hours.Count - 1}-day-Monday";
            default:
                return null;
        }
    }

    public void EnsureBlankRows()
    {
        PhoneRow.EnsureBlank(Phones);
        foreach (var location in Locations)
        {
            if (!location.Hours.Any(h => h.IsBlank && !h.Remove))
            {
                location.Hours.Add(new HoursRow { Id = FormText.NewId() });
            }
        }

        if (!StaffContacts.Any(c => c.IsBlank && !c.Remove))
        {
            StaffContacts.Add(new StaffContactRow { Id = FormText.NewId() });
        }
    }
}

/// <summary>One location of the organization in the service form: offered here or not, and the opening hours there.</summary>
public sealed class ServiceLocationRow
{
    /// <summary>The HSDS service_at_location id.</summary>
    public string? Id { get; set; }

    public string? LocationId { get; set; }

    public bool Offered { get; set; }

    public List<HoursRow> Hours { get; set; } = [];

    public static ServiceLocationRow From(ServiceLocation location) => new()
    {
        Id = location.Id.ToString(),
        LocationId = location.LocationId.ToString(),
        Offered = true,
        Hours = [.. location.Hours.Select(HoursRow.From)],
    };
}

/// <summary>A weekly opening slot in the service form.</summary>
public sealed class HoursRow
{
    public string? Id { get; set; }

    /// <summary><see cref="IsoDayOfWeek"/> names, Monday to Sunday.</summary>
    public List<string> Days { get; set; } = [];

    public string? Opens { get; set; }

    public string? Closes { get; set; }

    public string? Note { get; set; }

    public bool Remove { get; set; }

    public bool IsBlank => Days.Count == 0 && string.IsNullOrWhiteSpace(Opens) && string.IsNullOrWhiteSpace(Closes) && string.IsNullOrWhiteSpace(Note);

    public static HoursRow From(OpeningHours hours) => new()
    {
        Id = hours.Id.ToString(),
        Days = [.. hours.Days.Select(d => d.ToString())],
        Opens = ServiceForm.TimeText(hours.Opens),
        Closes = ServiceForm.TimeText(hours.Closes),
        Note = hours.Note,
    };
}

/// <summary>A staff-only contact person in the service form.</summary>
public sealed class StaffContactRow
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Role { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Reachable { get; set; }

    public bool Remove { get; set; }

    public bool IsBlank => new[] { Name, Role, Phone, Email, Reachable }.All(string.IsNullOrWhiteSpace);

    public static StaffContactRow From(StaffContact contact) => new()
    {
        Id = contact.Id.ToString(),
        Name = contact.Name,
        Role = contact.Role,
        Phone = contact.Phone,
        Email = contact.Email,
        Reachable = contact.Reachable,
    };
}

/// <summary>What the service fields partial needs: the page, the form, the organization whose locations it offers, and whether the service is new.</summary>
public sealed record ServiceFieldsView(EditingPageModel Page, ServiceForm Form, DirectoryOrganization Organization, bool Creating);
