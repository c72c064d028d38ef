using Beratungspass.ServiceDirectory;

namespace Beratungspass.Web.ServiceDirectory.Editing.Organizations;

/// <summary>
/// The organization form as posted: every field as typed, the lists as rows with their HSDS ids in hidden
/// fields (so an edit keeps them), a "remove" box per row and one empty row to add another.
/// </summary>
public sealed class OrganizationForm
{
    /// <summary>The slug, chosen only when the organization is created.</summary>
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? AlternateName { get; set; }

    public string? Description { get; set; }

    public string? Email { get; set; }

    public string? Website { get; set; }

    public List<PhoneRow> Phones { get; set; } = [];

    public List<LocationRow> Locations { get; set; } = [];

    public static OrganizationForm From(OrganizationDetails details) => new()
    {
        Name = details.Name,
        AlternateName = details.AlternateName,
        Description = details.Description,
        Email = details.Email,
        Website = details.Website,
        Phones = [.. details.Phones.Select(PhoneRow.From)],
        Locations = [.. details.Locations.Select(LocationRow.From)],
    };

    /// <summary>What the form says as directory details; <paramref name="stored"/> supplies what the form does not show (coordinates).</summary>
    public (OrganizationDetails Details, FieldPaths Paths) ToDetails(OrganizationDetails? stored)
    {
        var paths = new FieldPaths();
        var phones = PhoneRow.ToPhones(Phones, stored?.Phones, paths);
        var locations = new List<DirectoryLocation>();
        for (var row = 0; row < Locations.Count; row++)
        {
            var form = Locations[row];
            if (form.Remove || form.IsBlank)
            {
                continue;
            }

            var id = FormText.Id(form.Id);
            form.Id = id.ToString();
            var before = stored?.Locations.FirstOrDefault(l => l.Id == id);
            paths.Row($"locations[{locations.Count}]", $"locations-{row}");
            locations.Add(new DirectoryLocation(id, FormText.Required(form.Name), FormText.Optional(form.Description),
                new PostalAddress(FormText.Required(form.Street), FormText.Required(form.PostalCode), FormText.Required(form.Town)),
                FormText.Optional(form.Transportation), FormText.Optional(form.Accessibility), before?.Latitude, before?.Longitude));
        }

        var details = new OrganizationDetails(FormText.Required(Name), FormText.Optional(AlternateName), FormText.Required(Description),
            FormText.Optional(Email), FormText.Optional(Website), phones, locations);
        return (details, paths);
    }

    /// <summary>The "add another" buttons: one more empty row; answers the id of its first field, to focus it.</summary>
    public string? AddRow(string? list)
    {
        switch (list)
        {
            case "phones":
                Phones.Add(PhoneRow.Blank());
                return $"phones-{Phones.Count - 1}-number";
            case "locations":
                Locations.Add(new LocationRow { Id = FormText.NewId() });
                return $"locations-{Locations.Count - 1}-name";
            default:
                return null;
        }
    }

    public void EnsureBlankRows()
    {
        PhoneRow.EnsureBlank(Phones);
        if (!Locations.Any(l => l.IsBlank && !l.Remove))
        {
            Locations.Add(new LocationRow { Id = FormText.NewId() });
        }
    }
}

/// <summary>A location row of the organization form (HSDS location with its address).</summary>
public sealed class LocationRow
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Street { get; set; }

    public string? PostalCode { get; set; }

    public string? Town { get; set; }

    public string? Description { get; set; }

    public string? Transportation { get; set; }

    public string? Accessibility { get; set; }

    public bool Remove { get; set; }

    public bool IsBlank => new[] { Name, Street, PostalCode, Town, Description, Transportation, Accessibility }.All(string.IsNullOrWhiteSpace);

    public static LocationRow From(DirectoryLocation location) => new()
    {
        Id = location.Id.ToString(),
        Name = location.Name,
        Street = location.Address.Street,
        PostalCode = location.Address.PostalCode,
        Town = location.Address.Town,
        Description = location.Description,
        Transportation = location.Transportation,
        Accessibility = location.Accessibility,
    };
}
