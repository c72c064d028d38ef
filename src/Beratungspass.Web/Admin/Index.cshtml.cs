using Beratungspass.Accounts;
using Beratungspass.ApiClients;
using Beratungspass.Institutions;
using Beratungspass.Web.Infrastructure.Layout;
using Marten;

namespace Beratungspass.Web.Admin;

public sealed class IndexModel(IQuerySession session, Ui ui) : AdminPageModel(ui)
{
    public int Institutions { get; private set; }

    public int Accounts { get; private set; }

    public int ApiClients { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        Institutions = await session.Query<Institution>().CountAsync(i => !i.Retired, cancellation);
        Accounts = await session.Query<Account>().CountAsync(a => !a.Disabled, cancellation);
        ApiClients = (await session.Query<ApiClient>().ToListAsync(cancellation)).Count(c => !c.Revoked);
    }
}
