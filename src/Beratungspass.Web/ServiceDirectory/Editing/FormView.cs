namespace Beratungspass.Web.ServiceDirectory.Editing;

/// <summary>What the shared form partials need: the page (errors, texts), the rows, whether the entry is new, and the field to focus.</summary>
public sealed record FormView<T>(EditingPageModel Page, T Form, bool Creating, string? Focus);
