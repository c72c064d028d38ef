using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Beratungspass.Browser.Tests.Infrastructure;

/// <summary>What a counsellor does at the desk, through the real pages of the app.</summary>
public static partial class Desk
{
    public const string User = "berater.awo";
    public const string Password = "Demo-Beratung-2026";

    /// <summary>Signs in through the sign-in form and returns the page the app lands on.</summary>
    public static async Task<IPage> SignInAsync(IBrowserContext context, string user = User, string password = Password)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.Locator("#user").FillAsync(user);
        await page.Locator("#password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
        return page;
    }

    /// <summary>Issues a pass through the form, the client typing the PIN twice; returns the code shown on the pass page.</summary>
    public static async Task<string> IssuePassAsync(IPage page, string language, string pin = "4829")
    {
        await page.GotoAsync("/passes/issue");
        await page.Locator("#language").SelectOptionAsync(language);
        await page.Locator("#pin").FillAsync(pin);
        await page.Locator("#pin-repeat").FillAsync(pin);
        await page.GetByRole(AriaRole.Button, new() { Name = "Pass ausstellen" }).ClickAsync();
        await page.WaitForURLAsync(PassPageAddress());
        return await page.Locator("h1 .pass-code").InnerTextAsync();
    }

    /// <summary>Issues a pass through the API, for tests about what happens after issuing.</summary>
    public static async Task<string> IssuePassAsync(AppHost host, string language, string pin = "4829")
    {
        using var client = await host.SignedInAsync(User, Password);
        using var response = await client.PostAsJsonAsync("/api/v1/passes", new { preferredLanguage = language, pin });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("passCode").GetString()!;
    }

    /// <summary>The pass code without separators, as in the app's addresses.</summary>
    public static string InAddress(string passCode) => passCode.Replace("-", "", StringComparison.Ordinal);

    /// <summary>Photographs the card on screen and reads its QR code from the pixels.</summary>
    public static async Task<(string Token, byte[] Png)> ScanCardAsync(IPage page, string? saveAs = null)
    {
        var png = await page.Locator(".card").ScreenshotAsync(new() { Type = ScreenshotType.Png, Path = saveAs is null ? null : DocsImages.PathOf(saveAs) });
        // ZXing's finder search misses about 2 % of clean codes (other decoders read them); then read the QR
        // element alone, with its quiet zone, in ZXing's pure-barcode mode — still pixels Chromium rendered.
        var token = QrScanner.Read(png)
            ?? QrScanner.Read(await page.Locator(".card-qr svg").ScreenshotAsync(new() { Type = ScreenshotType.Png }), pureBarcode: true)
            ?? throw new Xunit.Sdk.XunitException("The QR code on the card could not be read from the screenshot.");
        return (token, png);
    }

    /// <summary>Types into the "Pass finden" field as a handheld scanner does — the QR content, then Enter.</summary>
    public static async Task FindAsync(IPage page, string scannerInput)
    {
        await page.GotoAsync("/passes/find");
        var field = page.Locator("#scan");
        await field.PressSequentiallyAsync(scannerInput);
        await page.RunAndWaitForResponseAsync(
            () => field.PressAsync("Enter"),
            response => response.Request.Method == "POST" && response.Url.EndsWith("/passes/find", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"/passes/[2-9A-HJKMNP-Z]{9}(\?(issued|reissued)=(1|pin))?$")]
    public static partial Regex PassPageAddress();
}
