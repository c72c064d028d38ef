using Beratungspass.Institutions;
using Beratungspass.Web.Infrastructure.Layout;
using Marten;

namespace Beratungspass.Web.Admin.Institutions;

public sealed class IndexModel(IQuerySession session, Ui ui) : AdminPageModel(ui)
{
    public IReadOnlyList<Institution> Institutions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation) =>
        Institutions = (await session.Query<Institution>().ToListAsync(cancellation))
            .OrderBy(i => i.Retired).ThenBy(i => i.Name, StringComparer.CurrentCulture).ToList();
}
