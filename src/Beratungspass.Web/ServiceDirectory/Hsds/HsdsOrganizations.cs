using Beratungspass.ServiceDirectory;
using Beratungspass.ServiceDirectory.Hsds;

namespace Beratungspass.Web.ServiceDirectory.Hsds;

/// <summary>
/// GET /hsds/organizations — organizations by name, retired ones included; one-to-one fields, or fully nested
/// with <c>full=true</c> (services in short form) or <c>full_service=true</c> (services fully nested).
/// GET /hsds/organizations/{id} — one organization fully nested, its services in short form unless <c>full_service=true</c>.
/// </summary>
public static class HsdsOrganizations
{
    public static void MapHsdsOrganizations(this RouteGroupBuilder hsds)
    {
        hsds.MapGet("/organizations", ListAsync);
        hsds.MapGet("/organizations/{id}", GetAsync);
    }

    private static async Task<IResult> ListAsync(HttpContext context, DirectoryCatalog catalog, CancellationToken cancellation)
    {
        var query = new HsdsParameters(context.Request);
        var search = query.Text("search");
        var full = query.Flag("full");
        var fullService = query.Flag("full_service");
        query.Only("format", "json");
        var paging = query.Paging();
        if (query.Invalid is not null)
        {
            return query.Problem(context);
        }

        var directory = await catalog.CurrentAsync(cancellation);
        var found = directory.Organizations
            .Where(o => HsdsApi.Matches(search, o.Details.Name, o.Details.AlternateName, o.Details.Description))
            .ToList();
        var page = HsdsParameters.Page(found, paging);
        return HsdsApi.Json(HsdsApi.Map(page, o => full || fullService ? Nested(directory, o, fullService) : HsdsMapping.OrganizationSummary(o)));
    }

    private static async Task<IResult> GetAsync(string id, HttpContext context, DirectoryCatalog catalog, CancellationToken cancellation)
    {
        var query = new HsdsParameters(context.Request);
        var fullService = query.Flag("full_service");
        if (query.Invalid is not null)
        {
            return query.Problem(context);
        }

        var directory = await catalog.CurrentAsync(cancellation);
        return HsdsApi.Id(id) is { } hsdsId && directory.Organization(hsdsId) is { } organization
            ? HsdsApi.Json(Nested(directory, organization, fullService))
            : HsdsApi.NotFound(context);
    }

    private static HsdsOrganization Nested(DirectorySnapshot directory, DirectoryOrganization organization, bool fullService) =>
        HsdsMapping.Organization(organization, [.. directory.ServicesOf(organization.OrganizationId).Select(s => fullService
            ? HsdsMapping.Service(s, organization, nestOrganization: false, nestLocations: true)
            : HsdsMapping.ServiceSummary(s, organization, nestOrganization: false))]);
}
