using Beratungspass.ServiceDirectory.Hsds;

namespace Beratungspass.Web.ServiceDirectory.Hsds;

/// <summary>
/// GET /hsds/taxonomies, /hsds/taxonomies/{id}, /hsds/taxonomy_terms, /hsds/taxonomy_terms/{id} — the network's
/// topic taxonomy: one taxonomy, its terms flat (no term has a parent), names in German, descriptions in English.
/// </summary>
public static class HsdsTaxonomies
{
    public static void MapHsdsTaxonomies(this RouteGroupBuilder hsds)
    {
        hsds.MapGet("/taxonomies", ListTaxonomies);
        hsds.MapGet("/taxonomies/{id}", (string id, HttpContext context) =>
            HsdsApi.Id(id) == HsdsMapping.Taxonomy.Id ? HsdsApi.Json(HsdsMapping.Taxonomy) : HsdsApi.NotFound(context));
        hsds.MapGet("/taxonomy_terms", ListTerms);
        hsds.MapGet("/taxonomy_terms/{id}", (string id, HttpContext context) =>
            HsdsMapping.Terms.FirstOrDefault(t => t.Id == HsdsApi.Id(id)) is { } term ? HsdsApi.Json(term) : HsdsApi.NotFound(context));
    }

    private static IResult ListTaxonomies(HttpContext context)
    {
        var query = new HsdsParameters(context.Request);
        var search = query.Text("search");
        query.Only("format", "json");
        var paging = query.Paging();
        if (query.Invalid is not null)
        {
            return query.Problem(context);
        }

        var found = new[] { HsdsMapping.Taxonomy }.Where(t => HsdsApi.Matches(search, t.Name, t.Description)).ToList();
        return HsdsApi.Json(HsdsParameters.Page(found, paging));
    }

    private static IResult ListTerms(HttpContext context)
    {
        var query = new HsdsParameters(context.Request);
        var search = query.Text("search");
        var taxonomy = query.Id("taxonomy_id");
        var parent = query.Id("parent_id");
        query.Flag("top_only");
        query.Only("format", "json");
        var paging = query.Paging();
        if (query.Invalid is not null)
        {
            return query.Problem(context);
        }

        var found = HsdsMapping.Terms
            .Where(t => taxonomy is null || t.TaxonomyId == taxonomy)
            .Where(_ => parent is null)
            .Where(t => HsdsApi.Matches(search, t.Code, t.Name, t.Description))
            .ToList();
        return HsdsApi.Json(HsdsParameters.Page(found, paging));
    }
}
