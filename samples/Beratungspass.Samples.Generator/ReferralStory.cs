using Beratungspass.Infrastructure;
using Beratungspass.Institutions;
using Beratungspass.Passes;
using Beratungspass.Referrals;
using Beratungspass.Referrals.Requesting;
using Beratungspass.ServiceDirectory;
using NodaTime;

namespace Beratungspass.Samples.Generator;

/// <summary>The events of one referral, in stream order.</summary>
public sealed record ReferralEvents(string ReferralId, IReadOnlyList<object> Events, ReferralStatus Status);

/// <summary>How many referrals a run made, in which state, with how many events.</summary>
public sealed record ReferralCounts(int Referrals, int Events, IReadOnlyDictionary<ReferralStatus, int> ByStatus)
{
    public static ReferralCounts Of(IReadOnlyList<ReferralEvents> referrals) => new(
        referrals.Count, referrals.Sum(r => r.Events.Count), referrals.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count()));
}

/// <summary>
/// Referrals of generated passes: made at a visit by the service the client was at, to a service of another
/// institution the client went on to use (else one sharing a topic), after a phone call most of the time, and
/// then answered, worked on and closed over the following days as the receiving services do — the older the
/// referral, the likelier it is closed. Only passes whose consent covers referrals by that institution on that
/// day are referred; every event comes out of <see cref="RequestReferralDecision"/> and <see cref="ReferralLifecycle"/>.
/// </summary>
public sealed class ReferralStory(KreisDirectory directory, IReadOnlyDictionary<string, DirectoryService> services,
    IReadOnlyDictionary<string, DirectoryOrganization> organizations, int seed, LocalDate today)
{
    private static readonly DateTimeZone Zone = MartenConfiguration.Zone;

    private static readonly Weighted<ReferralOutcome> CompletedOutcomes = new([
        (ReferralOutcome.CounsellingTookPlace, 80), (ReferralOutcome.ClientDidNotCome, 10), (ReferralOutcome.ClientDeclined, 4),
        (ReferralOutcome.ReferredElsewhere, 3), (ReferralOutcome.NotResponsible, 2), (ReferralOutcome.NoCapacity, 1)]);

    private static readonly Weighted<ReferralOutcome> FailedOutcomes = new([
        (ReferralOutcome.ClientDidNotCome, 70), (ReferralOutcome.ClientDeclined, 15), (ReferralOutcome.NoCapacity, 8), (ReferralOutcome.ReferredElsewhere, 7)]);

    private static readonly Weighted<CoordinationResult> CallResults = new([
        (CoordinationResult.Agreed, 78), (CoordinationResult.NotReached, 14), (CoordinationResult.NoCapacity, 5), (CoordinationResult.NotResponsible, 3)]);

    private readonly Dictionary<string, Institution> institutions = directory.Institutions.ToDictionary(i => i.Id, StringComparer.Ordinal);
    private readonly Instant now = Zone.AtStartOfDay(today).ToInstant();

    /// <summary>
    /// <paramref name="count"/> referrals (fewer only if the passes offer too few visits to refer from), drawn over
    /// the visits of passes whose consent includes referrals, so a pass with many visits is referred more often.
    /// Passes are told again here (the story is deterministic), so no run holds all passes' events at once.
    /// </summary>
    public IReadOnlyList<ReferralEvents> Tell(IReadOnlyList<PassPlan> plans, PassStory story, int count)
    {
        var random = Seeds.For(seed, 0, Seeds.Referrals);
        var candidates = new List<(int Plan, int Event)>();
        for (var p = 0; p < plans.Count; p++)
        {
            var told = story.Tell(plans[p]);
            if (!told.Events.OfType<ConsentGranted>().Any(c => c.Purposes.Contains(ConsentPurpose.Referrals)))
            {
                continue;
            }

            for (var i = 0; i < told.Events.Count; i++)
            {
                if (told.Events[i] is ContactRecorded)
                {
                    candidates.Add((p, i));
                }
            }
        }

        // A random order of the candidates (the first twice as many as needed: some visits refer no one), then each pass told once.
        var wanted = Math.Min(candidates.Count, count * 2);
        for (var i = 0; i < wanted; i++)
        {
            var j = random.Next(i, candidates.Count);
            (candidates[i], candidates[j]) = (candidates[j], candidates[i]);
        }

        var made = new List<(int Rank, ReferralEvents Referral)>();
        foreach (var group in candidates.Take(wanted).Select((c, rank) => (c.Plan, c.Event, Rank: rank)).GroupBy(c => c.Plan).OrderBy(g => g.Key))
        {
            var told = story.Tell(plans[group.Key]);
            foreach (var (_, index, rank) in group)
            {
                if (TryRefer(told, index, Seeds.For(seed, rank, Seeds.Referrals)) is { } referral)
                {
                    made.Add((rank, referral));
                }
            }
        }

        return [.. made.OrderBy(m => m.Rank).Take(count).Select(m => m.Referral)];
    }

    private ReferralEvents? TryRefer(PassEvents passEvents, int contactIndex, Random random)
    {
        var contact = (ContactRecorded)passEvents.Events[contactIndex];
        var at = contact.RecordedAt + Duration.FromMinutes(random.Next(5, 40));
        if (at >= now)
        {
            return null;
        }

        var pass = Fold(passEvents.Events, contactIndex + 1);
        var date = at.InZone(Zone).Date;
        if (!pass.IsCoveredBy(contact.InstitutionId, ConsentPurpose.Referrals, date))
        {
            return null;
        }

        var target = Target(passEvents, contactIndex, contact, random);
        if (target is null || !organizations.TryGetValue(target.OrganizationId, out var organization))
        {
            return null;
        }

        var topics = contact.Topics.Where(target.Details.Topics.Contains).ToList();
        var referralId = random.NextHex(16);
        var by = "c-" + random.NextHex(5);
        var called = random.NextDouble() < 0.85;
        var request = new RequestReferral(
            referralId, contact.ServiceId, target.ServiceId, topics.Count > 0 ? topics : contact.Topics,
            called ? new PhoneCoordination("Sekretariat", null, at - Duration.FromMinutes(random.Next(10, 90)), CallResults.Next(random), null) : null,
            called ? null : "Klient:in war vor Ort, Dienst telefonisch nicht erreichbar",
            random.NextDouble() < 0.3 ? "Bitte um Rückmeldung" : null,
            new ConfidentialityRelease(ReleaseTextVersion.Current, pass.PreferredLanguage, random.NextDouble() < 0.9 ? ClientPresence.Pin : ClientPresence.PhoneCode),
            by);
        ReferralRequested requested;
        try
        {
            requested = RequestReferralDecision.Decide(pass, institutions[contact.InstitutionId], target, organization, request, date, at);
        }
        catch (CommandRejectedException)
        {
            // A service that takes no referrals (inactive) or a topic it does not list: this visit refers no one.
            return null;
        }

        var events = new List<object> { requested };
        var referral = Referral.Create(requested);
        var receiver = "c-" + random.NextHex(5);
        foreach (var (command, when) in Lifecycle(referral, receiver, by, at, random))
        {
            if (when >= now)
            {
                break;
            }

            var decided = ReferralLifecycle.Decide(referral, command, when);
            referral = Apply(referral, decided);
            events.Add(decided);
        }

        // Most results reach the referrer within a day; the rest wait, unread.
        if (referral.ResultUnseen && random.NextDouble() < 0.8)
        {
            var seenAt = (referral.ClosedAt ?? referral.AnsweredAt ?? at) + Duration.FromHours(random.Next(1, 30));
            if (seenAt < now && ReferralLifecycle.MarkResultSeen(referral, referral.FromInstitutionId, by, seenAt) is { } seen)
            {
                referral = Apply(referral, seen);
                events.Add(seen);
            }
        }

        return new ReferralEvents(referralId, events, referral.Status);
    }

    /// <summary>A service of another institution the client went on to use; else one sharing a topic of the visit.</summary>
    private DirectoryService? Target(PassEvents pass, int contactIndex, ContactRecorded contact, Random random)
    {
        var later = pass.Events.Skip(contactIndex + 1).OfType<ContactRecorded>()
            .FirstOrDefault(c => c.InstitutionId != contact.InstitutionId);
        if (later is not null && services.TryGetValue(later.ServiceId, out var used) && !used.Retired)
        {
            return used;
        }

        var sharing = services.Values
            .Where(s => s.OrganizationId != contact.InstitutionId && !s.Retired && s.Details.Topics.Any(contact.Topics.Contains))
            .OrderBy(s => s.ServiceId, StringComparer.Ordinal).ToList();
        return sharing.Count == 0 ? null : sharing[random.Next(sharing.Count)];
    }

    /// <summary>
    /// The steps the receiving service takes, with their times: most accept within two working days and close with
    /// an outcome within a few weeks; some reject, some referrers withdraw; a few answer late or never.
    /// </summary>
    private static IEnumerable<(ReferralCommand Command, Instant At)> Lifecycle(Referral r, string receiver, string referrer, Instant at, Random random)
    {
        var to = r.ToInstitutionId;
        var roll = random.NextDouble();
        var answeredAt = at + Duration.FromHours(random.NextDouble() < 0.85 ? random.Next(1, 40) : random.Next(48, 150));
        if (roll < 0.04)
        {
            yield return (new CancelReferral(r.FromInstitutionId, referrer, random.NextDouble() < 0.5 ? ReferralOutcome.ClientDeclined : ReferralOutcome.ReferredElsewhere, null),
                at + Duration.FromHours(random.Next(2, 100)));
            yield break;
        }

        if (roll < 0.06)
        {
            yield break; // never answered: overdue
        }

        if (roll < 0.18)
        {
            var reason = random.NextDouble() switch { < 0.5 => ReferralOutcome.NoCapacity, < 0.85 => ReferralOutcome.NotResponsible, _ => ReferralOutcome.ReferredElsewhere };
            yield return (new RejectReferral(to, receiver, reason, null), answeredAt);
            yield break;
        }

        yield return (new AcceptReferral(to, receiver), answeredAt);
        var startedAt = answeredAt + Duration.FromHours(random.Next(20, 24 * 10));
        if (random.NextDouble() < 0.12)
        {
            yield return (new FailReferral(to, receiver, FailedOutcomes.Next(random), null), answeredAt + Duration.FromDays(random.Next(7, 21)));
            yield break;
        }

        yield return (new StartReferral(to, receiver), startedAt);
        if (random.NextDouble() < 0.04)
        {
            yield break; // left in progress
        }

        yield return (new CompleteReferral(to, receiver, CompletedOutcomes.Next(random), null), startedAt + Duration.FromDays(random.Next(1, 20)));
    }

    private static Referral Apply(Referral referral, object e)
    {
        switch (e)
        {
            case PhoneCoordinationLogged x: referral.Apply(x); break;
            case ReferralAccepted x: referral.Apply(x); break;
            case ReferralRejected x: referral.Apply(x); break;
            case ReferralStarted x: referral.Apply(x); break;
            case ReferralCompleted x: referral.Apply(x); break;
            case ReferralFailed x: referral.Apply(x); break;
            case ReferralCancelled x: referral.Apply(x); break;
            case ReferralResultSeen x: referral.Apply(x); break;
            default: throw new ArgumentException($"Not a referral event: {e.GetType().Name}", nameof(e));
        }

        return referral;
    }

    /// <summary>The pass as its first <paramref name="count"/> events leave it.</summary>
    private static Pass Fold(IReadOnlyList<object> events, int count)
    {
        var pass = Pass.Create((PassIssued)events[0]);
        foreach (var e in events.Take(count).Skip(1))
        {
            pass = e switch
            {
                ConsentGranted x => pass.Apply(x),
                ConsentWithdrawn x => pass.Apply(x),
                CardReissued x => pass.Apply(x),
                ContactRecorded x => pass.Apply(x),
                ServiceHidden x => pass.Apply(x),
                ServiceShown x => pass.Apply(x),
                _ => pass,
            };
        }

        return pass;
    }
}
