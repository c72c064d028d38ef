using Beratungspass.ServiceDirectory;
using Beratungspass.Web.Infrastructure.Layout;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace Beratungspass.Web.ServiceDirectory.Editing.Organizations;

/// <summary>Every change of one organization: who, when, what, field by field.</summary>
public sealed class HistoryModel(IQuerySession session, DirectoryEditing editing, Ui ui) : EditingPageModel(ui)
{
    public DirectoryOrganization Organization { get; private set; } = null!;

    public IReadOnlyList<DirectoryHistoryEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellation)
    {
        var key = DirectoryStreams.Organization(id);
        if (await session.LoadAsync<DirectoryOrganization>(key, cancellation) is not { } organization)
        {
            return NotFound();
        }

        Organization = organization;
        Entries = await editing.HistoryAsync(key, cancellation);
        await LoadAccountNamesAsync(session, Entries.Select(e => e.By), cancellation);
        return Page();
    }
}
