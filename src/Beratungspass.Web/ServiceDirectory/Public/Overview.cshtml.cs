using Beratungspass.ServiceDirectory;
using Beratungspass.Topics;
using Microsoft.AspNetCore.Authorization;
using NodaTime;

namespace Beratungspass.Web.ServiceDirectory.Public;

/// <summary>
/// The network's "Übersicht": every current offer on A4, by topic, as a counsellor pins it on the wall — who,
/// where, which number, which languages, when. A service stands under each of its topics.
/// </summary>
[AllowAnonymous]
public sealed class OverviewModel(DirectoryCatalog catalog, IClock clock) : PublicPageModel(catalog, clock)
{
    public IReadOnlyList<(Topic Topic, IReadOnlyList<DirectoryService> Services)> ByTopic { get; private set; } = [];

    public override string Title => Texts["OverviewTitle"];

    public void OnGet()
    {
        var current = Directory.Search(new DirectoryQuery(), Now);
        ByTopic = [.. Taxonomy.Topics
            .Select(topic => (Topic: topic, Services: (IReadOnlyList<DirectoryService>)[.. current.Where(s => s.Details.Topics.Contains(topic.Code))]))
            .Where(group => group.Services.Count > 0)];
    }
}
