using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Beratungspass.Browser.Tests.Intake.Scanning;

public sealed class ScanningTests(ScanningTests.Host host) : IClassFixture<ScanningTests.Host>
{
    public sealed class Host(TestPostgres postgres) : BrowserHost(postgres);

    [Fact]
    public async Task What_a_handheld_scanner_types_and_the_typed_pass_code_open_the_same_intake()
    {
        var code = await Desk.IssuePassAsync(host, "uk");
        var token = await IntakeSteps.QrTokenAsync(host, code);
        await using var context = await host.NewContextAsync();
        var page = await Desk.SignInAsync(context);

        await IntakeSteps.OpenAsync(page, token);
        var scanned = page.Url;
        // Typed the way people type: lower case, spaces instead of dashes.
        await IntakeSteps.OpenAsync(page, code.ToLowerInvariant().Replace('-', ' '));

        Assert.EndsWith($"/intake/{Desk.InAddress(code)}", scanned, StringComparison.Ordinal);
        Assert.Equal(scanned, page.Url);
        Assert.Equal(code, await page.Locator("h1 .pass-code").InnerTextAsync());
    }

    [Fact]
    public async Task A_replaced_card_a_tampered_code_and_a_typo_are_refused_with_a_clear_message()
    {
        var code = await Desk.IssuePassAsync(host, "de");
        var oldToken = await IntakeSteps.QrTokenAsync(host, code);
        using (var client = await host.SignedInAsync())
        {
            var card = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/passes/{Desk.InAddress(code)}", TestContext.Current.CancellationToken);
            using var reissued = await client.PostAsJsonAsync($"/api/v1/passes/{Desk.InAddress(code)}/card",
                new { expectedVersion = card.GetProperty("version").GetInt64() }, TestContext.Current.CancellationToken);
            reissued.EnsureSuccessStatusCode();
        }

        var newToken = await IntakeSteps.QrTokenAsync(host, code);
        var tampered = newToken[..^3] + (newToken[^3] == 'A' ? 'B' : 'A') + newToken[^2..];
        var typo = code[..^1] + (code[^1] == '2' ? '3' : '2');
        await using var context = await host.NewContextAsync();
        var page = await Desk.SignInAsync(context);

        var replaced = await IntakeSteps.ScanAsync(page, oldToken);
        Assert.Equal(410, replaced.Status);
        Assert.Contains("Karte ersetzt", await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
        Assert.EndsWith("/intake", page.Url, StringComparison.Ordinal);

        var invalid = await IntakeSteps.ScanAsync(page, tampered);
        Assert.Equal(400, invalid.Status);
        Assert.Contains("Ungültiger Code", await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("scan-error", (await page.Locator("#scan").GetAttributeAsync("aria-describedby"))?.Split(' ').Last());

        var mistyped = await IntakeSteps.ScanAsync(page, typo);
        Assert.Equal(400, mistyped.Status);
        Assert.Contains("Tippfehler im Pass-Code", await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);

        await IntakeSteps.OpenAsync(page, newToken);
        Assert.Equal(code, await page.Locator("h1 .pass-code").InnerTextAsync());
    }

    [Fact]
    public async Task An_unknown_pass_code_in_the_address_answers_404_with_the_message()
    {
        await using var context = await host.NewContextAsync();
        var page = await Desk.SignInAsync(context);

        var unknown = await page.GotoAsync("/intake/2222-2222-2");

        Assert.Equal(404, unknown!.Status);
        Assert.Contains("Pass nicht gefunden", await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("form[action*='handler=']").CountAsync());
    }

    [Fact]
    public async Task The_camera_button_shows_only_with_JavaScript_and_a_camera_API_while_the_field_works_without()
    {
        var code = await Desk.IssuePassAsync(host, "de");
        await using (var context = await host.NewContextAsync())
        {
            var page = await Desk.SignInAsync(context);
            var intake = await page.GotoAsync("/intake");
            Assert.Contains("camera=(self)", await intake!.HeaderValueAsync("permissions-policy") ?? "", StringComparison.Ordinal);
            Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Mit Kamera scannen" }).IsVisibleAsync());
            Assert.Equal("scan", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        }

        await using (var context = await host.NewContextAsync())
        {
            // A browser without a camera API (an old tablet, a desk PC without a webcam driver).
            await context.AddInitScriptAsync("delete Navigator.prototype.mediaDevices;");
            var page = await Desk.SignInAsync(context);
            await page.GotoAsync("/intake");
            Assert.False(await page.Locator("#camera-start").IsVisibleAsync());
        }

        await using (var context = await host.NewContextAsync(javaScript: false))
        {
            var page = await Desk.SignInAsync(context);
            await page.GotoAsync("/intake");
            Assert.False(await page.Locator("#camera-start").IsVisibleAsync());

            await IntakeSteps.OpenAsync(page, code);
            Assert.Equal(code, await page.Locator("h1 .pass-code").InnerTextAsync());
        }
    }
}
