using Beratungspass.Infrastructure;
using Beratungspass.Institutions;
using Beratungspass.Topics;
using NodaTime;

namespace Beratungspass.Passes.Recording;

/// <summary>Record today's (or a recent) contact at a service of the counsellor's own institution.</summary>
/// <param name="ContactId">Drawn when the form is shown, so a form sent twice records one contact.</param>
public sealed record RecordContact(
    string ContactId,
    string ServiceId,
    IReadOnlyList<string> Topics,
    LocalDate Date,
    ContactKind Kind,
    string RecordedBy);

public static class RecordContactDecision
{
    /// <summary>Contacts older than this are not recorded afterwards: the pass shows current use, not archaeology.</summary>
    public static readonly Period MaximumAge = Period.FromDays(90);

    /// <returns>The event, or null when this very contact was already recorded (a replayed form).</returns>
    public static ContactRecorded? Decide(Pass? pass, Institution institution, RecordContact command, Instant now, DateTimeZone zone)
    {
        if (pass is null)
        {
            throw new CommandRejectedException(Rejection.PassNotFound);
        }

        if (pass.ContactIds.Contains(command.ContactId))
        {
            return null;
        }

        var today = now.InZone(zone).Date;
        if (!pass.IsCoveredBy(institution.Id, ConsentPurpose.RecordContacts, today))
        {
            throw new CommandRejectedException(Rejection.ConsentMissing);
        }

        if (institution.ActiveService(command.ServiceId) is null)
        {
            throw new CommandRejectedException(Rejection.ServiceNotOfInstitution);
        }

        if (command.Date > today)
        {
            throw new CommandRejectedException(Rejection.ContactDateInFuture);
        }

        if (command.Date < today.Minus(MaximumAge))
        {
            throw new CommandRejectedException(Rejection.ContactDateTooOld);
        }

        var topics = command.Topics.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (topics.Count == 0)
        {
            throw new CommandRejectedException(Rejection.TopicsMissing);
        }

        if (topics.FirstOrDefault(t => !Taxonomy.IsKnown(t)) is { } unknown)
        {
            throw new CommandRejectedException(Rejection.TopicUnknown, unknown);
        }

        return new ContactRecorded(pass.Id, command.ContactId, institution.Id, command.ServiceId, topics, command.Date, command.Kind, command.RecordedBy, now);
    }

    /// <summary>
    /// Whether a form built at <paramref name="formVersion"/> may still be acted on: other contacts and
    /// views recorded meanwhile do not change what the form showed; a consent, card or hidden service
    /// that changed does.
    /// </summary>
    public static bool StillValid(IEnumerable<object> eventsSinceForm) =>
        eventsSinceForm.All(e => e is ContactRecorded or HistoryViewed);
}
