using Beratungspass.Passes;
using NodaTime;

namespace Beratungspass.Samples.Generator;

public enum ConsentPlan
{
    /// <summary>Whole network, show history and record contacts among the purposes; still active.</summary>
    WholeNetwork,

    /// <summary>Whole network at first, withdrawn after the last contact.</summary>
    WholeNetworkWithdrawn,

    /// <summary>Only the institutions whose services the client goes on to use.</summary>
    ListedInstitutions,

    /// <summary>No consent: the pass was issued, nothing can be recorded on it.</summary>
    None,
}

/// <summary>What one pass will hold, decided before any event is made: who, since when, which services, how many contacts.</summary>
public sealed record PassPlan(
    int Index,
    string PassId,
    PassCode Code,
    ClientLanguage Language,
    AgeBand? AgeBand,
    LocalDate IssuedOn,
    ConsentPlan Consent,
    IReadOnlyList<ServiceProfile> Services,
    int Contacts);

/// <summary>
/// Plans every pass of a run. Contacts are shared out over all passes at once so the total is exact, in
/// proportion to a long-tailed weight (most passes a handful, a few families a hundred and more).
/// </summary>
public static class PassPlanner
{
    public const int Years = 2;
    public const int Days = 730;

    // Kreis Unna's counselling clients: mostly Ukrainian, Arabic, Turkish, Russian and Farsi speakers.
    private static readonly Weighted<ClientLanguage> Languages = new([
        (ClientLanguage.Uk, 25), (ClientLanguage.Ar, 22), (ClientLanguage.Tr, 12), (ClientLanguage.De, 12),
        (ClientLanguage.Ru, 10), (ClientLanguage.En, 10), (ClientLanguage.Fa, 9)]);

    // Null: the band is optional and sometimes not given.
    private static readonly Weighted<AgeBand?> AgeBands = new([
        (null, 8), (AgeBand.Under12, 3), (AgeBand.From12To17, 9), (AgeBand.From18To26, 22),
        (AgeBand.From27To44, 36), (AgeBand.From45To64, 18), (AgeBand.From65, 4)]);

    private static readonly Weighted<ConsentPlan> Consents = new([
        (ConsentPlan.WholeNetwork, 70), (ConsentPlan.WholeNetworkWithdrawn, 5), (ConsentPlan.ListedInstitutions, 12), (ConsentPlan.None, 13)]);

    // Distinct services per pass: most one to three, a long tail.
    private static readonly Weighted<int> ServiceCounts = new([
        (1, 44), (2, 28), (3, 14), (4, 7), (5, 3.5), (6, 1.7), (7, 0.8), (8, 0.5), (9, 0.3), (10, 0.2)]);

    public static IReadOnlyList<PassPlan> Plan(KreisDirectory directory, int passes, int contacts, int seed, LocalDate today)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var drafts = new Draft[passes];
        for (var i = 0; i < passes; i++)
        {
            var random = Seeds.For(seed, i, Seeds.Plan);
            var language = Languages.Next(random);
            var ageBand = AgeBands.Next(random);
            var consent = Consents.Next(random);

            // Dates over the last two years, more of them recent: half uniform, half rising towards today.
            var issuedOn = PassStory.Weekday(() =>
            {
                var daysAgo = random.NextDouble() < 0.5 ? random.Next(1, Days + 1) : 1 + (int)(Days * (1 - Math.Sqrt(random.NextDouble())));
                return today.PlusDays(-Math.Min(daysAgo, Days));
            });

            var eligible = directory.Services.Where(s => s.Serves(ageBand)).Select(s => (s, s.Popularity)).ToList();
            var wanted = consent == ConsentPlan.None ? 1 : ServiceCounts.Next(random);
            var services = Weighted<ServiceProfile>.Distinct(eligible, wanted, random);

            // Longer-held passes and passes with more services gather more contacts.
            var held = Period.DaysBetween(issuedOn, today) / (double)Days;
            var weight = consent == ConsentPlan.None ? 0 : services.Count * random.NextLogNormal(0.9) * (0.25 + held);

            var identity = Seeds.For(seed, i, Seeds.Identity);
            var passId = Seeds.Unique128(seed, i);
            var code = DrawCode(identity);
            while (!codes.Add(code.Value))
            {
                code = DrawCode(identity);
            }

            drafts[i] = new Draft(i, passId, code, language, ageBand, issuedOn, consent, services, weight);
        }

        var counts = ShareContacts(drafts, contacts);
        return [.. drafts.Select(d => new PassPlan(d.Index, d.PassId, d.Code, d.Language, d.AgeBand, d.IssuedOn, d.Consent, d.Services, counts[d.Index]))];
    }

    /// <summary>Each service a pass uses gets one contact; the rest go out in proportion to the weights (largest remainder, so the sum is exact).</summary>
    private static int[] ShareContacts(Draft[] drafts, int contacts)
    {
        var counts = drafts.Select(d => d.Consent == ConsentPlan.None ? 0 : d.Services.Count).ToArray();
        var minimum = counts.Sum(c => (long)c);

        // Fewer contacts than services in use (tiny custom sizes): passes give up services, then their consent.
        for (var sweep = 0; sweep < 10 && minimum > contacts; sweep++)
        {
            for (var i = 0; i < drafts.Length && minimum > contacts; i++)
            {
                if (counts[i] > 1)
                {
                    drafts[i] = drafts[i] with { Services = drafts[i].Services.Take(counts[i] - 1).ToList() };
                    counts[i]--;
                    minimum--;
                }
            }
        }

        for (var i = drafts.Length - 1; i >= 0 && minimum > contacts; i--)
        {
            if (counts[i] > 0)
            {
                drafts[i] = drafts[i] with { Consent = ConsentPlan.None, Weight = 0 };
                minimum -= counts[i];
                counts[i] = 0;
            }
        }

        var extra = contacts - minimum;
        var totalWeight = drafts.Sum(d => d.Weight);
        if (extra <= 0 || totalWeight <= 0)
        {
            return counts;
        }

        var remainders = new (double Remainder, int Index)[drafts.Length];
        long given = 0;
        for (var i = 0; i < drafts.Length; i++)
        {
            var share = extra * drafts[i].Weight / totalWeight;
            var whole = (int)Math.Floor(share);
            counts[i] += whole;
            given += whole;
            remainders[i] = (share - whole, i);
        }

        foreach (var (_, index) in remainders.Where(r => drafts[r.Index].Weight > 0).OrderByDescending(r => r.Remainder).ThenBy(r => r.Index).Take((int)(extra - given)))
        {
            counts[index]++;
        }

        return counts;
    }

    private static PassCode DrawCode(Random random)
    {
        Span<char> data = stackalloc char[PassCode.DataLength];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = PassCode.Alphabet[random.Next(PassCode.Alphabet.Length)];
        }

        // Exactly one of the 31 characters completes a valid code; let the domain's own parser find it.
        var prefix = new string(data);
        foreach (var check in PassCode.Alphabet)
        {
            var parsed = PassCode.Parse(prefix + check);
            if (parsed.IsValid)
            {
                return parsed.Code;
            }
        }

        throw new InvalidOperationException($"No check character completes {prefix}.");
    }

    private sealed record Draft(
        int Index, string PassId, PassCode Code, ClientLanguage Language, AgeBand? AgeBand, LocalDate IssuedOn,
        ConsentPlan Consent, List<ServiceProfile> Services, double Weight);
}
