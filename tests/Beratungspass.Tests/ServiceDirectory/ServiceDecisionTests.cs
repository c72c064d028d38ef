using Beratungspass.Infrastructure;
using Beratungspass.ServiceDirectory;
using NodaTime;
using static Beratungspass.Tests.ServiceDirectory.GivenDirectory;

namespace Beratungspass.Tests.ServiceDirectory;

public sealed class ServiceDecisionTests
{
    private static DirectoryOrganization Awo() => GivenOrganization(OrganizationWasCreated());

    [Fact]
    public void Creating_a_service_records_its_organization_details_and_staff_contacts()
    {
        var details = Service(MainLocation, BranchLocation);
        var staff = Staff();

        var created = DirectoryDecisions.CreateService(Awo(), false, ServiceId, null, details, staff, Coordinator, Now);

        Assert.Equal(new ServiceCreated(ServiceId, HsdsIds.Service(ServiceId), OrganizationId, details, staff, Coordinator, Now), created);
    }

    [Fact]
    public void A_service_id_already_taken_is_refused()
    {
        var rejected = Assert.Throws<CommandRejectedException>(() =>
            DirectoryDecisions.CreateService(Awo(), true, ServiceId, null, Service(), Staff(), Coordinator, Now));

        Assert.Equal(Rejection.DirectoryIdTaken, rejected.Reason);
    }

    [Theory]
    [InlineData("MBE AWO")]
    [InlineData("mbe_awo_unna!")]
    [InlineData("m")]
    public void A_service_id_that_is_not_a_slug_is_refused(string id)
    {
        var rejected = Assert.Throws<CommandRejectedException>(() =>
            DirectoryDecisions.CreateService(Awo(), false, id, null, Service(), Staff(), Coordinator, Now));

        Assert.Equal(Rejection.DirectoryIdInvalid, rejected.Reason);
    }

    [Fact]
    public void A_service_needs_an_organization_that_exists_and_is_not_retired()
    {
        var retired = GivenOrganization(OrganizationWasCreated(), OrganizationWasRetired());

        Assert.Equal(Rejection.OrganizationNotFound, Assert.Throws<CommandRejectedException>(() =>
            DirectoryDecisions.CreateService(null, false, ServiceId, null, Service(), Staff(), Coordinator, Now)).Reason);
        Assert.Equal(Rejection.OrganizationRetired, Assert.Throws<CommandRejectedException>(() =>
            DirectoryDecisions.CreateService(retired, false, ServiceId, null, Service(), Staff(), Coordinator, Now)).Reason);
    }

    [Fact]
    public void An_invalid_service_is_refused_with_every_error_at_its_path()
    {
        var opensLate = Service().Locations[0].Hours[0] with { Opens = new LocalTime(12, 0), Closes = new LocalTime(9, 0), Days = [] };
        var details = Service() with
        {
            Description = "",
            Email = "mbe(at)awo-unna.example",
            MinimumAge = 27,
            MaximumAge = 26,
            Topics = ["residence-law", "astrology", "residence-law"],
            Languages = ["de", "klingon"],
            Locations = [Service().Locations[0] with { Hours = [opensLate] }],
        };
        StaffContact[] staff = [new(Guid.NewGuid(), "", "Beraterin", null, "   ", null)];

        var invalid = Assert.Throws<InvalidDirectoryEntryException>(() =>
            DirectoryDecisions.CreateService(Awo(), false, ServiceId, null, details, staff, Coordinator, Now));

        Assert.Equal(
            [
                ("description", "required"), ("email", "email-invalid"), ("maximumAge", "age-range-inverted"),
                ("topics[1]", "topic-unknown"), ("topics[2]", "duplicate"), ("languages[1]", "language-unknown"),
                ("locations[0].hours[0].days", "days-missing"), ("locations[0].hours[0].closes", "hours-inverted"),
                ("staffContacts[0].name", "required"), ("staffContacts[0].email", "email-invalid"), ("staffContacts[0].phone", "contact-unreachable"),
            ],
            invalid.Errors.Select(e => (e.Path, e.Code)));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(121)]
    public void An_age_outside_0_to_120_is_refused(int age)
    {
        var invalid = Assert.Throws<InvalidDirectoryEntryException>(() =>
            DirectoryDecisions.CreateService(Awo(), false, ServiceId, null, Service() with { MinimumAge = age, MaximumAge = null }, Staff(), Coordinator, Now));

        Assert.Equal(("minimumAge", "age-invalid"), (invalid.Errors[0].Path, invalid.Errors[0].Code));
    }

