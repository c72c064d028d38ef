using Beratungspass.ServiceDirectory;
using Beratungspass.Web.Infrastructure.Layout;
using Marten;

namespace Beratungspass.Web.ServiceDirectory.Editing;

/// <summary>The directory as coordinators keep it: every organization with its services, retired ones included, active first.</summary>
public sealed class IndexModel(IQuerySession session, Ui ui) : EditingPageModel(ui)
{
    public sealed record Entry(DirectoryOrganization Organization, IReadOnlyList<DirectoryService> Services);

    public IReadOnlyList<Entry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        var organizations = await session.Query<DirectoryOrganization>().ToListAsync(cancellation);
        var services = (await session.Query<DirectoryService>().ToListAsync(cancellation)).ToLookup(s => s.OrganizationId);
        Entries = organizations
            .OrderBy(o => o.Retired).ThenBy(o => o.Details.Name, StringComparer.CurrentCulture)
            .Select(o => new Entry(o, services[o.OrganizationId]
                .OrderBy(s => s.Retired).ThenBy(s => s.Details.Name, StringComparer.CurrentCulture).ToList()))
            .ToList();
    }
}
