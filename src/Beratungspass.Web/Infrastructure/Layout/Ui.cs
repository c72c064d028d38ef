using Beratungspass.Web.Infrastructure.Problems;

namespace Beratungspass.Web.Infrastructure.Layout;

/// <summary>
/// The counsellor UI's language: German, or English after the switch in the header (a cookie). Pages
/// write every text as <c>@Ui.T("Deutsch", "English")</c>.
/// </summary>
public sealed class Ui(IHttpContextAccessor accessor)
{
    public const string Cookie = "Beratungspass.Sprache";

    public bool English => accessor.HttpContext?.Request.Cookies[Cookie] == "en";

    /// <summary>The value for the html lang attribute.</summary>
    public string Lang => English ? "en" : "de";

    public string T(string german, string english) => English ? english : german;

    public string Title(ProblemKind kind) => T(kind.TitleDe, kind.TitleEn);

    public string Detail(ProblemKind kind) => T(kind.DetailDe, kind.DetailEn);
}
