using Beratungspass.ServiceDirectory;
using Beratungspass.Web.Infrastructure.Layout;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace Beratungspass.Web.ServiceDirectory.Editing.Services;

/// <summary>Every change of one service, staff-only contacts included: who, when, what, field by field.</summary>
public sealed class HistoryModel(IQuerySession session, DirectoryEditing editing, Ui ui) : EditingPageModel(ui)
{
    public DirectoryService Service { get; private set; } = null!;

    public IReadOnlyList<DirectoryHistoryEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellation)
    {
        var key = DirectoryStreams.Service(id);
        if (await session.LoadAsync<DirectoryService>(key, cancellation) is not { } service)
        {
            return NotFound();
        }

        Service = service;
        Entries = await editing.HistoryAsync(key, cancellation);
        await LoadAccountNamesAsync(session, Entries.Select(e => e.By), cancellation);
        return Page();
    }
}
