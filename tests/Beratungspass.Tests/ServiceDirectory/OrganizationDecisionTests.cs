using Beratungspass.Infrastructure;
using Beratungspass.ServiceDirectory;
using static Beratungspass.Tests.ServiceDirectory.GivenDirectory;

namespace Beratungspass.Tests.ServiceDirectory;

public sealed class OrganizationDecisionTests
{
    [Fact]
    public void Creating_an_organization_records_who_when_and_what_under_its_name_based_id()
    {
        var details = Organization();

        var created = DirectoryDecisions.CreateOrganization(false, OrganizationId, null, details, Coordinator, Now);

        Assert.Equal(new OrganizationCreated(OrganizationId, HsdsIds.Organization(OrganizationId), details, Coordinator, Now), created);
    }

    [Fact]
    public void An_imported_organization_keeps_the_HSDS_id_it_came_with()
    {
        var imported = Guid.Parse("5f0c6a1e-2b7d-4c3e-9a8f-1d2e3f4a5b6c");

        var created = DirectoryDecisions.CreateOrganization(false, OrganizationId, imported, Organization(), Coordinator, Now);

        Assert.Equal(imported, created.HsdsId);
    }

    [Fact]
    public void An_organization_id_already_taken_is_refused()
    {
        var rejected = Assert.Throws<CommandRejectedException>(() =>
            DirectoryDecisions.CreateOrganization(true, OrganizationId, null, Organization(), Coordinator, Now));

        Assert.Equal(Rejection.DirectoryIdTaken, rejected.Reason);
        Assert.Equal(OrganizationId, rejected.Detail);
    }

    [Theory]
    [InlineData("AWO Unna")]
    [InlineData("awo unna")]
    [InlineData("aw")]
    [InlineData("-awo-unna")]
    [InlineData("awo/unna")]
    [InlineData("")]
    public void An_organization_id_that_is_not_a_slug_is_refused(string id)
    {
        var rejected = Assert.Throws<CommandRejectedException>(() =>
            DirectoryDecisions.CreateOrganization(false, id, null, Organization(), Coordinator, Now));

        Assert.Equal(Rejection.DirectoryIdInvalid, rejected.Reason);
    }

