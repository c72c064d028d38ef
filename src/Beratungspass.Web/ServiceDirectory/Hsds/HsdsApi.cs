using Beratungspass.ServiceDirectory;
using Beratungspass.ServiceDirectory.Hsds;
using Beratungspass.Web.Infrastructure.Problems;

namespace Beratungspass.Web.ServiceDirectory.Hsds;

/// <summary>
/// The HSDS 3.0 read API under /hsds: open to everyone, read from the in-memory directory. It follows the
/// paths, parameters and pagination of the HSDS OpenAPI file, so its <c>openapi_url</c> names that file; it
/// is not part of the counsellors' API description (/openapi/v1.json).
/// </summary>
public static class HsdsApi
{
    /// <summary>The HSDS 3.0 specification this API implements without a profile of its own.</summary>
    public const string Profile = "https://github.com/openreferral/specification/tree/3.0";

    public const string OpenApiUrl = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json";

    public static void MapHsdsApi(this WebApplication app)
    {
        var hsds = app.MapGroup("/hsds").AllowAnonymous().ExcludeFromDescription();
        // Public data without credentials: other directories' web pages may read it.
        hsds.AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.AccessControlAllowOrigin = "*";
            return await next(context);
        });
        hsds.MapGet("/", () => Json(new HsdsApiInfo(HsdsJson.Version, Profile, OpenApiUrl)));
        hsds.MapHsdsServices();
        hsds.MapHsdsOrganizations();
        hsds.MapHsdsTaxonomies();
        // Other paths below /hsds are open too (no sign-in redirect) and answer as an API does.
        hsds.MapGet("/{**rest}", (HttpContext context) => context.Problem(ProblemCatalog.NotFound));
        hsds.MapMethods("/{**rest}", [HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete], (HttpContext context) =>
        {
            context.Response.Headers.Allow = HttpMethods.Get;
            return context.Problem(ProblemCatalog.MethodNotAllowed);
        });
    }

    internal static IResult Json<T>(T value) => TypedResults.Json(value, HsdsJson.Options);

    internal static IResult NotFound(HttpContext context) => context.Problem(ProblemCatalog.HsdsNotFound);

    /// <summary>A path id: the UUID in its usual form, anything else is no id of the directory.</summary>
    internal static Guid? Id(string id) => Guid.TryParseExact(id, "D", out var guid) ? guid : null;

    internal static HsdsPage<TOut> Map<TIn, TOut>(HsdsPage<TIn> page, Func<TIn, TOut> map) =>
        new(page.TotalItems, page.TotalPages, page.PageNumber, page.Size, page.FirstPage, page.LastPage, page.Empty, [.. page.Contents.Select(map)]);

    /// <summary>Every word of the search somewhere in the texts, ignoring case and accents, as the directory's own search.</summary>
    internal static bool Matches(string? search, params string?[] texts)
    {
        if (search is null)
        {
            return true;
        }

        var haystack = DirectorySnapshot.Fold(string.Join(' ', texts));
        return DirectorySnapshot.Fold(search).Split(' ', StringSplitOptions.RemoveEmptyEntries).All(haystack.Contains);
    }
}
