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
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser profile (no cookies) pointed at the app, with a German desk locale.</summary>
    public Task<IBrowserContext> NewContextAsync(bool javaScript = true) =>
        browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "de-DE",
            ViewportSize = new ViewportSize { Width = 1000, Height = 800 },
            DeviceScaleFactor = DeviceScaleFactor,
            JavaScriptEnabled = javaScript,
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
