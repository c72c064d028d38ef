using Beratungspass.Passes.Recording;
using NodaTime;
using static Beratungspass.Tests.Passes.GivenEvents;

namespace Beratungspass.Tests.Passes.Recording;

/// <summary>The warning before recording: the same topic handled by another service within six months. Histories come from the real projection.</summary>
public sealed class DuplicateCheckTests(ProjectionStore store) : IClassFixture<ProjectionStore>
{
    private const string Awo = "mbe-awo-unna";
    private const string Jmd = "jmd-caritas-luenen";
    private static readonly LocalDate Today = new(2026, 6, 15);

    [Fact]
    public async Task The_same_topic_at_another_service_within_six_months_is_a_possible_duplicate()
    {
        var (history, _) = await store.FoldAsync(Issued(), Contact("k1", Awo, Awo, new LocalDate(2026, 5, 1), "housing", "work"));

        var duplicates = DuplicateCheck.Find(history, Jmd, ["housing"], Today);

        Assert.Equal([new PossibleDuplicate("housing", Awo, Awo, new LocalDate(2026, 5, 1))], duplicates);
    }

    [Fact]
    public async Task The_same_topic_at_the_same_service_is_follow_up_not_a_duplicate()
    {
        var (history, _) = await store.FoldAsync(Issued(), Contact("k1", Awo, Awo, new LocalDate(2026, 6, 1), "housing"));

        Assert.Empty(DuplicateCheck.Find(history, Awo, ["housing"], Today));
    }

    [Fact]
    public async Task Six_months_back_to_the_day_still_warns_and_a_day_earlier_no_longer()
    {
        var (history, _) = await store.FoldAsync(Issued(),
            Contact("k1", "ki-kreis-unna", "ki-integration-counselling", new LocalDate(2025, 12, 15), "housing"),
            Contact("k2", Jmd, Jmd, new LocalDate(2025, 12, 14), "housing"));

        var duplicates = DuplicateCheck.Find(history, Awo, ["housing"], Today);

        Assert.Equal([new PossibleDuplicate("housing", "ki-kreis-unna", "ki-integration-counselling", new LocalDate(2025, 12, 15))], duplicates);
    }

    [Fact]
    public async Task A_topic_counts_from_the_last_time_it_came_up_at_that_service()
    {
        var (history, _) = await store.FoldAsync(Issued(),
            Contact("k1", Jmd, Jmd, new LocalDate(2025, 10, 1), "housing", "work"),
            Contact("k2", Jmd, Jmd, new LocalDate(2026, 4, 1), "housing"));

        var duplicates = DuplicateCheck.Find(history, Awo, ["housing", "work"], Today);

        Assert.Equal([new PossibleDuplicate("housing", Jmd, Jmd, new LocalDate(2026, 4, 1))], duplicates);
    }

    [Fact]
    public async Task A_service_the_client_hid_gives_no_warning_until_shown_again()
    {
        object[] used = [Issued(), Contact("k1", "psz-unna", "psz-unna-counselling", new LocalDate(2026, 6, 1), "psychosocial", "housing")];
        var (hidden, _) = await store.FoldAsync([.. used, Hidden("psz-unna-counselling")]);
        var hiddenDuplicates = DuplicateCheck.Find(hidden, Awo, ["psychosocial", "housing"], Today);
        var (shown, _) = await store.FoldAsync([.. used, Hidden("psz-unna-counselling"), Shown("psz-unna-counselling")]);
        var shownDuplicates = DuplicateCheck.Find(shown, Awo, ["psychosocial", "housing"], Today);

        Assert.Empty(hiddenDuplicates);
        Assert.Equal(["housing", "psychosocial"], shownDuplicates.Select(d => d.Topic));
    }

    [Fact]
    public async Task Only_the_topics_being_recorded_warn_ordered_by_topic_and_most_recent_first()
    {
        var (history, _) = await store.FoldAsync(Issued(),
            Contact("k1", "abh-kreis-unna", "abh-residence", new LocalDate(2026, 3, 1), "residence-law", "housing"),
            Contact("k2", "ki-kreis-unna", "ki-integration-counselling", new LocalDate(2026, 5, 20), "housing", "debts"),
            Contact("k3", "abh-kreis-unna", "abh-residence", new LocalDate(2026, 5, 1), "residence-law"));

        var duplicates = DuplicateCheck.Find(history, Awo, ["residence-law", "housing", "naturalisation"], Today);

        Assert.Equal(
            [
                new PossibleDuplicate("housing", "ki-kreis-unna", "ki-integration-counselling", new LocalDate(2026, 5, 20)),
                new PossibleDuplicate("housing", "abh-kreis-unna", "abh-residence", new LocalDate(2026, 3, 1)),
                new PossibleDuplicate("residence-law", "abh-kreis-unna", "abh-residence", new LocalDate(2026, 5, 1)),
            ],
            duplicates);
    }
}
