using Beratungspass.Infrastructure;
using Beratungspass.Institutions;
using Beratungspass.Passes;
using Beratungspass.Referrals;
using Beratungspass.Referrals.Requesting;
using Beratungspass.ServiceDirectory;
using NodaTime;
using static Beratungspass.Tests.Passes.GivenEvents;

namespace Beratungspass.Tests.Referrals.Requesting;

/// <summary>The rules of a referral, decided without a database: given a pass, both institutions and the command, then the event or the refusal.</summary>
public sealed class RequestReferralDecisionTests
{
    private const string ReferralId = "5f0c2a1e9b8d4c7a8e6f1d2c3b4a5968";
    private static readonly Instant Now = IssuedAt.Plus(Duration.FromDays(1));
    private static readonly LocalDate Today = Now.InZone(MartenConfiguration.Zone).Date;
    private static readonly LocalDate ValidUntil = Today.PlusYears(1);
    private static readonly Guid StaffContactId = new("5a6b7c8d-9eaf-50b1-c2d3-4e5f60718293");

    private static readonly Institution Awo = new()
    {
        Id = "mbe-awo-unna",
        Name = "Migrationsberatung AWO Unna",
        Town = "Unna",
        Services = [new InstitutionService { Id = "mbe-awo-unna", Name = "MBE" }, new InstitutionService { Id = "awo-old", Name = "Alt", Retired = true }],
    };

    private static DirectoryService Jmd(ServiceStatus status = ServiceStatus.Active, string organization = "jmd-caritas-luenen") => new()
    {
        Id = DirectoryStreams.Service("jmd-caritas-luenen"),
        ServiceId = "jmd-caritas-luenen",
        OrganizationId = organization,
        Details = new ServiceDetails("Jugendmigrationsdienst Lünen", null, "Beratung für junge Menschen.", status, null, null, null, 12, 26, null, null,
            ["education"], ["de"], [], []),
        StaffContacts = [new StaffContact(StaffContactId, "Erika Beispiel", "Teamleitung", "02306 123", null, "Mo–Do 8–9 Uhr")],
    };

    private static DirectoryOrganization JmdOrganization(bool retired = false, string id = "jmd-caritas-luenen") => new()
    {
        Id = DirectoryStreams.Organization(id),
        OrganizationId = id,
        Details = new OrganizationDetails("JMD Caritas Lünen", null, "Jugendmigrationsdienst.", null, null, [], []),
        Retired = retired,
    };

    private static Pass ConsentingPass(params ConsentPurpose[] purposes) =>
        Given(Issued(), Granted("c1", ConsentScope.WholeNetwork, [], ValidUntil, purposes.Length == 0 ? [ConsentPurpose.Referrals] : purposes))!;

    private static readonly ConfidentialityRelease Release = new(ReleaseTextVersion.Current, ClientLanguage.Ar, ClientPresence.Pin);

    private static RequestReferral Command(
        PhoneCoordination? coordination = null, string? skipped = null, string[]? topics = null, string? note = null,
        ConfidentialityRelease? release = null, bool withoutRelease = false, string referralId = ReferralId, string fromService = "mbe-awo-unna") =>
        new(referralId, fromService, "jmd-caritas-luenen", topics ?? ["education", "work", "education"],
            coordination ?? (skipped is null ? new PhoneCoordination("  Frau Beispiel ", null, Now.Minus(Duration.FromMinutes(20)), CoordinationResult.Agreed, " Termin Di. ") : null),
            skipped, note, withoutRelease ? null : release ?? Release, "c-0a1b2c3d4e");

    private static ReferralRequested Decide(RequestReferral command, Pass? pass = null, DirectoryService? to = null, DirectoryOrganization? organization = null) =>
        RequestReferralDecision.Decide(pass ?? ConsentingPass(), Awo, to ?? Jmd(), organization ?? JmdOrganization(), command, Today, Now);

    private static Rejection Refused(RequestReferral command, Pass? pass = null, DirectoryService? to = null, DirectoryOrganization? organization = null) =>
        Assert.Throws<CommandRejectedException>(() => Decide(command, pass, to, organization)).Reason;

