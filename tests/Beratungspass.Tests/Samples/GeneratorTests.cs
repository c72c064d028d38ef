using Beratungspass.Infrastructure;
using Beratungspass.Passes;
using Beratungspass.Passes.Pins;
using Beratungspass.Samples.Generator;
using Beratungspass.Tokens.KeyRing;
using Marten;
using NodaTime;
using Npgsql;

namespace Beratungspass.Tests.Samples;

public sealed class GeneratorTests(TestPostgres postgres)
{
    private static readonly LocalDate Today = new(2026, 11, 25);

    [Fact]
    public void The_same_seed_plans_the_same_passes_with_exactly_the_contacts_asked_for()
    {
        var directory = KreisDirectory.Load();

        var first = PassPlanner.Plan(directory, 400, 3000, 7, Today);
        var again = PassPlanner.Plan(directory, 400, 3000, 7, Today);
        var other = PassPlanner.Plan(directory, 400, 3000, 8, Today);

        Assert.Equal(first.Select(p => (p.PassId, p.Code, p.Contacts)), again.Select(p => (p.PassId, p.Code, p.Contacts)));
        Assert.NotEqual(first.Select(p => p.PassId), other.Select(p => p.PassId));
        Assert.Equal(3000, first.Sum(p => p.Contacts));
        Assert.Equal(400, first.Select(p => p.Code.Value).Distinct().Count());
        Assert.All(first, p => Assert.All(p.Services, s => Assert.True(s.Serves(p.AgeBand), $"{s.ServiceId} does not serve {p.AgeBand}")));
        Assert.All(first, p => Assert.InRange(p.IssuedOn, Today.PlusDays(-PassPlanner.Days), Today.PlusDays(-1)));
    }

    [Fact]
    public void Every_generated_event_is_one_the_domain_decisions_allow()
    {
        var directory = KreisDirectory.Load();
        var story = new PassStory(directory, 11, Today);

        // Tell throws as soon as a decision refuses (no consent, a foreign service, a date out of range).
        var told = PassPlanner.Plan(directory, 300, 2500, 11, Today).Select(story.Tell).ToList();

        var contacts = told.SelectMany(t => t.Events).OfType<ContactRecorded>().ToList();
        Assert.Equal(2500, contacts.Count);
        Assert.All(told, t => Assert.IsType<PassIssued>(t.Events[0]));
        Assert.All(contacts, c => Assert.True(c.Date < Today));
        Assert.Equal(told.Sum(t => t.Events.Count), told.Sum(t => t.Counts.Total));
    }

    [Fact]
    public async Task Generated_passes_load_with_documents_that_match_their_events_and_open_with_the_shared_pin()
    {
        var connectionString = await postgres.NewDatabaseAsync(nameof(GeneratorTests));
        var keys = new KeyEncryptionKeys(KeyEncryptionKeys.Generate());
        var options = GeneratorOptions.Kreis with { Preset = "custom", Passes = 150, Contacts = 1200, Referrals = 40, Seed = 3, Today = Today, BatchSize = 40 };

        var summary = await KreisGenerator.GenerateAsync(options, connectionString, keys, TextWriter.Null, TestContext.Current.CancellationToken);

        Assert.Equal(150, summary.Passes);
        Assert.Equal(1200, summary.Events.Contacts);
        await using var store = DocumentStore.For(o => MartenConfiguration.Configure(o, connectionString));
        await using var session = store.QuerySession();
        var histories = await session.Query<PassHistory>().ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(150, histories.Count);
        Assert.Equal(1200, histories.Sum(h => h.Services.Sum(s => s.Contacts)));
        Assert.Equal(summary.Events.Views, histories.Sum(h => h.Views.Count));

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var current = new NpgsqlCommand(
            $"SELECT count(*) FROM {MartenConfiguration.SchemaName}.mt_streams s JOIN {MartenConfiguration.SchemaName}.mt_doc_passhistory h ON h.id = s.id WHERE (h.data->>'version')::bigint = s.version",
            connection);
        Assert.Equal(150L, await current.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        Assert.Equal(150, await session.Query<PassCard>().CountAsync(TestContext.Current.CancellationToken));

        // Referrals: as many as asked, only of passes whose consent includes referrals, in a mix of states, each closed one with its outcome.
        Assert.Equal(40, summary.Referrals.Referrals);
        var cards = await session.Query<Beratungspass.Referrals.ReferralCard>().ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(40, cards.Count);
        Assert.True(summary.Referrals.ByStatus.Count >= 3, string.Join(", ", summary.Referrals.ByStatus));
        Assert.All(cards.Where(c => !c.Open), c => Assert.NotNull(c.Outcome));
        Assert.All(cards, c => Assert.NotEqual(c.FromInstitutionId, c.ToInstitutionId));
        foreach (var card in cards)
        {
            var pass = await session.LoadAsync<Pass>(card.PassId, TestContext.Current.CancellationToken);
            Assert.Contains(pass!.Consents, c => c.Purposes.Contains(ConsentPurpose.Referrals));
        }

        var services = new ServiceCollection();
        services.AddSingleton<IDocumentStore>(store);
        services.AddBeratungspassDataProtection(keys);
        await using var provider = services.BuildServiceProvider();
        var pin = await session.LoadAsync<PassPin>(histories[0].Id, TestContext.Current.CancellationToken);
        Assert.True(provider.GetRequiredService<PinVault>().Verify(KreisGenerator.Pin, pin!.Hash));
    }
}
