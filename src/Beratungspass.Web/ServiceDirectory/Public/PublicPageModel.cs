using Beratungspass.Passes;
using Beratungspass.Accounts;
using Beratungspass.ServiceDirectory;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using NodaTime;

namespace Beratungspass.Web.ServiceDirectory.Public;

/// <summary>
/// What every public directory page has: its language (<see cref="PublicLanguage"/>), the labels in it, the current
/// directory and the time in Kreis Unna. Links within the directory keep a language chosen with <c>?lang=</c>.
/// </summary>
public abstract class PublicPageModel(DirectoryCatalog catalog, IClock clock) : PageModel
{
    [FromQuery(Name = "lang")]
    public string? RequestedLanguage { get; set; }

    public PublicLanguage PageLanguage { get; private set; } = new(ClientLanguage.De, false, false);

    public ClientLanguage Language => PageLanguage.Language;

    public DirectoryTexts Texts { get; private set; } = DirectoryTexts.For(ClientLanguage.De);

    public DirectorySnapshot Directory { get; private set; } = null!;

    public Instant Now { get; private set; }

    /// <summary>The page's title in the browser tab, before the directory's name.</summary>
    public abstract string Title { get; }

    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    /// <summary>
    /// Counsellors call staff contacts before a referral; coordinators and administrators maintain them. Nobody
    /// else — above all no anonymous visitor — ever gets them in a page.
    /// </summary>
    public bool SeesStaffContacts =>
        SignedIn && (User.IsInRole(nameof(Role.Counsellor)) || User.IsInRole(nameof(Role.Coordinator)) || User.IsInRole(nameof(Role.Administrator)));

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        PageLanguage = PublicLanguage.Negotiate(RequestedLanguage, Request.GetTypedHeaders().AcceptLanguage);
        Texts = DirectoryTexts.For(Language);
        Directory = await catalog.CurrentAsync(HttpContext.RequestAborted);
        Now = clock.GetCurrentInstant();
        Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptLanguage);
        if (SignedIn)
        {
            // A signed-in page may carry staff contacts: no shared or browser cache keeps it.
            Response.Headers.CacheControl = "no-store";
        }

        await next();
    }

    /// <summary>A link within the public directory, in the language chosen with <c>?lang=</c> if there was one.</summary>
    public string Link(string path, params (string Name, string? Value)[] query)
    {
        var builder = new QueryBuilder();
        foreach (var (name, value) in query)
        {
            if (!string.IsNullOrEmpty(value))
            {
                builder.Add(name, value);
            }
        }

        if (PageLanguage.Chosen)
        {
            builder.Add("lang", Language.Code());
        }

        return path + builder.ToQueryString();
    }

    public string ServiceLink(string serviceId) => Link("/directory/services/" + Uri.EscapeDataString(serviceId));

    /// <summary>This page with everything it was asked for, in another language.</summary>
    public string SwitchTo(ClientLanguage language)
    {
        var query = Request.Query
            .Where(p => !p.Key.Equals("lang", StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new("lang", language.Code()));
        return QueryHelpers.AddQueryString(Request.PathBase + Request.Path, query);
    }

    /// <summary>The badge a service carries, as its text key: temporarily closed, open now, or none.</summary>
    public string? Badge(DirectoryService service) => service.Details.Status switch
    {
        ServiceStatus.TemporarilyClosed => "TemporarilyClosedBadge",
        ServiceStatus.Active when DirectorySnapshot.IsOpenAt(service, Now) => "OpenNowBadge",
        _ => null,
    };

    /// <summary>Where a member of staff signs in and comes back to this very page.</summary>
    public string SignInLink => "/sign-in?returnUrl=" + Uri.EscapeDataString(Request.PathBase + Request.Path + Request.QueryString);
}
