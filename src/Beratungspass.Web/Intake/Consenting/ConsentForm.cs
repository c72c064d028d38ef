using Beratungspass.Passes;
using Beratungspass.Passes.Consenting;
using Beratungspass.Web.Infrastructure.Layout;
using NodaTime;

namespace Beratungspass.Web.Intake.Consenting;

/// <summary>
/// What the consent form sent, kept as typed so a refused form comes back filled in (never the PIN).
/// Nothing is ticked in advance: a consent counts only as the client's own active choice.
/// </summary>
public sealed record ConsentForm(string? Scope, IReadOnlyList<string> Institutions, IReadOnlyList<string> Purposes, string ValidUntil)
{
    public const string WholeNetwork = "whole-network";
    public const string ListedInstitutions = "listed-institutions";

    public static IReadOnlyList<(string Code, ConsentPurpose Purpose)> PurposeCodes { get; } =
    [
        ("show-history", ConsentPurpose.ShowHistory),
        ("record-contacts", ConsentPurpose.RecordContacts),
        ("referrals", ConsentPurpose.Referrals),
        ("statistics", ConsentPurpose.Statistics),
    ];

    /// <summary>A fresh form: valid for one year unless the client chooses otherwise.</summary>
    public static ConsentForm Empty(LocalDate today) => new(null, [], [], IntakeDates.Iso.Format(today.PlusYears(1)));

    public static string Label(ConsentPurpose purpose, Ui ui) => purpose switch
    {
        ConsentPurpose.ShowHistory => ui.T("Verlauf anzeigen", "Show the history"),
        ConsentPurpose.RecordContacts => ui.T("Kontakte erfassen", "Record contacts"),
        ConsentPurpose.Referrals => ui.T("Weiterverweisungen", "Referrals"),
        ConsentPurpose.Statistics => ui.T("Statistik des Netzwerks (nur zusammengefasst)", "Network statistics (aggregates only)"),
        _ => throw new ArgumentOutOfRangeException(nameof(purpose)),
    };

    public bool Has(ConsentPurpose purpose) => PurposeCodes.Any(p => p.Purpose == purpose && Purposes.Contains(p.Code));

    /// <summary>The command, or null when the form cannot be read (no scope, no date); the decision judges the rest.</summary>
    public GrantConsent? ToCommand(string institutionId, string recordedBy)
    {
        ConsentScope? scope = Scope switch
        {
            WholeNetwork => ConsentScope.WholeNetwork,
            ListedInstitutions => ConsentScope.ListedInstitutions,
            _ => null,
        };
        var validUntil = IntakeDates.Iso.Parse(ValidUntil ?? "");
        if (scope is null || !validUntil.Success)
        {
            return null;
        }

        var purposes = PurposeCodes.Where(p => Purposes.Contains(p.Code)).Select(p => p.Purpose).ToList();
        return new GrantConsent(Guid.NewGuid().ToString(), scope.Value, Institutions, purposes, validUntil.Value, institutionId, recordedBy);
    }
}
