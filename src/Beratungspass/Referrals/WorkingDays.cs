using NodaTime;

namespace Beratungspass.Referrals;

/// <summary>
/// Working days in North Rhine-Westphalia: Monday to Friday, except the Land's public holidays — New Year,
/// Good Friday, Easter Monday, 1 May, Ascension, Whit Monday, Corpus Christi, German Unity Day (3 October),
/// All Saints (1 November) and the two Christmas days. Deadlines are counted in Europe/Berlin local time,
/// so a deadline keeps its wall-clock time across the change to and from summer time.
/// </summary>
public static class WorkingDays
{
    public static bool IsPublicHoliday(LocalDate date)
    {
        var easter = EasterSunday(date.Year);
        return (date.Month, date.Day) is (1, 1) or (5, 1) or (10, 3) or (11, 1) or (12, 25) or (12, 26)
            || date == easter.PlusDays(-2)   // Good Friday
            || date == easter.PlusDays(1)    // Easter Monday
            || date == easter.PlusDays(39)   // Ascension
            || date == easter.PlusDays(50)   // Whit Monday
            || date == easter.PlusDays(60);  // Corpus Christi
    }

    public static bool IsWorkingDay(LocalDate date) =>
        date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday) && !IsPublicHoliday(date);

    /// <summary>
    /// The moment <paramref name="days"/> working days after <paramref name="start"/>: the same wall-clock time
    /// that many working days later. A start outside working days counts from the beginning of the next working day,
    /// so a referral sent on Saturday is due on Tuesday at midnight, two full working days later.
    /// </summary>
    public static Instant Add(Instant start, int days, DateTimeZone zone)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var local = start.InZone(zone).LocalDateTime;
        var date = local.Date;
        var time = local.TimeOfDay;
        if (!IsWorkingDay(date))
        {
            date = NextWorkingDay(date);
            time = LocalTime.Midnight;
        }

        for (var i = 0; i < days; i++)
        {
            date = NextWorkingDay(date);
        }

        return date.At(time).InZoneLeniently(zone).ToInstant();
    }

    /// <summary>The working days strictly after <paramref name="from"/>'s day up to and including <paramref name="to"/>'s day.</summary>
    public static int Between(LocalDate from, LocalDate to)
    {
        var count = 0;
        for (var date = from.PlusDays(1); date <= to; date = date.PlusDays(1))
        {
            if (IsWorkingDay(date))
            {
                count++;
            }
        }

        return count;
    }

    public static LocalDate NextWorkingDay(LocalDate date)
    {
        do
        {
            date = date.PlusDays(1);
        }
        while (!IsWorkingDay(date));

        return date;
    }

    /// <summary>Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher").</summary>
    public static LocalDate EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new LocalDate(year, month, day);
    }
}
