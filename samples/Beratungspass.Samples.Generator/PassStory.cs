using Beratungspass.Infrastructure;
using Beratungspass.Institutions;
using Beratungspass.Passes;
using Beratungspass.Passes.Consenting;
using Beratungspass.Passes.Hiding;
using Beratungspass.Passes.Issuing;
using Beratungspass.Passes.Recording;
using Beratungspass.Passes.Reissuing;
using Beratungspass.Passes.Viewing;
using NodaTime;

namespace Beratungspass.Samples.Generator;

/// <summary>The events of one pass, in stream order, and how many of each kind.</summary>
public sealed record PassEvents(string PassId, IReadOnlyList<object> Events, EventCounts Counts);

/// <summary>How many events of each kind a pass (or a whole run) holds.</summary>
public sealed record EventCounts(int Issued, int Consents, int Withdrawals, int Contacts, int Views, int Hidden, int Reissued)
{
    public static EventCounts Zero { get; } = new(0, 0, 0, 0, 0, 0, 0);

    public int Total => Issued + Consents + Withdrawals + Contacts + Views + Hidden + Reissued;

    public static EventCounts operator +(EventCounts a, EventCounts b) => new(
        a.Issued + b.Issued, a.Consents + b.Consents, a.Withdrawals + b.Withdrawals, a.Contacts + b.Contacts,
        a.Views + b.Views, a.Hidden + b.Hidden, a.Reissued + b.Reissued);
}

/// <summary>
/// Tells one pass's story from its plan: issued at the first service, a consent at the same visit, then
/// visits over the following months — the history looked at before many of them, the contact recorded —
/// now and then a lost card, a sensitive service hidden, a consent withdrawn. Every event comes out of the
/// domain's own decision for it, so the data holds only what the app itself could have recorded.
/// </summary>
public sealed class PassStory(KreisDirectory directory, int seed, LocalDate today)
{
    /// <summary>Share of visits (after the first) at which the counsellor looked at the history first.</summary>
    public const double ViewShare = 0.5;

    private const double HideShare = 0.6;
    private const double ReissueShare = 0.03;

    private static readonly DateTimeZone Zone = MartenConfiguration.Zone;

