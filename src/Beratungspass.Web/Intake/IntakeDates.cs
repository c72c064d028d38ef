using NodaTime.Text;

namespace Beratungspass.Web.Intake;

/// <summary>How the intake pages write dates: ISO in form fields, dd.MM.yyyy for people, times in Europe/Berlin.</summary>
public static class IntakeDates
{
    public static readonly LocalDatePattern Iso = LocalDatePattern.Iso;

    public static readonly LocalDatePattern Shown = LocalDatePattern.CreateWithInvariantCulture("dd.MM.yyyy");

    public static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
}
