using Beratungspass.ServiceDirectory;
using Beratungspass.Topics;
using Beratungspass.Web.Infrastructure.Demo;

namespace Beratungspass.Tests.ServiceDirectory;

/// <summary>
/// The directory's HSDS ids are name-based UUIDs (RFC 9562 version 5). Exports and imports match entries by
/// them, so they must be right by the RFC, the same on every machine and release, and never shared.
/// </summary>
public sealed class HsdsIdsTests
{
    private static readonly Guid DnsNamespace = new("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

    [Fact]
    public void A_name_based_id_is_the_RFC_9562_version_5_UUID()
    {
        // The known answer for the DNS namespace and "www.example.com", as uuid tools (e.g. Python's uuid.uuid5) compute it.
        Assert.Equal(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"), HsdsIds.NameBased(DnsNamespace, "www.example.com"));
    }

    [Theory]
    [InlineData("kim-nord")]
    [InlineData("Fröndenberg/Ruhr")]
    [InlineData("")]
    public void Every_name_based_id_carries_version_5_and_the_RFC_variant(string name)
    {
        var text = HsdsIds.NameBased(HsdsIds.Namespace, name).ToString();

        Assert.Equal('5', text[14]);
        Assert.Contains(text[19], "89ab");
    }

    [Fact]
    public void The_ids_stay_what_earlier_exports_wrote()
    {
        // Pinned values, computed independently with Python's uuid.uuid5: a change here would make every stored
        // export and every partner's copy of the directory point nowhere.
        Assert.Equal(new Guid("ab7f1ea7-dae0-5fb5-9fb4-1eaff7a871f2"), HsdsIds.Namespace);
        Assert.Equal(new Guid("090af64b-c8c1-54a7-a63b-cea73dea817a"), HsdsIds.Organization("kim-nord"));
        Assert.Equal(new Guid("fa300779-a7c1-56db-b634-fde60da0fde7"), HsdsIds.Service("mbe-awo-unna"));
        Assert.Equal(new Guid("42e57205-6fa4-5136-ad6b-eaaa354213f7"), HsdsIds.Part(HsdsIds.Organization("mbe-awo-unna"), "location", 0));
        Assert.Equal(HsdsIds.NameBased(HsdsIds.Namespace, "taxonomy_term/psychosocial"), HsdsIds.TaxonomyTerm("psychosocial"));
        Assert.Equal(HsdsIds.NameBased(HsdsIds.Namespace, "taxonomy/beratungspass-topics"), HsdsIds.Taxonomy);
    }

    [Fact]
    public void The_same_name_gives_the_same_id_each_time()
    {
        Assert.Equal(HsdsIds.Organization("mbe-awo-unna"), HsdsIds.Organization("mbe-awo-unna"));
        Assert.Equal(HsdsIds.Part(HsdsIds.Service("mbe-awo-unna"), "phone", 0), HsdsIds.Part(HsdsIds.Service("mbe-awo-unna"), "phone", 0));
    }

    [Fact]
    public void An_organization_and_a_service_with_the_same_slug_get_different_ids()
    {
        // The JMD and its main office share the slug jmd-caritas-luenen.
        Assert.NotEqual(HsdsIds.Organization("jmd-caritas-luenen"), HsdsIds.Service("jmd-caritas-luenen"));
    }

    [Fact]
    public void Parts_and_links_differ_by_kind_index_owner_and_direction()
    {
        var organization = HsdsIds.Organization("mbe-awo-unna");
        var service = HsdsIds.Service("mbe-awo-unna");
        Guid[] ids =
        [
            HsdsIds.Part(organization, "location", 0), HsdsIds.Part(organization, "location", 1), HsdsIds.Part(organization, "phone", 0),
            HsdsIds.Part(service, "location", 0), HsdsIds.Link(organization, service, "service_at_location"),
            HsdsIds.Link(service, organization, "service_at_location"), HsdsIds.Link(organization, service, "attribute"),
            organization, service,
        ];

        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public void Every_taxonomy_term_has_an_id_of_its_own()
    {
        var ids = Taxonomy.Topics.Select(t => HsdsIds.TaxonomyTerm(t.Code)).Append(HsdsIds.Taxonomy).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void No_two_entries_or_parts_of_the_sample_directory_share_an_id()
    {
        var sample = DemoDirectory.Load();
        var ids = new List<Guid>();
        foreach (var organization in sample)
        {
            ids.Add(HsdsIds.Organization(organization.Id));
            ids.AddRange(organization.Details.Phones.Select(p => p.Id));
            ids.AddRange(organization.Details.Locations.Select(l => l.Id));
            foreach (var service in organization.Services)
            {
                ids.Add(HsdsIds.Service(service.Id));
                ids.AddRange(service.Details.Phones.Select(p => p.Id));
                ids.AddRange(service.Details.Locations.Select(l => l.Id));
                ids.AddRange(service.Details.Locations.SelectMany(l => l.Hours).Select(h => h.Id));
                ids.AddRange(service.StaffContacts.Select(c => c.Id));
            }
        }

        Assert.True(ids.Count > 300, $"only {ids.Count} ids");
        Assert.Empty(ids.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.DoesNotContain(Guid.Empty, ids);
    }
}