    private readonly Dictionary<string, Institution> institutions = directory.Institutions.ToDictionary(i => i.Id, StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> counsellors = Counsellors(directory, seed);

    public PassEvents Tell(PassPlan plan)
    {
        var random = Seeds.For(seed, plan.Index, Seeds.Story);
        var events = new List<object>(4 + plan.Contacts * 2);
        var counts = EventCounts.Zero;
        var first = plan.Services[0];

        var issuedAt = AtOfficeHours(plan.IssuedOn, random);
        var issuer = Counsellor(first.InstitutionId, random);
        var issued = IssuePassDecision.Decide(
            new IssuePass(plan.PassId, plan.Code, first.InstitutionId, plan.Language, plan.AgeBand, issuer), issuedAt);
        var pass = Pass.Create(issued);
        events.Add(issued);
        counts = counts with { Issued = 1 };

        string? consentId = null;
        if (plan.Consent != ConsentPlan.None)
        {
            consentId = random.NextHex(16);
            var listed = plan.Consent == ConsentPlan.ListedInstitutions;
            List<ConsentPurpose> purposes = [ConsentPurpose.ShowHistory, ConsentPurpose.RecordContacts];
            if (!listed || random.NextDouble() < 0.5)
            {
                purposes.Add(ConsentPurpose.Referrals);
            }

            if (!listed && random.NextDouble() < 0.85)
            {
                purposes.Add(ConsentPurpose.Statistics);
            }

            var granted = GrantConsentDecision.Decide(pass, new GrantConsent(
                consentId,
                listed ? ConsentScope.ListedInstitutions : ConsentScope.WholeNetwork,
                listed ? [.. plan.Services.Select(s => s.InstitutionId).Distinct()] : [],
                purposes,
                plan.IssuedOn.Plus(GrantConsentDecision.MaximumValidity),
                first.InstitutionId,
                issuer), issuedAt + Duration.FromMinutes(3), Zone);
            pass = pass.Apply(granted);
            events.Add(granted);
            counts = counts with { Consents = 1 };
        }

        var visits = Visits(plan, issuedAt, random);
        // A lost card is replaced at one of the later visits.
        Instant? reissueAt = visits.Count > 1 && random.NextDouble() < ReissueShare ? Between(issuedAt, visits[^1].At, random) : null;
        var topicsUsed = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var usedServices = new HashSet<string>(StringComparer.Ordinal);
        for (var v = 0; v < visits.Count; v++)
        {
            var (at, service) = visits[v];
            if (reissueAt is { } when && when <= at)
            {
                var reissued = ReissueCardDecision.Decide(pass, new ReissueCard(service.InstitutionId, Counsellor(service.InstitutionId, random)), when);
                pass = pass.Apply(reissued);
                events.Add(reissued);
                counts = counts with { Reissued = 1 };
                reissueAt = null;
            }

            var counsellor = Counsellor(service.InstitutionId, random);
            if (v > 0 && random.NextDouble() < ViewShare)
            {
                var viewed = ViewHistoryDecision.Decide(pass,
                    new ViewHistory(service.InstitutionId, counsellor, ViewPurpose.Intake, random.NextDouble() < 0.85 ? ClientPresence.Pin : ClientPresence.PhoneCode),
                    at - Duration.FromMinutes(random.Next(1, 5)), Zone);
                // A view changes nothing a decision looks at: the Pass snapshot does not fold it.
                events.Add(viewed);
                counts = counts with { Views = counts.Views + 1 };
            }

            var firstVisit = usedServices.Add(service.ServiceId);
            var recorded = RecordContactDecision.Decide(pass, institutions[service.InstitutionId], new RecordContact(
                random.NextHex(16), service.ServiceId, Topics(service, topicsUsed, random), at.InZone(Zone).Date,
                firstVisit ? ContactKind.First : ContactKind.FollowUp, counsellor), at, Zone)
                ?? throw new InvalidOperationException($"Contact drawn twice on pass {plan.Index}.");
            pass = pass.Apply(recorded);
            events.Add(recorded);
            counts = counts with { Contacts = counts.Contacts + 1 };

            if (firstVisit && service.Sensitive && random.NextDouble() < HideShare)
            {
                // The client asks, still at the desk, that this service stays out of what others see.
                var hidden = HideServiceDecision.Decide(pass, usedServices, new HideService(service.ServiceId, Hide: true), at + Duration.FromMinutes(5));
                if (hidden is ServiceHidden e)
                {
                    pass = pass.Apply(e);
                    events.Add(e);
                    counts = counts with { Hidden = counts.Hidden + 1 };
                }
            }
        }

        if (plan.Consent == ConsentPlan.WholeNetworkWithdrawn && consentId is not null)
        {
            var last = visits.Count > 0 ? visits[^1].At : issuedAt;
            var withdrawn = WithdrawConsentDecision.Decide(pass,
                new WithdrawConsent(consentId, first.InstitutionId, Counsellor(first.InstitutionId, random)),
                Between(last + Duration.FromMinutes(30), Zone.AtStartOfDay(today).ToInstant(), random));
            events.Add(withdrawn);
            counts = counts with { Withdrawals = 1 };
        }

        return new PassEvents(plan.PassId, events, counts);
    }

    /// <summary>
    /// The visits with a contact, in time order: the first at the issuing service right after issuing; each
    /// further service first visited at a random later visit; other visits mostly go back to the service of
    /// the visit before.
    /// </summary>
    private List<(Instant At, ServiceProfile Service)> Visits(PassPlan plan, Instant issuedAt, Random random)
    {
        var visits = new List<(Instant At, ServiceProfile Service)>(plan.Contacts);
        if (plan.Contacts == 0)
        {
            return visits;
        }

        // A counselling process runs for weeks to a year or more after the pass was issued, not evenly up to today.
        var days = Math.Clamp((int)(90 * random.NextLogNormal(0.8)), 1, Period.DaysBetween(plan.IssuedOn, today));
        var times = new List<Instant>(plan.Contacts - 1);
        for (var i = 1; i < plan.Contacts; i++)
        {
            var date = Weekday(() => plan.IssuedOn.PlusDays(random.Next(0, days)));
            var at = AtOfficeHours(date, random);
            times.Add(at > issuedAt ? at : issuedAt + Duration.FromMinutes(random.Next(20, 240)));
        }

        times.Sort();
        var services = plan.Services;
        var firstVisits = Enumerable.Range(1, plan.Contacts - 1).OrderBy(_ => random.Next()).Take(services.Count - 1).Order().ToList();
        var started = new List<ServiceProfile> { services[0] };
        visits.Add((issuedAt + Duration.FromMinutes(random.Next(10, 40)), services[0]));
        for (var i = 1; i < plan.Contacts; i++)
        {
            ServiceProfile service;
            var next = firstVisits.IndexOf(i);
            if (next >= 0)
            {
                service = services[next + 1];
                started.Add(service);
            }
            else
            {
                service = random.NextDouble() < 0.5 ? visits[^1].Service : started[random.Next(started.Count)];
            }

            visits.Add((times[i - 1], service));
        }

        return visits;
    }

    /// <summary>One to three topics from the service's profile; a follow-up often comes back to a topic from before.</summary>
    private static List<string> Topics(ServiceProfile service, Dictionary<string, List<string>> used, Random random)
    {
        var count = random.NextDouble() switch { < 0.55 => 1, < 0.90 => 2, _ => 3 };
        var topics = new List<string>(count);
        if (used.TryGetValue(service.ServiceId, out var before) && random.NextDouble() < 0.6)
        {
            topics.Add(before[random.Next(before.Count)]);
        }

        foreach (var topic in Weighted<string>.Distinct(service.Topics, count, random))
        {
            if (topics.Count < count && !topics.Contains(topic))
            {
                topics.Add(topic);
            }
        }

        if (before is null)
        {
            used[service.ServiceId] = [.. topics];
        }
        else
        {
            before.AddRange(topics.Where(t => !before.Contains(t)));
        }

        return topics;
    }

    private string Counsellor(string institutionId, Random random)
    {
        var pool = counsellors[institutionId];
        return pool[random.Next(pool.Length)];
    }

    /// <summary>Three to eight counsellors per institution, each under a pseudonym as accounts have.</summary>
    private static Dictionary<string, string[]> Counsellors(KreisDirectory directory, int seed)
    {
        var random = Seeds.For(seed, 0, Seeds.Directory);
        return directory.Institutions.ToDictionary(
            i => i.Id,
            i => Enumerable.Range(0, random.Next(3, 9)).Select(_ => "c-" + random.NextHex(5)).ToArray(),
            StringComparer.Ordinal);
    }

    /// <summary>Counselling happens on weekdays: a day drawn on a weekend is drawn again (a few times at most).</summary>
    internal static LocalDate Weekday(Func<LocalDate> draw)
    {
        var date = draw();
        for (var attempt = 0; attempt < 8 && date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday; attempt++)
        {
            date = draw();
        }

        return date;
    }

    private static Instant AtOfficeHours(LocalDate date, Random random) =>
        Zone.AtLeniently(date.At(new LocalTime(8, 0).PlusMinutes(random.Next(0, 8 * 60 + 30)))).ToInstant();

    private static Instant Between(Instant from, Instant to, Random random) =>
        to <= from ? from : from + Duration.FromSeconds((long)(random.NextDouble() * (to - from).TotalSeconds));
}
