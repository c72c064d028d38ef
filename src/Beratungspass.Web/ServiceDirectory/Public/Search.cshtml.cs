using System.Globalization;
using Beratungspass.Institutions;
using Beratungspass.ServiceDirectory;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Beratungspass.Web.ServiceDirectory.Public;

/// <summary>
/// The public search: a GET form, so every search is a link that can be shared, bookmarked and works without
/// JavaScript. Whatever the address says, the page answers; values it does not know are named and left out.
/// </summary>
[AllowAnonymous]
public sealed class SearchModel(DirectoryCatalog catalog, IClock clock) : PublicPageModel(catalog, clock)
{
    public const int PageSize = 20;

    [FromQuery(Name = "q")]
    public string? Text { get; set; }

    [FromQuery(Name = "topic")]
    public string? Topic { get; set; }

    [FromQuery(Name = "language")]
    public string? ServiceLanguage { get; set; }

    [FromQuery(Name = "age")]
    public string? Age { get; set; }

    [FromQuery(Name = "town")]
    public string? Town { get; set; }

    [FromQuery(Name = "open")]
    public string? Open { get; set; }

    [FromQuery(Name = "page")]
    public string? PageText { get; set; }

    public SearchInput Input { get; private set; } = SearchInput.Read(null, null, null, null, null, null);

    public IReadOnlyList<DirectoryService> Results { get; private set; } = [];

    public int Total { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    /// <summary>The languages services are offered in, in the directory's order: a picker offers no language nobody speaks.</summary>
    public IReadOnlyList<Language> OfferedLanguages { get; private set; } = [];

    public static IReadOnlyList<string> Towns => Institution.Towns;

    public override string Title => Input.IsEmpty ? Texts["NavSearch"] : $"{Texts["NavSearch"]} ({Total})";

    public void OnGet()
    {
        Input = SearchInput.Read(Text, Topic, ServiceLanguage, Age, Town, Open);
        var found = Directory.Search(Input.Query, Now);
        Total = found.Count;
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = int.TryParse(PageText, NumberStyles.None, CultureInfo.InvariantCulture, out var page) ? Math.Clamp(page, 1, PageCount) : 1;
        Results = [.. found.Skip((PageNumber - 1) * PageSize).Take(PageSize)];

        var offered = Directory.Services
            .Where(s => s.Details.Status is ServiceStatus.Active or ServiceStatus.TemporarilyClosed)
            .SelectMany(s => s.Details.Languages)
            .Append(Input.Language)
            .ToHashSet(StringComparer.Ordinal);
        OfferedLanguages = [.. Languages.All.Where(l => offered.Contains(l.Code))];
    }

    /// <summary>This search on another page of results.</summary>
    public string PageLink(int page) => Link("/directory",
        ("q", Input.Text), ("topic", Input.Topic), ("language", Input.Language), ("age", Input.Age?.ToString(CultureInfo.InvariantCulture)),
        ("town", Input.Town), ("open", Input.OpenNow ? "1" : null), ("page", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null));
}
