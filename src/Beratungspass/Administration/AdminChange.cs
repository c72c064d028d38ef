using NodaTime;

namespace Beratungspass.Administration;

public enum AdminSubject
{
    Institution,
    Account,
    ApiClient,
}

public enum AdminAction
{
    InstitutionCreated,
    InstitutionEdited,
    InstitutionRetired,
    ServiceAdded,
    ServiceEdited,
    ServiceRetired,
    AccountCreated,
    AccountEdited,
    AccountDisabled,
    AccountEnabled,
    PasswordReset,
    AccountUnlocked,
    ApiClientCreated,
    ApiClientRevoked,
}

/// <summary>One field an administrator changed, before and after. Passwords and secrets never appear here.</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>
/// The administration's audit trail: who changed which institution, account or API client, when and what.
/// Saved in the same transaction as the change itself, so there is no change without its entry.
/// </summary>
public sealed class AdminChange
{
    public Guid Id { get; set; }

    public Instant At { get; set; }

    /// <summary>When the database stored the entry (Marten's last-modified time): the order of the trail, even for changes within one clock tick.</summary>
    public DateTimeOffset StoredAt { get; set; }

    /// <summary>The administrator's sign-in name.</summary>
    public required string By { get; set; }

    public AdminSubject Subject { get; set; }

    public required string SubjectId { get; set; }

    public AdminAction Action { get; set; }

    public List<FieldChange> Changes { get; set; } = [];

    public static AdminChange Record(string by, AdminSubject subject, string subjectId, AdminAction action, Instant at, params IEnumerable<FieldChange> changes) => new()
    {
        Id = Guid.NewGuid(),
        At = at,
        By = by,
        Subject = subject,
        SubjectId = subjectId,
        Action = action,
        Changes = changes.ToList(),
    };

    /// <summary>The fields whose values differ, for an edit form that may have changed several.</summary>
    public static IEnumerable<FieldChange> Differences(params (string Field, string? Before, string? After)[] fields) =>
        fields.Where(f => f.Before != f.After).Select(f => new FieldChange(f.Field, f.Before, f.After));
}
