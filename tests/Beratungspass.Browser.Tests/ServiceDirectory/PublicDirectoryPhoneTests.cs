using Beratungspass.Tests.ServiceDirectory.Public;
using Microsoft.Playwright;
using static Beratungspass.Tests.ServiceDirectory.Public.PublicDirectoryEntries;

namespace Beratungspass.Browser.Tests.ServiceDirectory;

/// <summary>
/// A client on a small phone (360 × 740) finds counselling in Arabic: right to left, filters by topic and
/// language, opens a result and calls it — without sideways scrolling, in Chromium.
/// </summary>
public sealed class PublicDirectoryPhoneTests(PublicDirectoryPhoneTests.Host host) : IClassFixture<PublicDirectoryPhoneTests.Host>
{
    public sealed class Host(TestPostgres postgres) : BrowserHost(postgres)
    {
        public SettableClock Clock { get; } = new(MondayMorning);

        protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<NodaTime.IClock>(Clock);

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            await AddAsync(Services);
        }
    }

    private const int PhoneWidth = 360;
    private const int PhoneHeight = 740;

    private static async Task<IPage> PhoneAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(PhoneWidth, PhoneHeight);
        return page;
    }

    private static async Task AssertNoSidewaysScrollingAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
        Assert.False(overflow, $"{page.Url} scrolls sideways at {PhoneWidth} px");
    }

    [Fact]
    public async Task A_client_searches_in_Arabic_filters_by_topic_and_language_opens_a_result_and_finds_the_number_to_call()
    {
        await using var context = await host.NewContextAsync(width: PhoneWidth, scale: 1);
        var page = await PhoneAsync(context);

        await page.GotoAsync("/directory?lang=ar");
        Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));
        Assert.Equal("ar", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("ابحث عن استشارة في دائرة أونا", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        await AssertNoSidewaysScrollingAsync(page);

        await page.GetByLabel("الموضوع").SelectOptionAsync("language-course");
        await page.GetByLabel("لغة الاستشارة").SelectOptionAsync("ar");
        await page.GetByRole(AriaRole.Button, new() { Name = "بحث", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("topic=language-course", StringComparison.Ordinal) && url.Contains("language=ar", StringComparison.Ordinal));

        Assert.Equal("ar", await page.Locator("html").GetAttributeAsync("lang"));
        var count = await page.GetByRole(AriaRole.Status).InnerTextAsync();
        Assert.StartsWith("عدد الخدمات التي تم العثور عليها:", count, StringComparison.Ordinal);
        var result = page.Locator($"#service-{Cafe}");
        await Assertions.Expect(result).ToBeVisibleAsync();
        Assert.Contains("مفتوح الآن", await result.InnerTextAsync(), StringComparison.Ordinal);
        await AssertNoSidewaysScrollingAsync(page);
        await page.ScreenshotAsync(new() { Path = DocsImages.PathOf("directory-search-ar-phone.png"), FullPage = true });

        await result.GetByRole(AriaRole.Link, new() { Name = CafeName }).ClickAsync();
        await page.WaitForURLAsync($"**/directory/services/{Cafe}?lang=ar");

        Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));
        var call = page.Locator($"a.tel[href='{CafeTel}']");
        await Assertions.Expect(call).ToBeVisibleAsync();
        Assert.Contains(CafePhone, await call.InnerTextAsync(), StringComparison.Ordinal);
        // The number reads left to right inside the right-to-left page.
        Assert.Equal("ltr", await call.Locator("bdi").EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        var box = await call.BoundingBoxAsync();
        Assert.True(box is { Height: >= 44 }, "The call button is a big touch target.");
        Assert.Contains("الاثنين", await page.Locator(".hours").InnerTextAsync(), StringComparison.Ordinal);
        await AssertNoSidewaysScrollingAsync(page);
        await page.ScreenshotAsync(new() { Path = DocsImages.PathOf("directory-service-ar-phone.png"), FullPage = true });
    }

    [Theory]
    [InlineData("/directory")]
    [InlineData("/directory?lang=fa")]
    [InlineData("/directory?lang=uk&q=quittenweg")]
    [InlineData("/directory/overview?lang=ar")]
    [InlineData("/directory/services/test-sprachcafe-boenen?lang=ru")]
    [InlineData("/directory/services/no-such-service?lang=tr")]
    public async Task Public_pages_fit_a_360_pixel_phone(string path)
    {
        await using var context = await host.NewContextAsync(width: PhoneWidth, scale: 1);
        var page = await PhoneAsync(context);

        await page.GotoAsync(path);

        await AssertNoSidewaysScrollingAsync(page);
    }

    [Fact]
    public async Task The_search_works_without_JavaScript()
    {
        await using var context = await host.NewContextAsync(javaScript: false, width: PhoneWidth, scale: 1);
        var page = await PhoneAsync(context);

        await page.GotoAsync("/directory?lang=en");
        await page.GetByLabel("Search term").FillAsync("quittenweg");
        await page.GetByLabel("Town").SelectOptionAsync("Selm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("town=Selm", StringComparison.Ordinal));

        await Assertions.Expect(page.Locator($"#service-{Evening}")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator($"#service-{Cafe}").CountAsync());
    }

    [Fact]
    public async Task The_overview_prints_on_A4_pages_with_its_print_button()
    {
        await using var context = await host.NewContextAsync(scale: 1);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/directory/overview");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Drucken" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = DocsImages.PathOf("directory-overview.png") });
        var pdf = await page.PdfAsync(new() { PreferCSSPageSize = true });

        var sizes = PdfPages.Sizes(pdf);
        Assert.NotEmpty(sizes);
        Assert.All(sizes, size =>
        {
            Assert.InRange(size.Width, 210 * PdfPages.PointsPerMillimetre - 1.5, 210 * PdfPages.PointsPerMillimetre + 1.5);
            Assert.InRange(size.Height, 297 * PdfPages.PointsPerMillimetre - 1.5, 297 * PdfPages.PointsPerMillimetre + 1.5);
        });
    }
}
