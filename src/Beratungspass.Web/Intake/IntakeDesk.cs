using Beratungspass.Infrastructure;
using Beratungspass.Institutions;
using Beratungspass.Passes;
using Beratungspass.Passes.Consenting;
using Beratungspass.Passes.Pins;
using Beratungspass.Passes.Presence;
using Beratungspass.Passes.Recording;
using Beratungspass.Passes.Viewing;
using Beratungspass.Web.Infrastructure.Auth;
using Marten;
using NodaTime;

namespace Beratungspass.Web.Intake;

/// <summary>What a counsellor was shown: the visible history with the pass's referrals, its version for the next form, and the presence proof.</summary>
public sealed record HistoryShown(PassCard Card, PassHistory History, IReadOnlyList<Consent> Consents, string PresenceToken, long Version)
{
    /// <summary>Open referrals and results, as far as they do not name a service the client hid.</summary>
    public IReadOnlyList<global::Beratungspass.Referrals.ReferralCard> Referrals { get; init; } = [];
}

/// <summary>
/// The intake rules, one place for pages and API alike: the client's PIN (or the phone's rotating code)
/// proves presence; consent decides what the counsellor's institution may do; every display of the
/// history is recorded exactly once, in the same transaction that reads it.
/// </summary>
public sealed class IntakeDesk(IDocumentStore store, PinChecks pins, PresenceTokens presence, IClock clock)
{
    private static DateTimeZone Zone => MartenConfiguration.Zone;