    [Fact]
    public void A_service_naming_a_location_of_another_organization_is_refused()
    {
        var elsewhere = HsdsIds.Part(HsdsIds.Organization("caritas-kreis-unna"), "location", 0);

        var invalid = Assert.Throws<InvalidDirectoryEntryException>(() =>
            DirectoryDecisions.CreateService(Awo(), false, ServiceId, null, Service(MainLocation, elsewhere), Staff(), Coordinator, Now));

        var error = Assert.Single(invalid.Errors);
        Assert.Equal(("locations[1].locationId", "location-unknown"), (error.Path, error.Code));
    }

    [Fact]
    public void A_service_cannot_name_the_same_location_twice()
    {
        var invalid = Assert.Throws<InvalidDirectoryEntryException>(() =>
            DirectoryDecisions.CreateService(Awo(), false, ServiceId, null, Service(MainLocation, MainLocation), Staff(), Coordinator, Now));

        Assert.Contains(invalid.Errors, e => (e.Path, e.Code) == ("locations[1]", "duplicate"));
    }

    [Fact]
    public void Markup_in_a_service_text_is_kept_as_the_text_it_is()
    {
        var details = Service() with { Name = "<script>alert(1)</script>", EligibilityDescription = "<a href=\"javascript:alert(1)\">hier</a>" };
        StaffContact[] staff = [Staff()[0] with { Name = "</td><script>alert(1)</script>" }];

        var created = DirectoryDecisions.CreateService(Awo(), false, ServiceId, null, details, staff, Coordinator, Now);

        Assert.Equal("<script>alert(1)</script>", created.Details.Name);
        Assert.Equal("<a href=\"javascript:alert(1)\">hier</a>", created.Details.EligibilityDescription);
        Assert.Equal("</td><script>alert(1)</script>", created.StaffContacts[0].Name);
    }

    [Theory]
    [InlineData("\0")]
    [InlineData("\u0001")]
    [InlineData("\u0085")]
    public void Control_characters_and_NUL_in_a_service_are_refused_wherever_they_are(string control)
    {
        var details = Service() with { Description = "Beratung" + control, ApplicationProcess = control + "Anrufen" };
        StaffContact[] staff = [Staff()[0] with { Reachable = "Mo" + control }];

        var invalid = Assert.Throws<InvalidDirectoryEntryException>(() =>
            DirectoryDecisions.CreateService(Awo(), false, ServiceId, null, details, staff, Coordinator, Now));

        Assert.Equal(
            [("description", "characters-invalid"), ("applicationProcess", "characters-invalid"), ("staffContacts[0].reachable", "characters-invalid")],
            invalid.Errors.Select(e => (e.Path, e.Code)));
    }

    [Fact]
    public void A_new_service_cannot_start_out_defunct()
    {
        var rejected = Assert.Throws<CommandRejectedException>(() => DirectoryDecisions.CreateService(
            Awo(), false, ServiceId, null, Service() with { Status = ServiceStatus.Defunct }, Staff(), Coordinator, Now));

        Assert.Equal(Rejection.RetireInsteadOfDefunct, rejected.Reason);
    }

    [Fact]
    public void Changing_a_service_records_its_whole_new_state()
    {
        var details = Service() with { Status = ServiceStatus.TemporarilyClosed };
        var staff = Staff();

        var changes = DirectoryDecisions.ChangeService(GivenService(ServiceWasCreated()), Awo(), details, staff, Coordinator, Now);

        Assert.Equal([new ServiceChanged(ServiceId, OrganizationId, details, staff, Coordinator, Now)], changes);
    }

    [Fact]
    public void A_change_of_the_staff_contacts_alone_is_a_change()
    {
        StaffContact[] staff = [.. Staff(), new(Guid.NewGuid(), "Karim Haddad", "Migrationsberater", "0221 4710 211", null, "Di–Fr 8:30–9:30")];

        var changes = DirectoryDecisions.ChangeService(GivenService(ServiceWasCreated()), Awo(), Service(), staff, Coordinator, Now);

        Assert.Equal(2, Assert.IsType<ServiceChanged>(Assert.Single(changes)).StaffContacts.Count);
    }

