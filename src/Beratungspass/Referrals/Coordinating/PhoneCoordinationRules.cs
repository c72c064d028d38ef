using Beratungspass.Infrastructure;
using Beratungspass.ServiceDirectory;
using NodaTime;

namespace Beratungspass.Referrals.Coordinating;

/// <summary>
/// What a logged phone call must say, with the referral and with every later call: whom the counsellor reached
/// (a name, or one of the receiving service's staff contacts), when (not ahead of the clock, at most 30 days
/// back), the result, and an optional note of at most 1000 characters.
/// </summary>
public static class PhoneCoordinationRules
{
    public const int ReachedLength = 200;

    /// <summary>Clocks of the caller's system and the server differ a little; a call is not logged from the future.</summary>
    public static readonly Duration FutureTolerance = Duration.FromMinutes(5);

    public static readonly Duration MaximumAge = Duration.FromDays(30);

    /// <summary>The call as it is recorded: the staff contact's name filled in, text trimmed, a blank note left out.</summary>
    public static PhoneCoordination Check(PhoneCoordination call, DirectoryService toService, Instant now)
    {
        string reached;
        if (call.StaffContactId is { } staffContactId)
        {
            // The name as it is now is kept: the staff contact may change or leave later, the record of the call stays.
            reached = toService.StaffContacts.FirstOrDefault(s => s.Id == staffContactId)?.Name
                ?? throw new CommandRejectedException(Rejection.CoordinationInvalid, "staffContactId");
        }
        else
        {
            reached = call.Reached?.Trim() ?? "";
            // Nobody answered: whom the counsellor tried is welcome but not required.
            if ((reached.Length == 0 && call.Result != CoordinationResult.NotReached) || reached.Length > ReachedLength)
            {
                throw new CommandRejectedException(Rejection.CoordinationInvalid, "reached");
            }
        }

        if (!Enum.IsDefined(call.Result))
        {
            throw new CommandRejectedException(Rejection.CoordinationInvalid, "result");
        }

        if (call.CalledAt > now + FutureTolerance || call.CalledAt < now - MaximumAge)
        {
            throw new CommandRejectedException(Rejection.CoordinationInvalid, "calledAt");
        }

        if (call.Note is { Length: > ReferralLifecycle.NoteLength })
        {
            throw new CommandRejectedException(Rejection.ReferralNoteTooLong);
        }

        return new PhoneCoordination(reached, call.StaffContactId, call.CalledAt, call.Result, string.IsNullOrWhiteSpace(call.Note) ? null : call.Note.Trim());
    }
}
