using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Beratungspass.Accounts;
using Beratungspass.Infrastructure;
using Beratungspass.Web.Infrastructure.Auth;
using Beratungspass.Web.Infrastructure.Layout;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace Beratungspass.Web.Admin;

/// <summary>
/// What every administration page shares: the Administration policy (administrators signed in with the
/// cookie, never an API client), field errors for the form, and the "changed meanwhile" answer to a stale form.
/// </summary>
[Authorize(Policy = AuthSetup.Administration)]
public abstract class AdminPageModel(Ui ui) : PageModel
{
    protected Ui Ui => ui;

    /// <summary>Field id → message, shown next to the field and in the summary at the top.</summary>
    public Dictionary<string, string> Errors { get; } = [];

    public bool ChangedMeanwhile { get; private set; }

    /// <summary>The signed-in administrator's sign-in name, for the audit trail.</summary>
    protected string AdminId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in.");

    public void AddError(string field, string german, string english) => Errors[field] = ui.T(german, english);

    /// <summary>The form was built on an older version: nothing is saved, the page shows the current state.</summary>
    protected void Stale()
    {
        ChangedMeanwhile = true;
        Errors.Clear();
        Response.StatusCode = StatusCodes.Status409Conflict;
    }

    protected PageResult Refused()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public string? InvalidFlag(string field) => Errors.ContainsKey(field) ? "true" : null;

    public string? ErrorId(string field) => Errors.ContainsKey(field) ? field + "-error" : null;

    /// <summary>The message next to a field, referenced by the field's aria-describedby.</summary>
    public IHtmlContent FieldError(string field) => Errors.TryGetValue(field, out var message)
        ? new HtmlString($"<span class=\"field-error\" id=\"{HtmlEncoder.Default.Encode(field)}-error\">{HtmlEncoder.Default.Encode(message)}</span>")
        : HtmlString.Empty;

    public string RoleName(Role role) => role switch
    {
        Role.Counsellor => ui.T("Berater:in", "Counsellor"),
        Role.Coordinator => ui.T("Koordination (Arbeitskreis)", "Coordinator (working group)"),
        Role.Administrator => ui.T("Administration", "Administrator"),
        _ => role.ToString(),
    };

    public static string Time(Instant instant) =>
        instant.InZone(MartenConfiguration.Zone).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);
}
