using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Beratungspass.Accounts;
using Beratungspass.Infrastructure;
using Beratungspass.ServiceDirectory;
using Beratungspass.Topics;
using Beratungspass.Web.Infrastructure.Auth;
using Beratungspass.Web.Infrastructure.Layout;
using Beratungspass.Web.Infrastructure.Problems;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace Beratungspass.Web.ServiceDirectory.Editing;

/// <summary>A refusal shown at the top of an edit page: the problem's title and text, and what it concerns.</summary>
public sealed record Refusal(string Title, string Detail, string? Concerns = null);

/// <summary>
/// What the directory's edit pages share: the DirectoryEditing policy (coordinators and administrators),
/// field errors with their summary, refusals, and the "changed meanwhile" answer that shows what someone
/// else changed and what the user had entered.
/// </summary>
[Authorize(Policy = AuthSetup.DirectoryEditing)]
public abstract class EditingPageModel(Ui ui) : PageModel
{
    protected Ui Ui => ui;

    /// <summary>Field id → message, in the order of the summary at the top.</summary>
    public Dictionary<string, string> Errors { get; } = [];

    public Refusal? Refusal { get; private set; }

    /// <summary>The field to focus when the page opens, e.g. the first field of a row just added.</summary>
    public string? Focus { get; protected set; }

    public bool ChangedMeanwhile { get; private set; }

    /// <summary>The changes someone else made after the form was loaded.</summary>
    public IReadOnlyList<DirectoryHistoryEntry> MeanwhileChanges { get; private set; } = [];

    /// <summary>What the user had changed in the form, not saved: path, value when loaded, value entered.</summary>
    public IReadOnlyList<DirectoryFieldChange> UnsavedInput { get; private set; } = [];

    /// <summary>Account id → display name, for "who" in histories.</summary>
    public IReadOnlyDictionary<string, string> AccountNames { get; private set; } = new Dictionary<string, string>();

    /// <summary>The signed-in account, named in every change.</summary>
    protected string AccountId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in.");

    public void AddError(string field, string message) => Errors.TryAdd(field, message);

    /// <summary>A refusal from the problem catalogue as the error of one field.</summary>
    public void AddProblem(string field, ProblemKind kind) => AddError(field, Ui.Detail(kind));

    /// <summary>The directory's errors at the form's fields; the first message per field wins.</summary>
    public void AddErrors(IEnumerable<DirectoryError> errors, FieldPaths paths)
    {
        foreach (var error in errors)
        {
            AddError(paths.IdOf(error.Path), Ui.T(error.German, error.English));
        }
    }

    public PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>A refusal from the problem catalogue, with the status it carries.</summary>
    public PageResult Refuse(ProblemKind kind, string? concerns = null)
    {
        Refusal = new Refusal(Ui.Title(kind), Ui.Detail(kind), concerns);
        Response.StatusCode = kind.Status;
        return Page();
    }

    /// <summary>A refusal shown with the page as it is, e.g. a form that cannot be used.</summary>
    public void ShowRefusal(ProblemKind kind, string? concerns = null) => Refusal = new Refusal(Ui.Title(kind), Ui.Detail(kind), concerns);

    /// <summary>
    /// The form was built on an older version: nothing is saved. The page shows the current state, what
    /// changed meanwhile and who changed it, and what the user had entered, so they can enter it again.
    /// </summary>
    protected async Task StaleAsync(DirectoryEditing editing, IQuerySession session, string streamKey, long formVersion, object? entered, CancellationToken cancellation)
    {
        ChangedMeanwhile = true;
        Errors.Clear();
        Response.StatusCode = StatusCodes.Status409Conflict;
        var history = await editing.HistoryAsync(streamKey, cancellation);
        MeanwhileChanges = history.Where(h => h.Version > formVersion).ToList();
        var loaded = await editing.StateAtAsync(streamKey, formVersion, cancellation);
        UnsavedInput = entered is null || loaded is null ? [] : DirectoryChanges.Between(loaded, entered);
        await LoadAccountNamesAsync(session, MeanwhileChanges.Select(h => h.By), cancellation);
    }

    protected async Task LoadAccountNamesAsync(IQuerySession session, IEnumerable<string> ids, CancellationToken cancellation)
    {
        var distinct = ids.Distinct(StringComparer.Ordinal).ToArray();
        var accounts = await session.LoadManyAsync<Account>(cancellation, distinct);
        AccountNames = accounts.ToDictionary(a => a.Id, a => a.DisplayName, StringComparer.Ordinal);
    }

