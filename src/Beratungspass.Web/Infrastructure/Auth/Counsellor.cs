using System.Security.Claims;
using Beratungspass.Accounts;
using Beratungspass.ApiClients;

namespace Beratungspass.Web.Infrastructure.Auth;

/// <summary>Who is signed in, as the endpoints need it: a person with an account, or an institution's API client.</summary>
public sealed record Counsellor(string AccountId, string DisplayName, string InstitutionId, string Pseudonym, Role Role)
{
    public const string InstitutionClaim = "institution";
    public const string PseudonymClaim = "pseudonym";

    /// <summary>The account's security stamp at sign-in; a session whose stamp is outdated ends.</summary>
    public const string StampClaim = "stamp";

    /// <summary>Set for API clients only, with the client id.</summary>
    public const string ApiClientClaim = "api-client";

    public static Counsellor From(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in."),
        user.FindFirstValue(ClaimTypes.Name) ?? "",
        user.FindFirstValue(InstitutionClaim) ?? throw new InvalidOperationException("Account without institution."),
        user.FindFirstValue(PseudonymClaim) ?? throw new InvalidOperationException("Account without pseudonym."),
        Enum.Parse<Role>(user.FindFirstValue(ClaimTypes.Role) ?? nameof(Role.Counsellor)));

    public static ClaimsPrincipal Principal(Account account) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, account.Id),
        new Claim(ClaimTypes.Name, account.DisplayName),
        new Claim(InstitutionClaim, account.InstitutionId),
        new Claim(PseudonymClaim, account.Pseudonym),
        new Claim(ClaimTypes.Role, account.Role.ToString()),
        new Claim(StampClaim, account.SecurityStamp),
    ], AuthSetup.Scheme));

    /// <summary>
    /// An API client acts for its institution with a counsellor's rights on the API. It reaches neither pages
    /// nor administration, because those authenticate the sign-in cookie only.
    /// </summary>
    public static ClaimsPrincipal Principal(ApiClient client) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, "api-client:" + client.Id),
        new Claim(ClaimTypes.Name, client.Name),
        new Claim(InstitutionClaim, client.InstitutionId),
        new Claim(PseudonymClaim, client.Pseudonym),
        new Claim(ClaimTypes.Role, nameof(Role.Counsellor)),
        new Claim(ApiClientClaim, client.Id),
    ], AuthSetup.ApiClientScheme));
}
