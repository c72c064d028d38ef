using Beratungspass.ServiceDirectory;
using Beratungspass.ServiceDirectory.Hsds;
using NodaTime;

namespace Beratungspass.Web.ServiceDirectory.Hsds;

/// <summary>
/// GET /hsds/services — services of every status (retired ones are "defunct"), by name, or by relevance with
/// <c>search</c>; one-to-one fields unless <c>full=true</c>, only id and last_modified with <c>minimal=true</c>.
/// GET /hsds/services/{id} — one service fully nested, with its organization and its locations.
/// </summary>
public static class HsdsServices
{
    public static void MapHsdsServices(this RouteGroupBuilder hsds)
    {
        hsds.MapGet("/services", ListAsync);
        hsds.MapGet("/services/{id}", GetAsync);
    }

    private static async Task<IResult> ListAsync(HttpContext context, DirectoryCatalog catalog, IClock clock, CancellationToken cancellation)
    {
        var query = new HsdsParameters(context.Request);
        var search = query.Text("search");
        var term = query.Id("taxonomy_term_id");
        var taxonomy = query.Id("taxonomy_id");
        var organizationId = query.Id("organization_id");
        var since = query.Since("modified_after");
        var minimal = query.Flag("minimal");
        var full = query.Flag("full");
        query.Only("format", "json");
        var paging = query.Paging();
        if (query.Invalid is not null)
        {
            return query.Problem(context);
        }

        var directory = await catalog.CurrentAsync(cancellation);
        var services = search is null
            ? directory.Services
            : directory.Search(new DirectoryQuery(Text: search, IncludeClosed: true), clock.GetCurrentInstant());
        var topic = term is { } termId ? HsdsMapping.TopicOf(termId)?.Code ?? "" : null;
        var organization = organizationId is { } id ? directory.Organization(id)?.OrganizationId ?? "" : null;
        var found = services
            .Where(s => topic is null || s.Details.Topics.Contains(topic))
            .Where(s => taxonomy is null || (taxonomy == HsdsIds.Taxonomy && s.Details.Topics.Count > 0))
            .Where(s => organization is null || s.OrganizationId == organization)
            .Where(s => since is null || s.LastModified >= since)
            .ToList();
        var page = HsdsParameters.Page(found, paging);
        return minimal
            ? HsdsApi.Json(HsdsApi.Map(page, HsdsMapping.Minimal))
            : HsdsApi.Json(HsdsApi.Map(page, s => full
                ? HsdsMapping.Service(s, directory.Organization(s.OrganizationId), nestOrganization: true, nestLocations: true)
                : HsdsMapping.ServiceSummary(s, directory.Organization(s.OrganizationId))));
    }

    private static async Task<IResult> GetAsync(string id, HttpContext context, DirectoryCatalog catalog, CancellationToken cancellation)
    {
        var directory = await catalog.CurrentAsync(cancellation);
        return HsdsApi.Id(id) is { } hsdsId && directory.Service(hsdsId) is { } service
            ? HsdsApi.Json(HsdsMapping.Service(service, directory.Organization(service.OrganizationId), nestOrganization: true, nestLocations: true))
            : HsdsApi.NotFound(context);
    }
}
