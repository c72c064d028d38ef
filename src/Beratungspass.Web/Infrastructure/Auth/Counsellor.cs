using System.Security.Claims;
using Beratungspass.Accounts;

namespace Beratungspass.Web.Infrastructure.Auth;

/// <summary>Who is signed in, as the endpoints need it.</summary>
public sealed record Counsellor(string AccountId, string DisplayName, string InstitutionId, string Pseudonym, Role Role)
{
    public const string InstitutionClaim = "institution";
    public const string PseudonymClaim = "pseudonym";

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
    ], AuthSetup.Scheme));
}
