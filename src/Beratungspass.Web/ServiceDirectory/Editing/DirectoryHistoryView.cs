namespace Beratungspass.Web.ServiceDirectory.Editing;

/// <summary>The changes of one entry, for the history partial.</summary>
public sealed record DirectoryHistoryView(EditingPageModel Page, IReadOnlyList<DirectoryHistoryEntry> Entries);
