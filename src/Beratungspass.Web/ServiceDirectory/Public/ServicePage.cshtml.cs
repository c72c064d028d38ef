using Beratungspass.ServiceDirectory;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Beratungspass.Web.ServiceDirectory.Public;

/// <summary>
/// One service: what it offers, for whom, and how to get there by phone or in person. An unknown id answers 404,
/// a retired service (or one of a retired organization) 410 with a notice instead of contact details — both as a
/// page in the visitor's language. Staff contacts appear only for signed-in staff.
/// </summary>
[AllowAnonymous]
public sealed class ServicePageModel(DirectoryCatalog catalog, IClock clock) : PublicPageModel(catalog, clock)
{
    public DirectoryService? Service { get; private set; }

    public DirectoryOrganization? Organization { get; private set; }

    /// <summary>Retired: the page says so and shows no way to get there.</summary>
    public bool Retired { get; private set; }

    public IReadOnlyList<(DirectoryLocation Location, ServiceLocation At)> Locations { get; private set; } = [];

    public IReadOnlyList<DirectoryPhone> Phones { get; private set; } = [];

    public override string Title => Service?.Details.Name ?? Texts["NotFoundTitle"];

    public IActionResult OnGet(string serviceId)
    {
        Service = Directory.Service(serviceId);
        if (Service is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Organization = Directory.Organization(Service.OrganizationId);
        Retired = Service.Retired || Organization is null or { Retired: true };
        if (Retired)
        {
            Response.StatusCode = StatusCodes.Status410Gone;
            return Page();
        }

        Locations = [.. Directory.LocationsOf(Service)];
        Phones = DirectoryDisplay.Phones(Directory, Service);
        return Page();
    }

    /// <summary>Today in Kreis Unna, so the opening hours can mark it.</summary>
    public IsoDayOfWeek Today => Now.InZone(Beratungspass.Infrastructure.MartenConfiguration.Zone).DayOfWeek;
}
