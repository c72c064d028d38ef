using Beratungspass.Institutions;
using Beratungspass.Passes;
using Beratungspass.Web.Infrastructure.Problems;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beratungspass.Web.Passes.Printing;

/// <summary>
/// What the card and the sheet have in common: the pass, its issuing institution and the language it is
/// printed in — the client's stored language unless the counsellor picks another with <c>?lang=</c>.
/// </summary>
public abstract class PrintedPageModel(IQuerySession session) : PageModel
{
    /// <summary>The last path segment of the page, "card" or "sheet".</summary>
    public abstract string Kind { get; }

    /// <summary>The title of the browser tab and of a saved PDF, in the printed language.</summary>
    public abstract string DocumentTitle { get; }

    [FromQuery(Name = "lang")]
    public string? RequestedLanguage { get; set; }

    public PassCard Card { get; private set; } = null!;

    public PassCode Code { get; private set; }

    public string InstitutionName { get; private set; } = "";

    public ClientLanguage Language { get; private set; }

    public CardTexts Texts { get; private set; } = null!;

    /// <summary>Set when <c>?lang=</c> names no client language; the page then prints nothing.</summary>
    public ProblemKind? Error { get; private set; }

    public string LinkTo(string kind, ClientLanguage language) => $"/passes/{Code.Value}/{kind}?lang={language.Code()}";

    protected async Task<IActionResult> LoadAsync(string passCode, CancellationToken cancellation)
    {
        var (card, _) = await PassLookup.FindAsync(session, passCode, cancellation);
        if (card is null)
        {
            return NotFound();
        }

        Card = card;
        Code = PassCode.Parse(card.PassCode).Code;
        InstitutionName = (await session.LoadAsync<Institution>(card.IssuingInstitutionId, cancellation))?.Name ?? card.IssuingInstitutionId;
        Language = card.PreferredLanguage;

        // The page carries the card's QR, a credential: neither browsers nor proxies keep a copy.
        Response.Headers.CacheControl = "no-store";

        if (RequestedLanguage is not null)
        {
            if (!ClientLanguages.TryParse(RequestedLanguage, out var requested))
            {
                // A hand-edited address: say so and print nothing, rather than a card in a language nobody chose.
                Error = ProblemCatalog.LanguageInvalid;
                Texts = new CardTexts(ClientLanguage.De);
                Response.StatusCode = Error.Status;
                return Page();
            }

            Language = requested;
        }

        Texts = new CardTexts(Language);
        Prepare();
        return Page();
    }

    /// <summary>Called once the pass and the language are known and the page will print.</summary>
    protected virtual void Prepare()
    {
    }
}
