using System.Text.RegularExpressions;
using Beratungspass.Passes;
using Marten;
using Microsoft.Playwright;

namespace Beratungspass.Browser.Tests.Infrastructure;

/// <summary>The steps of an intake at the counsellor's desk, through the real intake pages.</summary>
public static partial class IntakeSteps
{
    /// <summary>The PIN of the demo passes in samples/demo/passes.json.</summary>
    public const string DemoPin = "4711";

    /// <summary>The token in a card's QR code, read from the QR image the API serves — what a scanner would type.</summary>
    public static async Task<string> QrTokenAsync(AppHost host, string passCode)
    {
        using var client = await host.SignedInAsync();
        // The clean-image reader of the integration tests: it also reads the few flawless codes ZXing's finder search misses.
        return await Beratungspass.Tests.Infrastructure.QrScanner.CurrentTokenAsync(client, Desk.InAddress(passCode));
    }

    /// <summary>Types into the intake field as a handheld scanner does — the QR content, then Enter — and waits for the answer.</summary>
    public static async Task<IResponse> ScanAsync(IPage page, string scannerInput)
    {
        await page.GotoAsync("/intake");
        var field = page.Locator("#scan");
        await field.PressSequentiallyAsync(scannerInput);
        return await page.RunAndWaitForResponseAsync(
            () => field.PressAsync("Enter"),
            response => response.Request.Method == "POST" && response.Url.EndsWith("/intake", StringComparison.Ordinal));
    }

    /// <summary>Scans and waits for the pass's intake page.</summary>
    public static async Task OpenAsync(IPage page, string scannerInput)
    {
        await ScanAsync(page, scannerInput);
        await page.WaitForURLAsync(IntakeAddress());
    }

    /// <summary>Fills in the consent form with the client and sends it with the PIN the client types.</summary>
    public static async Task<IResponse> GiveConsentAsync(IPage page, string pin, bool wholeNetwork = true, params string[] purposes)
    {
        await page.Locator(wholeNetwork ? "#scope-network" : "#scope-listed").CheckAsync();
        foreach (var purpose in purposes.Length == 0 ? ["show-history", "record-contacts"] : purposes)
        {
            await page.Locator($"#purpose-{purpose}").CheckAsync();
        }

        await page.Locator("#consent-pin").FillAsync(pin);
        return await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Einwilligung mit PIN bestätigen" }));
    }

    /// <summary>The client types the PIN in the "show history" step.</summary>
    public static async Task<IResponse> ShowHistoryAsync(IPage page, string pin)
    {
        await page.Locator("#show-pin").FillAsync(pin);
        return await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Verlauf anzeigen", Exact = true }));
    }

    /// <summary>Records a contact on the history view with the given topic labels; answers what the app sent back.</summary>
    public static async Task<IResponse> RecordContactAsync(IPage page, params string[] topicLabels)
    {
        foreach (var label in topicLabels)
        {
            await page.GetByLabel(label, new() { Exact = true }).CheckAsync();
        }

        return await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Kontakt erfassen", Exact = true }));
    }

    /// <summary>Clicks a submit button and waits for the page the form post answers with.</summary>
    public static async Task<IResponse> SubmitAsync(IPage page, ILocator button)
    {
        var response = await page.RunAndWaitForResponseAsync(
            () => button.ClickAsync(),
            response => response.Request.Method == "POST" && response.Request.IsNavigationRequest);
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        return response;
    }

    /// <summary>The rows of the history table: service name, topics, first date, last date, number of contacts.</summary>
    public static async Task<IReadOnlyList<(string Service, string Topics, string First, string Last, int Contacts)>> HistoryRowsAsync(IPage page)
    {
        var rows = page.Locator("table.services tbody tr");
        var result = new List<(string, string, string, string, int)>();
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            var row = rows.Nth(i);
            var cells = row.Locator("td");
            result.Add((
                await row.Locator(".service-name").InnerTextAsync(),
                await cells.Nth(0).InnerTextAsync(),
                await cells.Nth(1).InnerTextAsync(),
                await cells.Nth(2).InnerTextAsync(),
                int.Parse(await cells.Nth(3).InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return result;
    }

    /// <summary>How many times the pass history was shown to someone, from the event store.</summary>
    public static async Task<int> HistoryViewsAsync(AppHost host, string passCode)
    {
        var card = await PassesApi.CardAsync(host.Store, passCode);
        await using var session = host.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(card.Id, token: TestContext.Current.CancellationToken);
        return events.Count(e => e.Data is HistoryViewed);
    }

    /// <summary>Today in Kreis Unna, as the pages write dates.</summary>
    public static string Today => NodaTime.SystemClock.Instance.GetCurrentInstant()
        .InZone(Beratungspass.Infrastructure.MartenConfiguration.Zone).Date.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"/intake/[2-9A-HJKMNP-Z]{9}$")]
    public static partial Regex IntakeAddress();
}
