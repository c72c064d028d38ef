using Beratungspass.Infrastructure;
using Beratungspass.Institutions;
using Beratungspass.Passes;
using Beratungspass.Passes.Presence;
using Beratungspass.Referrals;
using Beratungspass.Referrals.Coordinating;
using Beratungspass.Referrals.Requesting;
using Beratungspass.ServiceDirectory;
using Beratungspass.Web.Infrastructure.Auth;
using JasperFx;
using JasperFx.Events;
using Marten;
using NodaTime;

namespace Beratungspass.Web.Referrals;

/// <summary>A referral as one institution sees it in a list: the card and, for the referrer, whether its result is unseen.</summary>
public sealed record ReferralList(IReadOnlyList<ReferralCard> Referrals, int UnseenResults);

/// <summary>
/// The referral rules, one place for pages and API alike: a referral is made while the client is present (the
/// presence proof of the intake), under their consent to referrals and with their release from confidentiality;
/// every answer carries the version it was given on, so of two answers at once one wins and the other is told
/// the referral changed meanwhile. Either institution sees only its own referrals; a third learns nothing, not
/// even that a referral exists.
/// </summary>
public sealed partial class ReferralDesk(IDocumentStore store, PresenceTokens presence, IClock clock, Microsoft.Extensions.Options.IOptions<Notifying.NotificationOptions> notifications)
{
    /// <summary>How many closed referrals a list shows besides the open ones: the most recently changed.</summary>
    public const int ClosedShown = 50;

    private static DateTimeZone Zone => MartenConfiguration.Zone;

    /// <summary>
    /// Refers the present client on. The release is confirmed by the client's presence: its <c>ConfirmedBy</c> is
    /// taken from the presence proof, whatever the command says. A request sent again with the same referral id
    /// creates nothing and answers the referral made the first time.
    /// </summary>
    /// <returns>The referral's card, and whether it was created now.</returns>
    public async Task<(ReferralCard Card, bool Created)> RequestAsync(
        PassCard pass, Counsellor counsellor, string? presenceToken, RequestReferral command, CancellationToken cancellation)
    {
        var shownPresence = presence.Read(presenceToken, pass.Id, counsellor.InstitutionId, counsellor.AccountId)
            ?? throw new CommandRejectedException(Rejection.PresenceRequired);
        if (!ReferralStreams.TryNormalize(command.ReferralId, out var referralId))
        {
            throw new CommandRejectedException(Rejection.ReferralIdInvalid);
        }

        var key = ReferralStreams.Key(referralId);
        command = command with { ReferralId = referralId, Release = command.Release is { } release ? release with { ConfirmedBy = shownPresence } : null };
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<ReferralCard>(key, cancellation) is { } existing)
        {
            return (Replayed(existing, pass, counsellor), false);
        }

        var from = await session.LoadAsync<Institution>(counsellor.InstitutionId, cancellation)
            ?? throw new CommandRejectedException(Rejection.ReferringServiceNotYours);
        if (string.IsNullOrWhiteSpace(command.FromServiceId))
        {
            // As the contact form does: the institution's first-listed service, its main counselling service.
            command = command with { FromServiceId = from.Services.FirstOrDefault(s => !s.Retired)?.Id ?? "" };
        }

        var toService = string.IsNullOrWhiteSpace(command.ToServiceId)
            ? null
            : await session.LoadAsync<DirectoryService>(DirectoryStreams.Service(command.ToServiceId), cancellation);
        var toOrganization = toService is null
            ? null
            : await session.LoadAsync<DirectoryOrganization>(DirectoryStreams.Organization(toService.OrganizationId), cancellation);
        var passState = await session.LoadAsync<Pass>(pass.Id, cancellation);
        var now = clock.GetCurrentInstant();

        var requested = RequestReferralDecision.Decide(passState, from, toService, toOrganization, command, now.InZone(Zone).Date, now);
        session.Events.StartStream<Referral>(key, requested);
        Notify(session, Referral.Create(requested), requested, 1, now);
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (Marten.Exceptions.ExistingStreamIdCollisionException)
        {
            // The same request sent twice at the same moment: the other one created it.
            await using var query = store.QuerySession();
            var created = await query.LoadAsync<ReferralCard>(key, cancellation) ?? throw new CommandRejectedException(Rejection.ReferralIdTaken);
            return (Replayed(created, pass, counsellor), false);
        }

