using Beratungspass.Infrastructure;
using Beratungspass.Referrals;
using CsCheck;
using NodaTime;

namespace Beratungspass.Tests.Referrals;

/// <summary>Working-day arithmetic for overdue referrals: weekends, NRW public holidays, summer time.</summary>
public sealed class WorkingDaysTests
{
    private static readonly DateTimeZone Berlin = MartenConfiguration.Zone;

    private static Instant Local(int year, int month, int day, int hour, int minute = 0) =>
        new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(Berlin).ToInstant();

    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    public void Easter_falls_on_the_known_dates(int year, int month, int day) =>
        Assert.Equal(new LocalDate(year, month, day), WorkingDays.EasterSunday(year));

    [Fact]
    public void The_NRW_holidays_of_2026_are_exactly_the_eleven_of_the_Land()
    {
        var holidays = Enumerable.Range(0, 365).Select(d => new LocalDate(2026, 1, 1).PlusDays(d)).Where(WorkingDays.IsPublicHoliday).ToList();

        Assert.Equal(
        [
            new(2026, 1, 1), new(2026, 4, 3), new(2026, 4, 6), new(2026, 5, 1), new(2026, 5, 14), new(2026, 5, 25),
            new(2026, 6, 4), new(2026, 10, 3), new(2026, 11, 1), new(2026, 12, 25), new(2026, 12, 26),
        ], holidays);
    }

    [Fact]
    public void A_referral_on_Thursday_before_Easter_is_due_on_Wednesday_after_it()
    {
        // Maundy Thursday 2026-04-02, 10:00: Good Friday, the weekend and Easter Monday do not count.
        var due = WorkingDays.Add(Local(2026, 4, 2, 10), 2, Berlin);

        Assert.Equal(Local(2026, 4, 8, 10), due);
    }

    [Fact]
    public void A_referral_on_Saturday_counts_from_Monday_morning()
    {
        var due = WorkingDays.Add(Local(2026, 3, 7, 15), 2, Berlin);

        Assert.Equal(Local(2026, 3, 11, 0), due);
    }

    [Fact]
    public void A_deadline_across_the_change_to_summer_time_keeps_its_wall_clock_time()
    {
        // Friday 2026-03-27, 9:30 CET; summer time starts Sunday 29 March: due Tuesday 9:30 CEST, 95 hours later rather than 96.
        var start = Local(2026, 3, 27, 9, 30);
        var due = WorkingDays.Add(start, 2, Berlin);

        Assert.Equal(Local(2026, 3, 31, 9, 30), due);
        Assert.Equal(Duration.FromHours(95), due - start);
    }

    [Fact]
    public void A_deadline_across_the_end_of_summer_time_keeps_its_wall_clock_time()
    {
        // Friday 2026-10-23 16:00 CEST; summer time ends Sunday 25 October; Monday 26 is a working day.
        var start = Local(2026, 10, 23, 16);
        var due = WorkingDays.Add(start, 2, Berlin);

        Assert.Equal(Local(2026, 10, 27, 16), due);
        Assert.Equal(Duration.FromHours(97), due - start);
    }

    [Fact]
    public void Two_working_days_later_is_always_a_working_day_with_exactly_two_working_days_in_between()
    {
        Gen.Int[0, 20 * 365].Select(Gen.Int[0, 24 * 60 - 1]).Sample((day, minute) =>
        {
            var start = new LocalDate(2024, 1, 1).PlusDays(day).At(LocalTime.Midnight.PlusMinutes(minute)).InZoneLeniently(Berlin).ToInstant();
            var due = WorkingDays.Add(start, 2, Berlin);
            var startDate = start.InZone(Berlin).Date;
            var dueDate = due.InZone(Berlin).Date;

            Assert.True(WorkingDays.IsWorkingDay(dueDate));
            Assert.True(due > start);
            var counted = WorkingDays.Between(startDate, dueDate);
            Assert.Equal(WorkingDays.IsWorkingDay(startDate) ? 2 : 3, counted);
        }, iter: 20_000);
    }

    [Fact]
    public void A_referral_becomes_overdue_for_an_answer_after_two_working_days_and_for_an_outcome_after_fourteen_days()
    {
        var requestedAt = Local(2026, 12, 23, 11);
        var referral = Referral.Create(new ReferralRequested("r", "p", "DEM2KARTS", "a", "a1", "b", "s", ["work"], null, "Notfall", null,
            new ConfidentialityRelease("2026-1", Beratungspass.Passes.ClientLanguage.De, Beratungspass.Passes.ClientPresence.Pin), "c", requestedAt));

        // Christmas and the weekend: 23 Dec (Wed) → 24 (Thu) working, 25/26 holidays, 27 Sunday, 28 (Mon) working.
        Assert.False(referral.IsAnswerOverdue(Local(2026, 12, 28, 10, 59), Berlin));
        Assert.True(referral.IsAnswerOverdue(Local(2026, 12, 28, 11, 1), Berlin));
        Assert.False(referral.IsOutcomeOverdue(Local(2027, 1, 6, 10, 59), Berlin));
        Assert.True(referral.IsOutcomeOverdue(Local(2027, 1, 6, 11, 1), Berlin));

        referral.Apply(new ReferralAccepted("r", "p", "c", Local(2026, 12, 24, 9)));
        Assert.False(referral.IsAnswerOverdue(Local(2026, 12, 30, 9), Berlin));
        referral.Apply(new ReferralCompleted("r", "p", ReferralOutcome.CounsellingTookPlace, null, "c", Local(2027, 1, 4, 9)));
        Assert.False(referral.IsOutcomeOverdue(Local(2027, 2, 1, 9), Berlin));
    }
}
