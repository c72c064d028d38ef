using Beratungspass.ServiceDirectory;
using Beratungspass.ServiceDirectory.Hsds;
using Beratungspass.Web.Infrastructure.Auth;
using Beratungspass.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beratungspass.Web.ServiceDirectory.Importing;

/// <summary>
/// /directory/edit/import — a coordinator uploads an HSDS file (the format of /directory/export/hsds.json) and
/// sees either every error with its JSON path, or what was created, changed and left as it was.
/// </summary>
/// <remarks>
/// The antiforgery token is checked here, after the size: checked before, an oversized upload would be
/// answered as a broken form instead of "file too large". An upload over the limit (up to <see cref="DrainBytes"/>)
/// is read to its end and dropped, so the browser, still sending, gets to see the answer instead of a broken
/// connection; nothing of it is kept.
/// </remarks>
[Authorize(Policy = AuthSetup.DirectoryEditing)]
[RequestSizeLimit(DrainBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaximumRequestBytes)]
[IgnoreAntiforgeryToken]
public sealed class ImportModel(DirectoryImporting importing, IAntiforgery antiforgery) : PageModel
{
    /// <summary>The file and the form around it.</summary>
    public const long MaximumRequestBytes = DirectoryImporting.MaximumFileBytes + 64 * 1024;

    /// <summary>How much of an oversized upload is read and dropped before answering; beyond it the connection is closed.</summary>
    public const long DrainBytes = 64 * 1024 * 1024;

    /// <summary>Most errors shown at once; a file with more has a problem a few of them already show.</summary>
    public const int ShownErrors = 500;

    public ProblemKind? Problem { get; private set; }

    public IReadOnlyList<DirectoryError> Errors { get; private set; } = [];

    public ImportSummary? Summary { get; private set; }

    public string? FileName { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (Request.ContentLength > MaximumRequestBytes)
        {
            return await TooLargeAsync(cancellation);
        }

        if (!Request.HasFormContentType)
        {
            return Refuse(ProblemCatalog.FormInvalid);
        }

        IFormCollection form;
        try
        {
            form = await Request.ReadFormAsync(cancellation);
            await antiforgery.ValidateRequestAsync(HttpContext);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Refuse(ProblemCatalog.ImportTooLarge);
        }
        catch (InvalidDataException limit) when (limit.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return await TooLargeAsync(cancellation);
        }
        catch (Exception broken) when (broken is InvalidDataException or IOException or AntiforgeryValidationException)
        {
            return Refuse(ProblemCatalog.FormInvalid);
        }

        var file = form.Files.GetFile("file");
        FileName = file?.FileName;
        if (file is null || file.Length == 0)
        {
            Errors = [new DirectoryError("$", "file-empty", "Keine Datei gewählt, oder die Datei ist leer.", "No file chosen, or the file is empty.")];
            return Refuse(ProblemCatalog.ImportInvalid);
        }

        if (file.Length > DirectoryImporting.MaximumFileBytes)
        {
            return Refuse(ProblemCatalog.ImportTooLarge);
        }

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, cancellation);
        }

        var outcome = await importing.ImportAsync(content, Counsellor.From(User).AccountId, cancellation);
        if (outcome.ChangedMeanwhile)
        {
            return Refuse(ProblemCatalog.ChangedMeanwhile);
        }

        if (!outcome.Plan.Valid)
        {
            Errors = outcome.Plan.Errors;
            return Refuse(ProblemCatalog.ImportInvalid);
        }

        Summary = outcome.Plan.Summary;
        return Page();
    }

    private async Task<PageResult> TooLargeAsync(CancellationToken cancellation)
    {
        try
        {
            await Request.Body.CopyToAsync(Stream.Null, cancellation);
        }
        catch (IOException)
        {
            // Larger still than what is drained: the answer goes out and the connection closes.
        }

        return Refuse(ProblemCatalog.ImportTooLarge);
    }

    private PageResult Refuse(ProblemKind kind)
    {
        Problem = kind;
        Response.StatusCode = kind.Status;
        return Page();
    }
}
