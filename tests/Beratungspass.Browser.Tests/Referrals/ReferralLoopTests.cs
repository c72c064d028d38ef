using Microsoft.Playwright;

namespace Beratungspass.Browser.Tests.Referrals;

/// <summary>
/// The whole referral loop through the real pages, in two browsers: AWO Unna (a tablet held upright, 768 px) refers
/// the client of the demo pass to the JMD Lünen after a call; the JMD (a phone, 360 px) accepts and completes it with
/// an outcome; AWO then sees the badge and the outcome.
/// </summary>
public sealed class ReferralLoopTests(ReferralLoopTests.Host host) : IClassFixture<ReferralLoopTests.Host>
{
    public sealed class Host(TestPostgres postgres) : BrowserHost(postgres);

    private const string DemoPass = "DEM2-KART-S";

    [Fact]
    public async Task A_referral_after_a_call_is_accepted_and_completed_and_the_referrer_sees_the_outcome()
    {
        await using var referrerContext = await host.NewContextAsync(width: 768, scale: 1);
        await using var receiverContext = await host.NewContextAsync(width: 360, scale: 1);
        var awo = await Desk.SignInAsync(referrerContext);
        var jmd = await Desk.SignInAsync(receiverContext, "berater.jmd");

        // Intake at AWO: the client consents, referrals included, and the history is shown.
        await IntakeSteps.OpenAsync(awo, DemoPass);
        var consent = await IntakeSteps.GiveConsentAsync(awo, IntakeSteps.DemoPin, true, "show-history", "record-contacts", "referrals");
        Assert.Equal(200, consent.Status);
        await Assertions.Expect(awo.Locator("#history-heading")).ToBeVisibleAsync();

        // Refer: find the JMD (the pass is 27–44, the JMD serves 12–26: the age filter is widened).
        await IntakeSteps.SubmitAsync(awo, awo.Locator("#refer"));
        await awo.WaitForFunctionAsync("() => document.activeElement?.id === 'search-heading'");
        await awo.Locator("#search-topic").SelectOptionAsync("work");
        await awo.Locator("#same-age").UncheckAsync();
        await IntakeSteps.SubmitAsync(awo, awo.GetByRole(AriaRole.Button, new() { Name = "Suchen", Exact = true }));
        await awo.Locator("#service-jmd-caritas-luenen").CheckAsync();
        await awo.ScreenshotAsync(new() { Path = DocsImages.PathOf("referral-search.png"), FullPage = true });
        await IntakeSteps.SubmitAsync(awo, awo.GetByRole(AriaRole.Button, new() { Name = "Diesen Dienst wählen" }));

        // The staff contacts with direct numbers; the release in the client's language.
        var phone = awo.Locator("ul.staff-contacts a[href^='tel:']").First;
        Assert.StartsWith("tel:0221", await phone.GetAttributeAsync("href"), StringComparison.Ordinal);
        Assert.Equal("/referrals/release?lang=ar&service=jmd-caritas-luenen", await awo.Locator("#release-link").GetAttributeAsync("href"));
        Assert.True(await awo.Locator("#referral-topic-work").IsCheckedAsync());

        // Sent without the release: the error summary takes the focus, nothing typed is lost.
        await awo.Locator("#staff-contact").SelectOptionAsync(new SelectOptionValue { Label = "Sarah Klein (Beraterin JMD, Teamleitung)" });
        await awo.Locator("#call-result-agreed").CheckAsync();
        await awo.Locator("#note").FillAsync("Termin Dienstag 10 Uhr");
        await awo.ScreenshotAsync(new() { Path = DocsImages.PathOf("referral-form.png"), FullPage = true });
        var refused = await IntakeSteps.SubmitAsync(awo, awo.GetByRole(AriaRole.Button, new() { Name = "Vermittlung senden" }));
        Assert.Equal(400, refused.Status);
        await awo.WaitForFunctionAsync("() => document.activeElement?.id === 'form-errors'");
        Assert.Equal("Termin Dienstag 10 Uhr", await awo.Locator("#note").InputValueAsync());
        Assert.True(await awo.Locator("#call-result-agreed").IsCheckedAsync());
        await awo.ScreenshotAsync(new() { Path = DocsImages.PathOf("referral-form-error.png") });

        await awo.Locator("#release-agreed").CheckAsync();
        await IntakeSteps.SubmitAsync(awo, awo.GetByRole(AriaRole.Button, new() { Name = "Vermittlung senden" }));
        await awo.WaitForURLAsync(url => url.Contains("/referrals/outbox?sent=", StringComparison.Ordinal));
        var referralId = new Uri(awo.Url).Query.Split('=')[1];
        await Assertions.Expect(awo.Locator("#referral-notice")).ToContainTextAsync("Die Vermittlung wurde gesendet.");
        await Assertions.Expect(awo.Locator($"#referral-{referralId}")).ToContainTextAsync("angefragt");

        // The JMD: the navigation tells of the new referral and leads to the inbox; there pass code, topic,
        // referring service and the call — and the answers.
        await jmd.GotoAsync("/intake");
        await Assertions.Expect(jmd.Locator("#waiting-referrals")).ToContainTextAsync("1 neue Vermittlung an uns");
        Assert.Equal("/referrals/inbox", await jmd.Locator("#nav-referrals").GetAttributeAsync("href"));
        await jmd.GotoAsync("/referrals/inbox");
        var incoming = jmd.Locator($"#referral-{referralId}");
        await Assertions.Expect(incoming).ToContainTextAsync(DemoPass);
        await Assertions.Expect(incoming).ToContainTextAsync("Migrationsberatung (MBE) AWO Unna");
        await Assertions.Expect(incoming).ToContainTextAsync("Sarah Klein: abgestimmt");
        await jmd.ScreenshotAsync(new() { Path = DocsImages.PathOf("referral-inbox.png"), FullPage = true });
        await IntakeSteps.SubmitAsync(jmd, incoming.GetByRole(AriaRole.Button, new() { Name = "Annehmen" }));
        await Assertions.Expect(jmd.Locator("#referral-notice")).ToBeVisibleAsync();

        incoming = jmd.Locator($"#referral-{referralId}");
        await incoming.Locator($"#complete-outcome-{referralId}").SelectOptionAsync("counselling-took-place");
        await incoming.Locator($"#complete-note-{referralId}").FillAsync("Erstgespräch geführt");
        await IntakeSteps.SubmitAsync(jmd, incoming.GetByRole(AriaRole.Button, new() { Name = "Abschließen" }));
        await Assertions.Expect(jmd.Locator($"#referral-{referralId}")).ToContainTextAsync("Beratung hat stattgefunden");

        // AWO: the badge in the navigation, then the outcome, highlighted once.
        await awo.GotoAsync("/intake");
        await Assertions.Expect(awo.Locator("#unseen-results")).ToContainTextAsync("1 neues Ergebnis");
        await awo.Locator("header").ScreenshotAsync(new() { Path = DocsImages.PathOf("referral-badge.png") });
        await awo.Locator("#nav-referrals").ClickAsync();
        await awo.WaitForURLAsync(url => url.EndsWith("/referrals/outbox", StringComparison.Ordinal));
        var result = awo.Locator($"#referral-{referralId}");
        await Assertions.Expect(result).ToContainTextAsync("Beratung hat stattgefunden – Erstgespräch geführt");
        await Assertions.Expect(result.Locator(".flag.new")).ToBeVisibleAsync();
        await Assertions.Expect(awo.Locator("#unseen-results")).ToHaveCountAsync(0);
        await awo.ScreenshotAsync(new() { Path = DocsImages.PathOf("referral-outbox.png"), FullPage = true });

        await awo.ReloadAsync();
        await Assertions.Expect(awo.Locator($"#referral-{referralId} .flag.new")).ToHaveCountAsync(0);
    }
}