    /// <summary>The account's display name while it exists, else the id the change was recorded with.</summary>
    public string Who(string accountId) => AccountNames.GetValueOrDefault(accountId) ?? accountId;

    public string What(DirectoryChangeKind kind) => kind switch
    {
        DirectoryChangeKind.Created => Ui.T("angelegt", "created"),
        DirectoryChangeKind.Retired => Ui.T("eingestellt", "retired"),
        _ => Ui.T("geändert", "changed"),
    };

    public string Label(string pathOrId) => FieldPaths.Label(pathOrId, Ui);

    public string? InvalidFlag(string field) => Errors.ContainsKey(field) ? "true" : null;

    public string? ErrorId(string field) => Errors.ContainsKey(field) ? field + "-error" : null;

    /// <summary>aria-describedby for a field: its hint (if any) and its error (if any).</summary>
    public string? DescribedBy(string field, string? hint = null) =>
        string.Join(' ', new[] { hint, ErrorId(field) }.Where(id => id is not null)) is { Length: > 0 } ids ? ids : null;

    /// <summary>The message next to a field, referenced by the field's aria-describedby.</summary>
    public IHtmlContent FieldError(string field) => Errors.TryGetValue(field, out var message)
        ? new HtmlString($"<span class=\"field-error\" id=\"{HtmlEncoder.Default.Encode(field)}-error\">{HtmlEncoder.Default.Encode(message)}</span>")
        : HtmlString.Empty;

    public static string Time(Instant instant) =>
        instant.InZone(MartenConfiguration.Zone).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// The changes a history shows: the id of a row that came or went is left out (its other fields show the
    /// row); an id that changed is shown.
    /// </summary>
    public static IEnumerable<DirectoryFieldChange> Shown(IEnumerable<DirectoryFieldChange> changes) =>
        changes.Where(c => !(c.Path.EndsWith(".id", StringComparison.Ordinal) && (c.Before is null || c.After is null)));

    /// <summary>A stored value as people read it: days, status, topics and languages by their name; anything else as it is.</summary>
    public string? Value(string path, string? value)
    {
        if (value is null)
        {
            return null;
        }

        var field = path[(path.LastIndexOf('.') + 1)..];
        var list = field.Contains('[', StringComparison.Ordinal) ? field[..field.IndexOf('[', StringComparison.Ordinal)] : null;
        return (field, list) switch
        {
            (_, "days") when Enum.TryParse<IsoDayOfWeek>(value, out var day) => DayName(day),
            ("status", _) => value switch
            {
                "active" => StatusName(ServiceStatus.Active),
                "inactive" => StatusName(ServiceStatus.Inactive),
                "temporarily closed" => StatusName(ServiceStatus.TemporarilyClosed),
                "defunct" => StatusName(ServiceStatus.Defunct),
                _ => value,
            },
            (_, "topics") when Taxonomy.Find(value) is { } topic => Ui.T(topic.German, topic.English),
            (_, "languages") when Languages.Find(value) is { } language => Ui.T(language.German, language.English),
            _ => value,
        };
    }

    public string DayName(IsoDayOfWeek day) => day switch
    {
        IsoDayOfWeek.Monday => Ui.T("Montag", "Monday"),
        IsoDayOfWeek.Tuesday => Ui.T("Dienstag", "Tuesday"),
        IsoDayOfWeek.Wednesday => Ui.T("Mittwoch", "Wednesday"),
        IsoDayOfWeek.Thursday => Ui.T("Donnerstag", "Thursday"),
        IsoDayOfWeek.Friday => Ui.T("Freitag", "Friday"),
        IsoDayOfWeek.Saturday => Ui.T("Samstag", "Saturday"),
        IsoDayOfWeek.Sunday => Ui.T("Sonntag", "Sunday"),
        _ => day.ToString(),
    };

    public string StatusName(ServiceStatus status) => status switch
    {
        ServiceStatus.Active => Ui.T("aktiv", "active"),
        ServiceStatus.Inactive => Ui.T("ruht", "inactive"),
        ServiceStatus.TemporarilyClosed => Ui.T("vorübergehend geschlossen", "temporarily closed"),
        _ => Ui.T("eingestellt", "retired"),
    };
}
