using Beratungspass.Tokens;
using Beratungspass.Web.Infrastructure.Auth;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Beratungspass.Web.Passes.Printing;

/// <summary>The printable card in ID-1 size: QR of the current generation, pass code, issuer, a line in the client's language.</summary>
[Authorize(Policy = AuthSetup.Counselling)]
public sealed class CardModel(IQuerySession session, CardTokens tokens) : PrintedPageModel(session)
{
    public override string Kind => "card";

    public override string DocumentTitle => $"Beratungspass {Code.Display} – {Texts["CardName"]}";

    /// <summary>Inline SVG, so the QR prints sharp at any resolution and needs no second request.</summary>
    public string QrSvg { get; private set; } = "";

    public Task<IActionResult> OnGetAsync(string passCode, CancellationToken cancellation) => LoadAsync(passCode, cancellation);

    protected override void Prepare() => QrSvg = CardQr.Svg(tokens.Create(Card.Id, Card.Generation), Texts["QrTitle"]);
}
