using System.Security.Cryptography;
using NodaTime;

namespace Beratungspass.Accounts;

/// <summary>
/// What an account may do. Counsellors work with passes; coordinators (the working group) see aggregate
/// statistics only, never a single pass; administrators manage institutions, accounts and API clients and
/// see no pass at all.
/// </summary>
public enum Role
{
    Counsellor,
    Coordinator,
    Administrator,
}

/// <summary>A person who signs in: bound to one institution, acting under a pseudonym in every event.</summary>
public sealed class Account
{
    /// <summary>The sign-in name.</summary>
    public required string Id { get; set; }

    public required string DisplayName { get; set; }

    public required string InstitutionId { get; set; }

    public Role Role { get; set; }

    /// <summary>Written into events instead of the person's name, so the event store names no staff member.</summary>
    public required string Pseudonym { get; set; }

    public required string PasswordHash { get; set; }

    /// <summary>Wrong passwords in a row; see <see cref="SigningIn.SignInLockout"/>.</summary>
    public int FailedSignIns { get; set; }

    public Instant? LockedUntil { get; set; }

    /// <summary>A disabled account cannot sign in, and its open sessions end.</summary>
    public bool Disabled { get; set; }

    /// <summary>
    /// The identifier the Kreis's identity provider gives this person (OpenID Connect <c>sub</c>), entered
    /// by an administrator. Sign-in through the provider finds the account only by this; nobody is created on the fly.
    /// </summary>
    public string? ExternalSubject { get; set; }

    /// <summary>Renewed when the password, role, institution or enabled state changes, which ends sessions signed in before.</summary>
    public string SecurityStamp { get; set; } = "";

    /// <summary>Marten's version of the stored document, carried by edit forms so stale edits are refused.</summary>
    public Guid Version { get; set; }

    public static string NewPseudonym() => "c-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));

    public static string NewSecurityStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
