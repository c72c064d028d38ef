using Beratungspass.Passes;
using NodaTime;
using static Beratungspass.Tests.Passes.GivenEvents;

namespace Beratungspass.Tests.Passes;

/// <summary>The history at a glance as Marten projects it from the stream: given events → the document a counsellor is shown.</summary>
public sealed class PassHistoryProjectionTests(ProjectionStore store) : IClassFixture<ProjectionStore>
{
    private const string Awo = "mbe-awo-unna";
    private const string Jmd = "jmd-caritas-luenen";
    private const string Abh = "abh-kreis-unna";
    private const string Psz = "psz-unna";

    private static LocalDate March(int day) => new(2026, 3, day);

    [Fact]
    public async Task The_hand_fold_of_the_decision_tests_is_the_fold_Marten_uses()
    {
        // Guards GivenEvents.Given: decision tests are only as good as its agreement with the stored snapshot.
        object[] events =
        [
            Issued(),
            Granted("c1", ConsentScope.ListedInstitutions, [Awo, Jmd], March(31), ConsentPurpose.ShowHistory, ConsentPurpose.RecordContacts),
            Contact("k1", Awo, Awo, March(3), "housing"),
            Viewed(Jmd, ClientPresence.Pin, IssuedAt.Plus(Duration.FromDays(1))),
            Hidden(Psz + "-counselling"),
            Reissued(2),
            Withdrawn("c1"),
            Contact("k2", Jmd, Jmd, March(4), "work"),
            Shown(Psz + "-counselling"),
            Hidden(Awo),
        ];

        var (_, stored) = await store.FoldAsync(events);

        Assert.Equivalent(Given(events), stored, strict: true);
        Assert.Equal(["k1", "k2"], stored.ContactIds);
        Assert.Equal([Awo], stored.HiddenServiceIds);
        Assert.Equal(2, stored.Generation);
    }

    [Fact]
    public async Task Contacts_at_one_service_are_counted_with_first_and_last_date_even_when_recorded_out_of_order()
    {
        var (history, _) = await store.FoldAsync(Issued(),
            Contact("k1", Awo, Awo, March(10), "housing"),
            Contact("k2", Awo, Awo, March(1), "work", "housing"),
            Contact("k3", Awo, Awo, March(20), "work"));

        var use = Assert.Single(history.Services);
        Assert.Equal((Awo, Awo, 3, March(1), March(20)), (use.InstitutionId, use.ServiceId, use.Contacts, use.FirstDate, use.LastDate));
        Assert.Equal(new Dictionary<string, LocalDate> { ["housing"] = March(10), ["work"] = March(20) }, use.Topics);
    }

    [Fact]
    public async Task Each_service_gets_its_own_line_also_within_one_institution()
    {
        var (history, _) = await store.FoldAsync(Issued(),
            Contact("k1", Awo, Awo, March(2), "housing"),
            Contact("k2", Abh, "abh-residence", March(3), "residence-law"),
            Contact("k3", Abh, "abh-naturalisation", March(4), "naturalisation"),
            Contact("k4", Abh, "abh-residence", March(5), "residence-law"));

        Assert.Equal(
            [(Awo, Awo, 1), (Abh, "abh-residence", 2), (Abh, "abh-naturalisation", 1)],
            history.Services.Select(s => (s.InstitutionId, s.ServiceId, s.Contacts)));
    }

    [Fact]
    public async Task A_hidden_service_is_left_out_of_what_others_see_until_the_client_shows_it_again()
    {
        const string counselling = Psz + "-counselling";
        var (hidden, _) = await store.FoldAsync(Issued(),
            Contact("k1", Awo, Awo, March(2), "housing"),
            Contact("k2", Psz, counselling, March(3), "psychosocial"),
            Hidden(counselling),
            Hidden(counselling));

        Assert.Equal([counselling], hidden.HiddenServiceIds);
        Assert.Equal([Awo], hidden.VisibleServices.Select(s => s.ServiceId));
        Assert.Equal(2, hidden.Services.Count);

        var (shownAgain, _) = await store.FoldAsync(Issued(),
            Contact("k1", Awo, Awo, March(2), "housing"),
            Contact("k2", Psz, counselling, March(3), "psychosocial"),
            Hidden(counselling),
            Shown(counselling));

        Assert.Empty(shownAgain.HiddenServiceIds);
        Assert.Equal([Awo, counselling], shownAgain.VisibleServices.Select(s => s.ServiceId));
    }

    [Fact]
    public async Task Every_view_is_listed_with_institution_purpose_presence_and_time_in_order()
    {
        var first = IssuedAt.Plus(Duration.FromDays(1));
        var second = first.Plus(Duration.FromMinutes(7));

        var (history, _) = await store.FoldAsync(Issued(),
            Viewed(Awo, ClientPresence.Pin, first),
            Contact("k1", Awo, Awo, March(3), "housing"),
            Viewed(Jmd, ClientPresence.PhoneCode, second));

        Assert.Equal(
            [new HistoryView(Awo, ViewPurpose.Intake, ClientPresence.Pin, first), new HistoryView(Jmd, ViewPurpose.Intake, ClientPresence.PhoneCode, second)],
            history.Views);
        Assert.Equal(1, Assert.Single(history.Services).Contacts);
    }

    [Fact]
    public async Task The_history_version_counts_every_event_so_forms_can_carry_it()
    {
        var (history, _) = await store.FoldAsync(Issued(),
            Granted("c1", ConsentScope.WholeNetwork, [], March(31), ConsentPurpose.ShowHistory),
            Viewed(Awo, ClientPresence.Pin, IssuedAt.Plus(Duration.FromHours(2))),
            Contact("k1", Awo, Awo, March(3), "housing"),
            Reissued(2),
            Withdrawn("c1"));

        Assert.Equal(6, history.Version);
        Assert.Equal(SomePassId, history.Id);
    }

    [Fact]
    public async Task A_new_pass_has_an_empty_history()
    {
        var (history, pass) = await store.FoldAsync(Issued());

        Assert.Empty(history.Services);
        Assert.Empty(history.Views);
        Assert.Empty(history.HiddenServiceIds);
        Assert.Equal(1, history.Version);
        Assert.Empty(pass.ContactIds);
    }
}
