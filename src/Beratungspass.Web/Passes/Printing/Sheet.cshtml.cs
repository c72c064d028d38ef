using Beratungspass.Web.Infrastructure.Auth;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Beratungspass.Web.Passes.Printing;

/// <summary>The A4 sheet handed out with the card: what the pass is, what it keeps, consent, rights, PIN and a lost card.</summary>
[Authorize(Policy = AuthSetup.Counselling)]
public sealed class SheetModel(IQuerySession session) : PrintedPageModel(session)
{
    public override string Kind => "sheet";

    public override string DocumentTitle => $"{Texts["SheetTitle"]} – {Code.Display}";

    public Task<IActionResult> OnGetAsync(string passCode, CancellationToken cancellation) => LoadAsync(passCode, cancellation);
}
