using Beratungspass.Accounts;
using Beratungspass.Institutions;
using Beratungspass.Web.Infrastructure.Layout;
using Marten;
using NodaTime;

namespace Beratungspass.Web.Admin.Accounts;

public sealed class IndexModel(IQuerySession session, IClock clock, Ui ui) : AdminPageModel(ui)
{
    private Dictionary<string, string> institutionNames = [];

    public IReadOnlyList<Account> Accounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        Accounts = (await session.Query<Account>().ToListAsync(cancellation)).OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
        institutionNames = (await session.Query<Institution>().ToListAsync(cancellation)).ToDictionary(i => i.Id, i => i.Name);
    }

    public string InstitutionName(string id) => institutionNames.GetValueOrDefault(id, id);

    public string State(Account account) => AccountState(Ui, account, clock.GetCurrentInstant());

    public static string AccountState(Ui ui, Account account, Instant now) =>
        account.Disabled ? ui.T("deaktiviert", "disabled")
        : Beratungspass.Accounts.SigningIn.SignInLockout.IsLocked(account, now) ? ui.T("gesperrt bis ", "locked until ") + Time(account.LockedUntil!.Value)
        : ui.T("aktiv", "active");
}