    [Fact]
    public void A_referral_names_the_pass_both_sides_the_sorted_topics_the_call_and_the_release()
    {
        var requested = Decide(Command());

        Assert.Equal(ReferralId, requested.ReferralId);
        Assert.Equal((SomePassId, "DEM2KARTS"), (requested.PassId, requested.PassCode));
        Assert.Equal(("mbe-awo-unna", "mbe-awo-unna", "jmd-caritas-luenen", "jmd-caritas-luenen"),
            (requested.FromInstitutionId, requested.FromServiceId, requested.ToInstitutionId, requested.ToServiceId));
        Assert.Equal(["education", "work"], requested.Topics);
        Assert.Equal(new PhoneCoordination("Frau Beispiel", null, Now.Minus(Duration.FromMinutes(20)), CoordinationResult.Agreed, "Termin Di."), requested.Coordination);
        Assert.Null(requested.CoordinationSkippedBecause);
        Assert.Equal(Release, requested.Release);
        Assert.Equal(("c-0a1b2c3d4e", Now), (requested.RequestedBy, requested.RequestedAt));
    }

    [Fact]
    public void A_UUID_with_hyphens_in_capitals_is_kept_as_32_lower_case_hex_digits()
    {
        var requested = Decide(Command(referralId: "5F0C2A1E-9B8D-4C7A-8E6F-1D2C3B4A5968"));

        Assert.Equal(ReferralId, requested.ReferralId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("r-1")]
    [InlineData("00000000000000000000000000000000")]
    [InlineData("5f0c2a1e9b8d4c7a8e6f1d2c3b4a596")]
    [InlineData("5f0c2a1e9b8d4c7a8e6f1d2c3b4a5968 ")]
    [InlineData("zf0c2a1e9b8d4c7a8e6f1d2c3b4a5968")]
    public void An_id_that_is_not_128_random_bits_is_refused(string id) =>
        Assert.Equal(Rejection.ReferralIdInvalid, Refused(Command(referralId: id)));

    [Fact]
    public void A_call_to_one_of_the_services_staff_contacts_keeps_that_persons_name()
    {
        var requested = Decide(Command(new PhoneCoordination("", StaffContactId, Now, CoordinationResult.Agreed, null)));

        Assert.Equal(("Erika Beispiel", (Guid?)StaffContactId), (requested.Coordination!.Reached, requested.Coordination.StaffContactId));
    }

    [Fact]
    public void Without_a_call_the_reason_is_recorded_instead()
    {
        var requested = Decide(Command(skipped: "  Dringend, Stelle telefonisch nicht erreichbar  "));

        Assert.Null(requested.Coordination);
        Assert.Equal("Dringend, Stelle telefonisch nicht erreichbar", requested.CoordinationSkippedBecause);
    }

    [Fact]
    public void Without_a_consent_to_referrals_for_this_institution_nothing_is_referred()
    {
        Assert.Equal(Rejection.ConsentMissing, Refused(Command(), ConsentingPass(ConsentPurpose.ShowHistory, ConsentPurpose.RecordContacts)));
        Assert.Equal(Rejection.ConsentMissing, Refused(Command(),
            Given(Issued(), Granted("c1", ConsentScope.ListedInstitutions, ["jmd-caritas-luenen"], ValidUntil, ConsentPurpose.Referrals))));
        Assert.Equal(Rejection.ConsentMissing, Refused(Command(),
            Given(Issued(), Granted("c1", ConsentScope.WholeNetwork, [], ValidUntil, ConsentPurpose.Referrals), Withdrawn("c1"))));
        Assert.Equal(Rejection.PassNotFound, Assert.Throws<CommandRejectedException>(() =>
            RequestReferralDecision.Decide(null, Awo, Jmd(), JmdOrganization(), Command(), Today, Now)).Reason);
    }

    [Fact]
    public void Without_the_release_or_with_an_older_release_text_nothing_is_referred()
    {
        Assert.Equal(Rejection.ReleaseMissing, Refused(Command(withoutRelease: true)));
        Assert.Equal(Rejection.ReleaseTextOutdated, Refused(Command(release: Release with { TextVersion = "2025-1" })));
        Assert.Equal(Rejection.ReleaseMissing, Refused(Command(release: Release with { Language = (ClientLanguage)42 })));
    }

    [Fact]
    public void A_referral_goes_only_to_an_active_service_of_another_institution_still_in_the_network()
    {
        Assert.Equal(Rejection.ReferralToOwnInstitution, Refused(Command(), to: Jmd(organization: "mbe-awo-unna"), organization: JmdOrganization(id: "mbe-awo-unna")));
        Assert.Equal(Rejection.ServiceRetired, Refused(Command(), to: Jmd(ServiceStatus.Defunct)));
        Assert.Equal(Rejection.ServiceNotActive, Refused(Command(), to: Jmd(ServiceStatus.Inactive)));
        Assert.Equal(Rejection.OrganizationRetired, Refused(Command(), organization: JmdOrganization(retired: true)));
        Assert.Equal(Rejection.ServiceNotFound, Assert.Throws<CommandRejectedException>(() =>
            RequestReferralDecision.Decide(ConsentingPass(), Awo, null, null, Command(), Today, Now)).Reason);
        // Closed for the holidays: the call before referring tells when it opens again.
        Assert.Equal("jmd-caritas-luenen", Decide(Command(), to: Jmd(ServiceStatus.TemporarilyClosed)).ToServiceId);
    }

    [Theory]
    [InlineData("psz-unna-counselling")]
    [InlineData("awo-old")]
    [InlineData("")]
    public void The_referring_service_is_an_active_one_of_the_counsellors_institution(string fromService) =>
        Assert.Equal(Rejection.ReferringServiceNotYours, Refused(Command(fromService: fromService)));

    [Fact]
    public void Topics_come_from_the_taxonomy_at_least_one()
    {
        Assert.Equal(Rejection.TopicsMissing, Refused(Command(topics: [])));
        Assert.Equal(Rejection.TopicUnknown, Refused(Command(topics: ["education", "Herr Müller, geb. 1980"])));
    }

    [Fact]
    public void Either_a_call_or_the_reason_for_none_never_both_nor_neither()
    {
        var call = new PhoneCoordination("Frau Beispiel", null, Now, CoordinationResult.Agreed, null);
        Assert.Equal(Rejection.CoordinationMissing, Refused(new RequestReferral(ReferralId, "mbe-awo-unna", "jmd-caritas-luenen", ["education"], null, "   ", null, Release, "c")));
        Assert.Equal(Rejection.CoordinationInvalid, Refused(Command(call, skipped: "Keine Zeit")));
        Assert.Equal(Rejection.ReferralNoteTooLong, Refused(Command(skipped: new string('x', 1001))));
    }

    [Theory]
    [InlineData("", CoordinationResult.Agreed, 0)]
    [InlineData("   ", CoordinationResult.NoCapacity, 0)]
    [InlineData("Frau Beispiel", CoordinationResult.Agreed, 10)]
    [InlineData("Frau Beispiel", CoordinationResult.Agreed, -31 * 24 * 60)]
    [InlineData("Frau Beispiel", (CoordinationResult)9, 0)]
    public void A_call_says_whom_when_and_with_what_result(string reached, CoordinationResult result, int minutesFromNow) =>
        Assert.Equal(Rejection.CoordinationInvalid,
            Refused(Command(new PhoneCoordination(reached, null, Now.Plus(Duration.FromMinutes(minutesFromNow)), result, null))));

    [Fact]
    public void A_call_nobody_answered_needs_no_name_and_an_unknown_staff_contact_is_refused()
    {
        Assert.Equal("", Decide(Command(new PhoneCoordination("", null, Now, CoordinationResult.NotReached, null))).Coordination!.Reached);
        Assert.Equal(Rejection.CoordinationInvalid, Refused(Command(new PhoneCoordination("", Guid.NewGuid(), Now, CoordinationResult.Agreed, null))));
        Assert.Equal(Rejection.CoordinationInvalid, Refused(Command(new PhoneCoordination(new string('x', 201), null, Now, CoordinationResult.Agreed, null))));
    }

    [Fact]
    public void Notes_have_at_most_1000_characters()
    {
        Assert.Equal(Rejection.ReferralNoteTooLong, Refused(Command(note: new string('x', 1001))));
        Assert.Equal(Rejection.ReferralNoteTooLong,
            Refused(Command(new PhoneCoordination("Frau Beispiel", null, Now, CoordinationResult.Agreed, new string('x', 1001)))));
        Assert.Equal(1000, Decide(Command(note: new string('x', 1000))).Note!.Length);
        Assert.Null(Decide(Command(note: "  ")).Note);
    }
}