    [Fact]
    public void An_edit_that_changes_nothing_appends_nothing()
    {
        var changes = DirectoryDecisions.ChangeService(GivenService(ServiceWasCreated()), Awo(), Service(), Staff(), Coordinator, Now);

        Assert.Empty(changes);
    }

    [Fact]
    public void Setting_the_status_to_defunct_by_an_edit_is_refused_retiring_is_the_way()
    {
        var rejected = Assert.Throws<CommandRejectedException>(() => DirectoryDecisions.ChangeService(
            GivenService(ServiceWasCreated()), Awo(), Service() with { Status = ServiceStatus.Defunct }, Staff(), Coordinator, Now));

        Assert.Equal(Rejection.RetireInsteadOfDefunct, rejected.Reason);
    }

    [Fact]
    public void A_change_naming_a_location_of_another_organization_is_refused()
    {
        var elsewhere = HsdsIds.Part(HsdsIds.Organization("drk-kreis-unna"), "location", 0);

        var invalid = Assert.Throws<InvalidDirectoryEntryException>(() => DirectoryDecisions.ChangeService(
            GivenService(ServiceWasCreated()), Awo(), Service(elsewhere), Staff(), Coordinator, Now));

        Assert.Equal(("locations[0].locationId", "location-unknown"), (invalid.Errors[0].Path, invalid.Errors[0].Code));
    }

    [Fact]
    public void Retiring_a_service_records_who_and_when()
    {
        var retired = DirectoryDecisions.RetireService(GivenService(ServiceWasCreated()), Coordinator, Now);

        Assert.Equal(new ServiceRetired(ServiceId, OrganizationId, Coordinator, Now), retired);
    }

    [Fact]
    public void A_retired_service_is_defunct_and_cannot_be_changed_or_retired_again()
    {
        var retired = GivenService(ServiceWasCreated(), ServiceWasRetired());

        var changing = Assert.Throws<CommandRejectedException>(() =>
            DirectoryDecisions.ChangeService(retired, Awo(), Service() with { Name = "MBE neu" }, Staff(), Coordinator, Now));
        var retiring = Assert.Throws<CommandRejectedException>(() => DirectoryDecisions.RetireService(retired, Coordinator, Now));

        Assert.Equal(ServiceStatus.Defunct, retired.Details.Status);
        Assert.Equal((Rejection.ServiceRetired, ServiceId), (changing.Reason, changing.Detail));
        Assert.Equal(Rejection.ServiceRetired, retiring.Reason);
    }

    [Fact]
    public void Even_an_edit_that_would_change_nothing_is_refused_on_a_retired_service()
    {
        var retired = GivenService(ServiceWasCreated(), ServiceWasRetired());

        var rejected = Assert.Throws<CommandRejectedException>(() =>
            DirectoryDecisions.ChangeService(retired, Awo(), Service(), Staff(), Coordinator, Now));

        Assert.Equal(Rejection.ServiceRetired, rejected.Reason);
    }

    [Fact]
    public void A_service_that_does_not_exist_cannot_be_changed_or_retired()
    {
        Assert.Equal(Rejection.ServiceNotFound, Assert.Throws<CommandRejectedException>(() =>
            DirectoryDecisions.ChangeService(null, Awo(), Service(), Staff(), Coordinator, Now)).Reason);
        Assert.Equal(Rejection.ServiceNotFound, Assert.Throws<CommandRejectedException>(() =>
            DirectoryDecisions.RetireService(null, Coordinator, Now)).Reason);
    }

    [Fact]
    public void The_projected_service_follows_its_events()
    {
        var service = GivenService(
            ServiceWasCreated(),
            new ServiceChanged(ServiceId, OrganizationId, Service() with { Topics = ["psychosocial"] }, [], "admin", Now));

        Assert.Equal(("admin", Now, true), (service.LastModifiedBy, service.LastModified, service.Sensitive));
        Assert.Empty(service.StaffContacts);
        Assert.Equal(Earlier, service.Created);
    }
}
