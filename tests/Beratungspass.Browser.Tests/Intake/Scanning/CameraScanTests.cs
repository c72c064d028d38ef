using Microsoft.Playwright;

namespace Beratungspass.Browser.Tests.Intake.Scanning;

/// <summary>The camera path of the intake: Chromium's fake camera plays a generated video of a card's QR code.</summary>
public sealed class CameraScanTests(CameraScanTests.Host host) : IClassFixture<CameraScanTests.Host>
{
    public sealed class Host(TestPostgres postgres) : BrowserHost(postgres);

    [Fact]
    public async Task The_camera_button_reads_the_card_held_up_to_the_camera_and_opens_its_intake()
    {
        var code = await Desk.IssuePassAsync(host, "de");
        using var client = await host.SignedInAsync();
        var qr = await client.GetByteArrayAsync($"/api/v1/passes/{Desk.InAddress(code)}/qr.png", TestContext.Current.CancellationToken);
        var video = Path.Combine(Path.GetTempPath(), $"beratungspass-camera-{Guid.NewGuid():N}.y4m");
        FakeCamera.WriteY4m(qr, video);
        try
        {
            await using var camera = await host.LaunchAsync(
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", $"--use-file-for-fake-video-capture={video}");
            await using var context = await host.NewContextAsync(camera);
            var page = await Desk.SignInAsync(context);
            var complaints = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Type is "error" or "warning")
                {
                    complaints.Add($"{message.Text} ({message.Location})");
                }
            };
            page.PageError += (_, error) => complaints.Add(error);
            await page.GotoAsync("/intake");

            await page.GetByRole(AriaRole.Button, new() { Name = "Mit Kamera scannen" }).ClickAsync();
            await page.WaitForURLAsync(IntakeSteps.IntakeAddress(), new() { Timeout = 30_000 });

            Assert.EndsWith($"/intake/{Desk.InAddress(code)}", page.Url, StringComparison.Ordinal);
            Assert.Equal(code, await page.Locator("h1 .pass-code").InnerTextAsync());
            Assert.True(complaints.Count == 0, string.Join(Environment.NewLine, complaints));
        }
        finally
        {
            File.Delete(video);
        }
    }
}
