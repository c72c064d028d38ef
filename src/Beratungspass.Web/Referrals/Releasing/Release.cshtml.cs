using Beratungspass.Infrastructure;
using Beratungspass.Institutions;
using Beratungspass.Passes;
using Beratungspass.Referrals.Requesting;
using Beratungspass.ServiceDirectory;
using Beratungspass.Web.Infrastructure.Auth;
using Beratungspass.Web.Infrastructure.Problems;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beratungspass.Web.Referrals.Releasing;

/// <summary>
/// The release from confidentiality for a referral from the counsellor's institution to a service, in the client's
/// language, to read on screen and print: /referrals/release?lang=xx&amp;service={serviceId}. It names both sides and
/// the text's version, which the referral then records.
/// </summary>
[Authorize(Policy = AuthSetup.Counselling)]
public sealed class ReleaseModel(IQuerySession session) : PageModel
{
    [FromQuery(Name = "lang")]
    public string? RequestedLanguage { get; set; }

    [FromQuery(Name = "service")]
    public string? ServiceId { get; set; }

    public ClientLanguage Language { get; private set; } = ClientLanguage.De;

    public ReleaseTexts Texts { get; private set; } = new(ClientLanguage.De);

    public string Version => ReleaseTextVersion.Current;

    public string FromInstitution { get; private set; } = "";

    public string ToService { get; private set; } = "";

    public string ToInstitution { get; private set; } = "";

    /// <summary>Set when the address names no client language or no service that takes a referral from here; nothing is printed then.</summary>
    public ProblemKind? Error { get; private set; }

    public string LinkTo(ClientLanguage language) => $"/referrals/release?lang={language.Code()}&service={Uri.EscapeDataString(ServiceId ?? "")}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        if (RequestedLanguage is not null)
        {
            if (!ClientLanguages.TryParse(RequestedLanguage, out var requested))
            {
                return Refuse(ProblemCatalog.LanguageInvalid);
            }

            Language = requested;
            Texts = new ReleaseTexts(requested);
        }

        var counsellor = Counsellor.From(User);
        var from = await session.LoadAsync<Institution>(counsellor.InstitutionId, cancellation);
        var toService = string.IsNullOrWhiteSpace(ServiceId) ? null : await session.LoadAsync<DirectoryService>(DirectoryStreams.Service(ServiceId), cancellation);
        var toOrganization = toService is null ? null : await session.LoadAsync<DirectoryOrganization>(DirectoryStreams.Organization(toService.OrganizationId), cancellation);
        if (from is null)
        {
            return Refuse(ProblemCatalog.ReferringServiceNotYours);
        }

        try
        {
            // The same rules as the referral itself: no text for a referral that could not be made.
            RequestReferralDecision.CheckTarget(from, toService, toOrganization);
        }
        catch (CommandRejectedException rejected)
        {
            return Refuse(ProblemCatalog.For(rejected.Reason));
        }

        FromInstitution = from.Name;
        ToService = toService!.Details.Name;
        ToInstitution = toOrganization!.Details.Name;
        return Page();
    }

    private PageResult Refuse(ProblemKind problem)
    {
        Error = problem;
        Response.StatusCode = problem.Status;
        return Page();
    }
}