    [Fact]
    public void An_invalid_organization_is_refused_with_every_error_at_its_path()
    {
        var details = Organization() with
        {
            Name = " ",
            Description = "",
            Email = "keine-adresse",
            Website = "ftp://awo-unna.example",
            Phones = [new DirectoryPhone(Guid.NewGuid(), "bitte anrufen", null, ["xx"])],
            Locations =
            [
                Organization().Locations[0] with { Address = new PostalAddress("", "5942", "Dortmund"), Latitude = 91 },
                Organization().Locations[1] with { Id = MainLocation },
            ],
        };

        var invalid = Assert.Throws<InvalidDirectoryEntryException>(() =>
            DirectoryDecisions.CreateOrganization(false, OrganizationId, null, details, Coordinator, Now));

        Assert.Equal(
            [
                ("name", "required"), ("description", "required"), ("email", "email-invalid"), ("website", "website-invalid"),
                ("phones[0].number", "phone-invalid"), ("phones[0].languages[0]", "language-unknown"), ("locations[1].id", "id-duplicate"),
                ("locations[0].address.street", "required"), ("locations[0].address.postalCode", "postal-code-invalid"),
                ("locations[0].address.town", "town-unknown"), ("locations[0].latitude", "latitude-invalid"),
            ],
            invalid.Errors.Select(e => (e.Path, e.Code)));
        Assert.All(invalid.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.German) || string.IsNullOrWhiteSpace(e.English), e.Path));
    }

    [Fact]
    public void Markup_in_a_text_is_kept_as_the_text_it_is()
    {
        var details = Organization() with { Name = "<script>alert(1)</script>", Description = "<b>fett</b> & \"zitiert\" <img src=x onerror=alert(1)>" };

        var created = DirectoryDecisions.CreateOrganization(false, OrganizationId, null, details, Coordinator, Now);

        Assert.Equal("<script>alert(1)</script>", created.Details.Name);
        Assert.Equal("<b>fett</b> & \"zitiert\" <img src=x onerror=alert(1)>", created.Details.Description);
    }

    [Theory]
    [InlineData("AWO\0Unna")]
    [InlineData("AWO\u0007Unna")]
    [InlineData("AWO \u001b[31mUnna")]
    [InlineData("AWO\u007fUnna")]
    public void Control_characters_and_NUL_are_refused(string name)
    {
        var invalid = Assert.Throws<InvalidDirectoryEntryException>(() =>
            DirectoryDecisions.CreateOrganization(false, OrganizationId, null, Organization() with { Name = name }, Coordinator, Now));

        Assert.Equal("characters-invalid", Assert.Single(invalid.Errors, e => e.Path == "name").Code);
    }

    [Fact]
    public void Half_of_a_surrogate_pair_is_refused()
    {
        // Not as theory data: xunit would carry the broken text over as U+FFFD.
        var name = "AWO " + '\ud800' + "Unna";

        var invalid = Assert.Throws<InvalidDirectoryEntryException>(() =>
            DirectoryDecisions.CreateOrganization(false, OrganizationId, null, Organization() with { Name = name }, Coordinator, Now));

        Assert.Equal("characters-invalid", Assert.Single(invalid.Errors, e => e.Path == "name").Code);
    }

    [Fact]
    public void Line_breaks_and_tabs_in_a_description_are_text_a_person_types()
    {
        var details = Organization() with { Description = "Erste Zeile\r\nZweite Zeile\n\tEingerückt" };

        Assert.Equal(details, DirectoryDecisions.CreateOrganization(false, OrganizationId, null, details, Coordinator, Now).Details);
    }

    [Fact]
    public void Changing_an_organization_records_its_whole_new_state()
    {
        var details = Organization() with { Email = "info@awo-unna.example" };

        var changes = DirectoryDecisions.ChangeOrganization(GivenOrganization(OrganizationWasCreated()), details, [], Coordinator, Now);

        Assert.Equal([new OrganizationChanged(OrganizationId, details, Coordinator, Now)], changes);
    }

    [Fact]
    public void An_edit_that_changes_nothing_appends_nothing()
    {
        // A form posts the same values back as new objects: the decision compares what they say, not which objects they are.
        var changes = DirectoryDecisions.ChangeOrganization(GivenOrganization(OrganizationWasCreated()), Organization(), [], Coordinator, Now);

        Assert.Empty(changes);
    }

    [Fact]
    public void An_invalid_change_is_refused_with_its_errors()
    {
        var invalid = Assert.Throws<InvalidDirectoryEntryException>(() => DirectoryDecisions.ChangeOrganization(
            GivenOrganization(OrganizationWasCreated()), Organization() with { Website = "awo-unna.example" }, [], Coordinator, Now));

        var error = Assert.Single(invalid.Errors);
        Assert.Equal(("website", "website-invalid"), (error.Path, error.Code));
    }

    [Fact]
    public void Removing_a_location_that_an_active_service_still_names_is_refused()
    {
        var service = GivenService(ServiceWasCreated(Service(BranchLocation)));
        var withoutBranch = Organization() with { Locations = [Organization().Locations[0]] };

        var invalid = Assert.Throws<InvalidDirectoryEntryException>(() =>
            DirectoryDecisions.ChangeOrganization(GivenOrganization(OrganizationWasCreated()), withoutBranch, [service], Coordinator, Now));

        var error = Assert.Single(invalid.Errors);
        Assert.Equal(("locations[1]", "location-in-use"), (error.Path, error.Code));
        Assert.Contains("Migrationsberatung (MBE) AWO Unna", error.German, StringComparison.Ordinal);
    }

    [Fact]
    public void A_location_that_only_a_retired_service_named_can_be_removed()
    {
        var retired = GivenService(ServiceWasCreated(Service(BranchLocation)), ServiceWasRetired());
        var withoutBranch = Organization() with { Locations = [Organization().Locations[0]] };

        var changes = DirectoryDecisions.ChangeOrganization(GivenOrganization(OrganizationWasCreated()), withoutBranch, [retired], Coordinator, Now);

        Assert.IsType<OrganizationChanged>(Assert.Single(changes));
    }

    [Fact]
    public void Retiring_an_organization_with_active_services_is_refused_and_names_them()
    {
        var active = GivenService(ServiceWasCreated());

        var rejected = Assert.Throws<CommandRejectedException>(() =>
            DirectoryDecisions.RetireOrganization(GivenOrganization(OrganizationWasCreated()), [active], Coordinator, Now));

        Assert.Equal(Rejection.OrganizationHasActiveServices, rejected.Reason);
        Assert.Equal("Migrationsberatung (MBE) AWO Unna", rejected.Detail);
    }

    [Fact]
    public void An_organization_whose_services_are_all_retired_can_retire()
    {
        var retired = GivenService(ServiceWasCreated(), ServiceWasRetired());

        var retiredEvent = DirectoryDecisions.RetireOrganization(GivenOrganization(OrganizationWasCreated()), [retired], Coordinator, Now);

        Assert.Equal(new OrganizationRetired(OrganizationId, Coordinator, Now), retiredEvent);
    }

    [Fact]
    public void A_retired_organization_takes_no_more_changes()
    {
        var retired = GivenOrganization(OrganizationWasCreated(), OrganizationWasRetired());

        var changing = Assert.Throws<CommandRejectedException>(() =>
            DirectoryDecisions.ChangeOrganization(retired, Organization() with { Name = "AWO" }, [], Coordinator, Now));
        var retiring = Assert.Throws<CommandRejectedException>(() => DirectoryDecisions.RetireOrganization(retired, [], Coordinator, Now));

        Assert.Equal(Rejection.OrganizationRetired, changing.Reason);
        Assert.Equal(Rejection.OrganizationRetired, retiring.Reason);
    }

    [Fact]
    public void An_organization_that_does_not_exist_cannot_be_changed_or_retired()
    {
        Assert.Equal(Rejection.OrganizationNotFound, Assert.Throws<CommandRejectedException>(() =>
            DirectoryDecisions.ChangeOrganization(null, Organization(), [], Coordinator, Now)).Reason);
        Assert.Equal(Rejection.OrganizationNotFound, Assert.Throws<CommandRejectedException>(() =>
            DirectoryDecisions.RetireOrganization(null, [], Coordinator, Now)).Reason);
    }
}
