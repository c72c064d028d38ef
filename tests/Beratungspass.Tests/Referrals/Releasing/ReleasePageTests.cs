using System.Net;
using Beratungspass.Passes;
using Beratungspass.Referrals.Requesting;
using Beratungspass.Web.Referrals.Releasing;

namespace Beratungspass.Tests.Referrals.Releasing;

/// <summary>The printable release from confidentiality: in the client's language, naming both institutions and the text's version.</summary>
public sealed class ReleasePageTests(ReleasePageTests.Host host) : IClassFixture<ReleasePageTests.Host>
{
    public sealed class Host(TestPostgres postgres) : AppHost(postgres);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Languages => new(ClientLanguages.All.Select(l => l.Code()));

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_release_reads_in_the_clients_language_and_names_both_institutions_and_its_version(string code)
    {
        var awo = await host.DeskAsync();
        Assert.True(ClientLanguages.TryParse(code, out var language));

        var page = await Forms.PageAsync(awo, $"/referrals/release?lang={code}&service=jmd-caritas-luenen");

        Assert.Contains($"<html lang=\"{code}\" dir=\"{(language.IsRightToLeft() ? "rtl" : "ltr")}\">", page, StringComparison.Ordinal);
        var texts = new ReleaseTexts(language);
        Assert.Equal(texts["Title"], Forms.TextOf(page, "release-title"));
        // The page reads as the resource says (non-breaking spaces between "Article" and "9" collapse like any space here).
        Assert.Equal(System.Text.RegularExpressions.Regex.Replace(texts["Sensitive1"], @"\s+", " "), Forms.TextOf(page, "release-sensitive"));
        Assert.Equal("Migrationsberatung für erwachsene Zuwanderer (AWO Unna)", Forms.TextOf(page, "release-from"));
        Assert.StartsWith("Jugendmigrationsdienst", Forms.TextOf(page, "release-to"), StringComparison.Ordinal);
        Assert.Equal(ReleaseTextVersion.Current, Forms.TextOf(page, "release-version"));
        // Every language can be chosen from the page, for the same receiving service.
        foreach (var other in ClientLanguages.All)
        {
            Assert.Contains($"href=\"/referrals/release?lang={other.Code()}&amp;service=jmd-caritas-luenen\"", page, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/referrals/release?lang=xx&service=jmd-caritas-luenen", HttpStatusCode.BadRequest, "Sprache nicht verfügbar")]
    [InlineData("/referrals/release?lang=de&service=awo-antidiscrimination", HttpStatusCode.BadRequest, "Vermittlung an die eigene Einrichtung")]
    [InlineData("/referrals/release?lang=de&service=no-such-service", HttpStatusCode.NotFound, "Angebot nicht gefunden")]
    [InlineData("/referrals/release?lang=de", HttpStatusCode.NotFound, "Angebot nicht gefunden")]
    public async Task No_release_is_printed_for_a_referral_that_could_not_be_made(string path, HttpStatusCode status, string title)
    {
        var awo = await host.DeskAsync();

        using var answer = await awo.GetAsync(path, Ct);
        var page = await answer.Content.ReadAsStringAsync(Ct);

        Assert.Equal(status, answer.StatusCode);
        Assert.Contains(title, page, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("release-version", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_sign_in_the_release_page_sends_to_the_sign_in()
    {
        using var anonymous = host.Client();

        using var answer = await anonymous.GetAsync("/referrals/release?lang=de&service=jmd-caritas-luenen", Ct);

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.StartsWith("/sign-in", answer.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }
}
