using Microsoft.Playwright;

namespace Beratungspass.Browser.Tests.Infrastructure;

/// <summary>
/// The real app (see <see cref="AppHost"/>) and one headless Chromium for a test class. Chromium is
/// Debian's (<c>apt-get install chromium</c>); Playwright never downloads a browser here.
/// </summary>
public class BrowserHost(TestPostgres postgres) : AppHost(postgres)
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Screenshots at twice the CSS resolution, so a QR module spans several pixels.</summary>
    public const float DeviceScaleFactor = 2;

    private static readonly string[] StandardArguments =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private IPlaywright? playwright;
    private IBrowser? browser;

    public override async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"The browser tests need Chromium at {ChromiumPath} (apt-get install -y chromium fonts-noto-core).");
        }

        await base.InitializeAsync();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = StandardArguments,
        });
    }

    /// <summary>A fresh browser profile (no cookies) pointed at the app, with a German desk locale.</summary>
    /// <param name="width">The window width in CSS pixels: 1000 for a desk, 768 for a tablet held upright.</param>
    /// <param name="scale">Device pixels per CSS pixel; 1 for screenshots in the documentation, which stay small.</param>
    public Task<IBrowserContext> NewContextAsync(bool javaScript = true, int width = 1000, float scale = DeviceScaleFactor) =>
        NewContextAsync(browser!, javaScript, width, scale);

    /// <summary>The same profile in another browser, e.g. one started with a fake camera.</summary>
    public Task<IBrowserContext> NewContextAsync(IBrowser other, bool javaScript = true, int width = 1000, float scale = DeviceScaleFactor) =>
        other.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "de-DE",
            ViewportSize = new ViewportSize { Width = width, Height = 800 },
            DeviceScaleFactor = scale,
            JavaScriptEnabled = javaScript,
        });

    /// <summary>Starts another headless Chromium with the same switches plus <paramref name="arguments"/>.</summary>
    public async Task<IBrowser> LaunchAsync(params string[] arguments) =>
        await playwright!.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = [.. StandardArguments, .. arguments],
        });

    public override async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