    /// <summary>Checks the PIN typed by the client; throws for a wrong PIN or a locked pass, nothing else changes.</summary>
    public async Task<string> ConfirmPresenceAsync(PassCard card, Counsellor counsellor, string? pin, CancellationToken cancellation)
    {
        // No PIN at all is a faulty request, not a guess: it must not bring a client's pass closer to its lock.
        if (string.IsNullOrWhiteSpace(pin))
        {
            throw new CommandRejectedException(Rejection.PinMissing);
        }

        var check = await pins.CheckAsync(card.Id, pin, cancellation);
        return check.Outcome switch
        {
            PinCheckOutcome.Correct => presence.Issue(card.Id, counsellor.InstitutionId, counsellor.AccountId, ClientPresence.Pin),
            PinCheckOutcome.Locked => throw new CommandRejectedException(Rejection.PinLocked, check.LockedUntil?.ToString()),
            _ => throw new CommandRejectedException(Rejection.PinWrong, check.AttemptsLeft.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
    }

    public ClientPresence RequirePresence(PassCard card, Counsellor counsellor, string? presenceToken) =>
        presence.Read(presenceToken, card.Id, counsellor.InstitutionId, counsellor.AccountId)
        ?? throw new CommandRejectedException(Rejection.PresenceRequired);

    /// <summary>Records a consent the client confirmed with their PIN; returns a presence token for the rest of the intake.</summary>
    public async Task<string> GrantConsentAsync(PassCard card, Counsellor counsellor, GrantConsent command, string? pin, CancellationToken cancellation)
    {
        var presenceToken = await ConfirmPresenceAsync(card, counsellor, pin, cancellation);
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForExclusiveWriting<Pass>(card.Id, cancellation);
        stream.AppendOne(GrantConsentDecision.Decide(stream.Aggregate, command, clock.GetCurrentInstant(), Zone));
        await session.SaveChangesAsync(cancellation);
        return presenceToken;
    }

    /// <summary>Withdraws a consent, confirmed by the client's PIN like granting it.</summary>
    public async Task WithdrawConsentAsync(PassCard card, Counsellor counsellor, string consentId, string? pin, CancellationToken cancellation)
    {
        await ConfirmPresenceAsync(card, counsellor, pin, cancellation);
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForExclusiveWriting<Pass>(card.Id, cancellation);
        stream.AppendOne(WithdrawConsentDecision.Decide(stream.Aggregate,
            new WithdrawConsent(consentId, counsellor.InstitutionId, counsellor.Pseudonym), clock.GetCurrentInstant()));
        await session.SaveChangesAsync(cancellation);
    }

    /// <summary>Shows the history under a presence proof and records <see cref="HistoryViewed"/> for this one display.</summary>
    public async Task<HistoryShown> ShowHistoryAsync(PassCard card, Counsellor counsellor, string presenceToken, CancellationToken cancellation)
    {
        var shownPresence = RequirePresence(card, counsellor, presenceToken);
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForExclusiveWriting<Pass>(card.Id, cancellation);
        var viewed = ViewHistoryDecision.Decide(stream.Aggregate,
            new ViewHistory(counsellor.InstitutionId, counsellor.Pseudonym, ViewPurpose.Intake, shownPresence), clock.GetCurrentInstant(), Zone);
        stream.AppendOne(viewed);
        await session.SaveChangesAsync(cancellation);
        var history = (await session.LoadAsync<PassHistory>(card.Id, cancellation))!;
        return new HistoryShown(card, history, stream.Aggregate!.Consents, presenceToken, history.Version)
        {
            Referrals = await Web.Referrals.PassReferrals.OfAsync(session, history, cancellation),
        };
    }

    /// <summary>
    /// Validates a contact about to be recorded exactly as recording would (presence, consent, own
    /// service, date, topics), writes nothing, and returns its possible duplicates for the counsellor to confirm.
    /// </summary>
    public async Task<IReadOnlyList<PossibleDuplicate>> CheckContactAsync(PassCard card, Counsellor counsellor, string presenceToken, RecordContact command, CancellationToken cancellation)
    {
        RequirePresence(card, counsellor, presenceToken);
        await using var session = store.QuerySession();
        var institution = await session.LoadAsync<Institution>(counsellor.InstitutionId, cancellation)
            ?? throw new CommandRejectedException(Rejection.ServiceNotOfInstitution);
        var pass = await session.LoadAsync<Pass>(card.Id, cancellation);
        var now = clock.GetCurrentInstant();
        if (RecordContactDecision.Decide(pass, institution, command, now, Zone) is null)
        {
            return [];
        }

        var history = await session.LoadAsync<PassHistory>(card.Id, cancellation);
        return history is null ? [] : DuplicateCheck.Find(history, command.ServiceId, command.Topics, now.InZone(Zone).Date);
    }

    /// <summary>
    /// Records a contact while the client is present. Writers on one pass take turns (a row lock), so
    /// contacts recorded at once all land; a form built before a consent, card or visibility change is
    /// refused as changed meanwhile; a form sent twice records once.
    /// </summary>
    /// <returns>True when recorded now, false when this contact was already recorded.</returns>
    public async Task<bool> RecordContactAsync(PassCard card, Counsellor counsellor, string presenceToken, RecordContact command, long? formVersion, CancellationToken cancellation)
    {
        RequirePresence(card, counsellor, presenceToken);
        await using var session = store.LightweightSession();
        var institution = await session.LoadAsync<Institution>(counsellor.InstitutionId, cancellation)
            ?? throw new CommandRejectedException(Rejection.ServiceNotOfInstitution);
        var stream = await session.Events.FetchForExclusiveWriting<Pass>(card.Id, cancellation);
        if (formVersion is { } version && stream.CurrentVersion != version)
        {
            // A version the pass never reached was not shown on this pass: refused like a stale one, as reissuing does.
            if (version > stream.CurrentVersion)
            {
                throw new CommandRejectedException(Rejection.ChangedMeanwhile);
            }

            var since = await session.Events.FetchStreamAsync(card.Id, 0, null, version + 1, cancellation);
            if (!RecordContactDecision.StillValid(since.Select(e => e.Data)))
            {
                throw new CommandRejectedException(Rejection.ChangedMeanwhile);
            }
        }

        var recorded = RecordContactDecision.Decide(stream.Aggregate, institution, command, clock.GetCurrentInstant(), Zone);
        if (recorded is null)
        {
            return false;
        }

        stream.AppendOne(recorded);
        await session.SaveChangesAsync(cancellation);
        return true;
    }
}
