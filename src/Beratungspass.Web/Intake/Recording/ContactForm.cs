using Beratungspass.Passes;
using Beratungspass.Passes.Recording;
using NodaTime;

namespace Beratungspass.Web.Intake.Recording;

/// <summary>
/// What the contact form sent. <see cref="ContactId"/> is drawn when the form is shown, so a form sent twice
/// records one contact; <see cref="Version"/> is the pass version the form was built on, so a form built
/// before a consent or card changed is refused as changed meanwhile.
/// </summary>
public sealed record ContactForm(string ContactId, long Version, string? Service, string Date, IReadOnlyList<string> Topics, string Kind)
{
    public const string First = "first";
    public const string FollowUp = "follow-up";

    public static ContactForm Fresh(long version, string? service, LocalDate today, bool serviceUsedBefore) =>
        new(Guid.NewGuid().ToString(), version, service, IntakeDates.Iso.Format(today), [], serviceUsedBefore ? FollowUp : First);

    /// <summary>Whether the hidden fields are as the page wrote them; anything else is a damaged or hand-made form.</summary>
    public bool IsIntact => Guid.TryParse(ContactId, out _) && Version > 0;

    /// <summary>The command, or null when the date cannot be read; the decision judges everything else.</summary>
    public RecordContact? ToCommand(string recordedBy)
    {
        var date = IntakeDates.Iso.Parse(Date);
        return date.Success
            ? new RecordContact(ContactId, Service ?? "", Topics, date.Value, Kind == FollowUp ? ContactKind.FollowUp : ContactKind.First, recordedBy)
            : null;
    }
}