        return ((await session.LoadAsync<ReferralCard>(key, cancellation))!, true);
    }

    /// <summary>A referral id sent again is the same request only from the same institution about the same pass.</summary>
    private static ReferralCard Replayed(ReferralCard existing, PassCard pass, Counsellor counsellor) =>
        existing.PassId == pass.Id && existing.FromInstitutionId == counsellor.InstitutionId
            ? existing
            : throw new CommandRejectedException(Rejection.ReferralIdTaken);

    /// <summary>
    /// Takes a step of the referral's lifecycle (accept, reject, start, complete, fail, cancel, log another call).
    /// <paramref name="expectedVersion"/> is the version the counsellor saw: anything that happened since, other
    /// than the referrer having seen a result, answers "changed meanwhile"; so does losing a race with another answer.
    /// </summary>
    public async Task<ReferralCard> AnswerAsync(string referralId, Counsellor counsellor, ReferralCommand command, long expectedVersion, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var (key, stream) = await FetchAsync(session, referralId, counsellor, cancellation);
        var referral = stream.Aggregate!;
        if (expectedVersion != stream.CurrentVersion)
        {
            // A version the referral never reached was not shown to anyone: refused like a stale one.
            if (expectedVersion > stream.CurrentVersion || expectedVersion < 1)
            {
                throw new CommandRejectedException(Rejection.ChangedMeanwhile);
            }

            var since = await session.Events.FetchStreamAsync(key, 0, null, expectedVersion + 1, cancellation);
            if (!ReferralLifecycle.StillValid(since.Select(e => e.Data)))
            {
                throw new CommandRejectedException(Rejection.ChangedMeanwhile);
            }
        }

        var now = clock.GetCurrentInstant();
        if (command is LogCoordination log && !referral.IsClosed && referral.FromInstitutionId == counsellor.InstitutionId)
        {
            var toService = await session.LoadAsync<DirectoryService>(DirectoryStreams.Service(referral.ToServiceId), cancellation)
                ?? throw new CommandRejectedException(Rejection.ServiceNotFound);
            command = log with { Coordination = PhoneCoordinationRules.Check(log.Coordination, toService, now) };
        }

        var decided = ReferralLifecycle.Decide(referral, command, now);
        var version = (stream.CurrentVersion ?? 0) + 1;
        stream.AppendOne(decided);
        Notify(session, referral, decided, version, now);
        await session.SaveChangesAsync(cancellation);
        return (await session.LoadAsync<ReferralCard>(key, cancellation))!;
    }

    /// <summary>
    /// The referring institution saw the referral's latest result. With <paramref name="seenVersion"/>, a result that
    /// arrived after that version stays unseen. Recording it never stands in the way of an answer: when one lands at
    /// the same moment, the newer result simply stays unseen.
    /// </summary>
    /// <returns>True when a result was marked seen now.</returns>
    public async Task<bool> MarkResultSeenAsync(string referralId, Counsellor counsellor, long? seenVersion, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var (_, stream) = await FetchAsync(session, referralId, counsellor, cancellation);
        if (seenVersion is { } version && version != stream.CurrentVersion)
        {
            return false;
        }

        var seen = ReferralLifecycle.MarkResultSeen(stream.Aggregate!, counsellor.InstitutionId, counsellor.Pseudonym, clock.GetCurrentInstant());
        if (seen is null)
        {
            return false;
        }

        stream.AppendOne(seen);
        try
        {
            await session.SaveChangesAsync(cancellation);
            return true;
        }
        catch (ConcurrencyException)
        {
            return false;
        }
    }

    /// <summary>A referral the counsellor's institution is a side of.</summary>
    public async Task<ReferralCard> FindAsync(string referralId, Counsellor counsellor, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var card = ReferralStreams.TryNormalize(referralId, out var id)
            ? await session.LoadAsync<ReferralCard>(ReferralStreams.Key(id), cancellation)
            : null;
        return card is not null && IsSide(card.FromInstitutionId, card.ToInstitutionId, counsellor)
            ? card
            : throw new CommandRejectedException(Rejection.ReferralNotFound);
    }

    /// <summary>The receiving institution's referrals: every open one, oldest first, then the latest closed ones.</summary>
    public async Task<ReferralList> InboxAsync(Counsellor counsellor, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var institution = counsellor.InstitutionId;
        var open = await session.Query<ReferralCard>().Where(r => r.ToInstitutionId == institution && r.Open).ToListAsync(cancellation);
        var closed = await session.Query<ReferralCard>().Where(r => r.ToInstitutionId == institution && !r.Open)
            .OrderByDescending(r => r.StoredAt).Take(ClosedShown).ToListAsync(cancellation);
        return new ReferralList(Ordered(open, closed), 0);
    }

    /// <summary>The referring institution's referrals: every open one, every closed one with an unseen result, then the latest closed ones.</summary>
    public async Task<ReferralList> OutboxAsync(Counsellor counsellor, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var institution = counsellor.InstitutionId;
        var openOrUnseen = await session.Query<ReferralCard>().Where(r => r.FromInstitutionId == institution && (r.Open || r.ResultUnseen)).ToListAsync(cancellation);
        var closed = await session.Query<ReferralCard>().Where(r => r.FromInstitutionId == institution && !r.Open)
            .OrderByDescending(r => r.StoredAt).Take(ClosedShown).ToListAsync(cancellation);
        var all = openOrUnseen.Concat(closed).DistinctBy(r => r.Id).ToList();
        return new ReferralList(Ordered([.. all.Where(r => r.Open)], [.. all.Where(r => !r.Open)]), all.Count(r => r.ResultUnseen));
    }

    /// <summary>How many results the institution's referrers have not seen yet: the outbox badge, one indexed count.</summary>
    public async Task<int> UnseenResultsAsync(string institutionId, CancellationToken cancellation) =>
        (await BadgesAsync(institutionId, cancellation)).UnseenResults;

    /// <summary>
    /// The navigation's two badges — results the institution has not seen, referrals waiting for its answer —
    /// as two indexed counts in one round trip.
    /// </summary>
    public async Task<(int UnseenResults, int WaitingForAnswer)> BadgesAsync(string institutionId, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var batch = session.CreateBatchQuery();
        var unseen = batch.Query<ReferralCard>().Count(r => r.FromInstitutionId == institutionId && r.ResultUnseen);
        var waiting = batch.Query<ReferralCard>().Count(r => r.ToInstitutionId == institutionId && r.Status == ReferralStatus.Requested);
        await batch.Execute(cancellation);
        return ((int)await unseen, (int)await waiting);
    }

    /// <summary>Whether the referral is overdue now: no answer after two working days, or no outcome after fourteen days.</summary>
    public (bool Answer, bool Outcome) Overdue(ReferralCard card)
    {
        var now = clock.GetCurrentInstant();
        return (card.IsAnswerOverdue(now, Zone), card.IsOutcomeOverdue(now, Zone));
    }

    private static List<ReferralCard> Ordered(IEnumerable<ReferralCard> open, IEnumerable<ReferralCard> closed) =>
        [.. open.OrderBy(r => r.RequestedAt), .. closed.OrderByDescending(r => r.ClosedAt)];

    private static bool IsSide(string from, string to, Counsellor counsellor) => counsellor.InstitutionId == from || counsellor.InstitutionId == to;

    /// <summary>The referral for writing; a referral of other institutions answers as if it did not exist.</summary>
    private static async Task<(string Key, IEventStream<Referral> Stream)> FetchAsync(
        IDocumentSession session, string referralId, Counsellor counsellor, CancellationToken cancellation)
    {
        if (!ReferralStreams.TryNormalize(referralId, out var id))
        {
            throw new CommandRejectedException(Rejection.ReferralNotFound);
        }

        var key = ReferralStreams.Key(id);
        var stream = await session.Events.FetchForWriting<Referral>(key, cancellation);
        return stream.Aggregate is { } referral && IsSide(referral.FromInstitutionId, referral.ToInstitutionId, counsellor)
            ? (key, stream)
            : throw new CommandRejectedException(Rejection.ReferralNotFound);
    }
}
