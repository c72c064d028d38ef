namespace Beratungspass.Accounts;

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
}
