using System.Net;
using System.Text.RegularExpressions;
using Beratungspass.Accounts;
using Marten;
using Microsoft.AspNetCore.WebUtilities;

namespace Beratungspass.Tests.Accounts.SigningIn;

/// <summary>
/// Sign-in through an OpenID provider, for real: the app discovers a provider running on loopback, sends the
/// browser there, redeems the code with its client secret and PKCE, validates the RS256 ID token against the
/// provider's keys, and maps its subject to an existing account.
/// </summary>
public sealed partial class KreisSignInTests(KreisSignInTests.Host host) : IClassFixture<KreisSignInTests.Host>
{
    public sealed class Host(TestPostgres postgres) : AppHost(postgres)
    {
        public LoopbackIdentityProvider Provider { get; private set; } = null!;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Authentication:OpenIdConnect:Authority"] = Provider.Issuer,
            ["Authentication:OpenIdConnect:ClientId"] = LoopbackIdentityProvider.ClientId,
            ["Authentication:OpenIdConnect:ClientSecret"] = LoopbackIdentityProvider.ClientSecret,
            ["Authentication:OpenIdConnect:RequireHttpsMetadata"] = "false",
        };

        public override async ValueTask InitializeAsync()
        {
            Provider = await LoopbackIdentityProvider.StartAsync();
            await base.InitializeAsync();
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Provider.DisposeAsync();
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenField();

    /// <summary>Follows the sign-in as a browser would: app → provider → form post back to the app. Returns the app's last answer.</summary>
    private async Task<HttpResponseMessage> SignInThroughProviderAsync(HttpClient browser, string subject, string returnUrl = "/passes/find")
    {
        host.Provider.SignedIn = subject;
        var signInPage = await Forms.PageAsync(browser, "/sign-in?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        var link = Regex.Match(signInPage, "id=\"sign-in-external\" href=\"([^\"]+)\"").Groups[1].Value;
        using var challenge = await browser.GetAsync(WebUtility.HtmlDecode(link), Ct);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;

        using var provider = new HttpClient();
        var form = await provider.GetStringAsync(authorize, Ct);
        var action = WebUtility.HtmlDecode(Regex.Match(form, "action=\"([^\"]+)\"").Groups[1].Value);
        var fields = HiddenField().Matches(form).Select(m => new KeyValuePair<string, string>(m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value)));
        return await browser.PostAsync(action, new FormUrlEncodedContent(fields), Ct);
    }

    [Fact]
    public async Task The_sign_in_page_sends_the_browser_to_the_configured_provider_with_PKCE()
    {
        using var browser = host.Client();

        var page = await Forms.PageAsync(browser, "/sign-in");
        using var challenge = await browser.GetAsync("/sign-in/external?returnUrl=%2F", Ct);

        Assert.Contains("Mit dem Identitätsanbieter des Kreises anmelden", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.StartsWith(host.Provider.Issuer + "/authorize?", authorize.AbsoluteUri, StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(authorize.Query);
        Assert.Equal(LoopbackIdentityProvider.ClientId, query["client_id"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal(new Uri(host.BaseAddress, "/sign-in/external/callback").AbsoluteUri, query["redirect_uri"]);
        Assert.DoesNotContain(LoopbackIdentityProvider.ClientSecret, authorize.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_whose_subject_an_administrator_entered_signs_in_as_that_account()
    {
        await TestAccounts.CreateAsync(host, "oidc.beraterin", externalSubject: "kreis-unna|4711");
        using var browser = host.Client();
        var tokensBefore = host.Provider.TokensIssued;

        using var callback = await SignInThroughProviderAsync(browser, "kreis-unna|4711");

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/passes/find", callback.Headers.Location!.OriginalString);
        Assert.Equal(tokensBefore + 1, host.Provider.TokensIssued);
        var find = await Forms.PageAsync(browser, "/passes/find");
        Assert.Contains("Test oidc.beraterin", find, StringComparison.Ordinal);
        using var admin = await browser.GetAsync("/admin", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
    }

    [Fact]
    public async Task An_unknown_subject_is_refused_with_a_clear_page_and_no_account_is_created()
    {
        using var browser = host.Client();
        await using var before = host.Store.QuerySession();
        var accounts = await before.Query<Account>().CountAsync(Ct);

        using var callback = await SignInThroughProviderAsync(browser, "kreis-unna|unbekannt");

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/sign-in/external/refused", callback.Headers.Location!.OriginalString);
        using var refused = await browser.GetAsync(callback.Headers.Location, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("kein aktives Konto zugeordnet", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var find = await browser.GetAsync("/passes/find", Ct);
        Assert.Equal(HttpStatusCode.Redirect, find.StatusCode);
        await using var after = host.Store.QuerySession();
        Assert.Equal(accounts, await after.Query<Account>().CountAsync(Ct));
    }

    [Fact]
    public async Task A_disabled_account_is_refused_even_when_the_provider_vouches_for_it()
    {
        await TestAccounts.CreateAsync(host, "oidc.deaktiviert", disabled: true, externalSubject: "kreis-unna|0815");
        using var browser = host.Client();

        using var callback = await SignInThroughProviderAsync(browser, "kreis-unna|0815");

        Assert.Equal("/sign-in/external/refused", callback.Headers.Location!.OriginalString);
        using var find = await browser.GetAsync("/passes/find", Ct);
        Assert.Equal(HttpStatusCode.Redirect, find.StatusCode);
    }

    [Fact]
    public async Task A_provider_answer_for_another_browser_is_refused()
    {
        await TestAccounts.CreateAsync(host, "oidc.fremd", externalSubject: "kreis-unna|1234");
        using var victim = host.Client();
        using var attacker = host.Client();
        host.Provider.SignedIn = "kreis-unna|1234";
        using var challenge = await victim.GetAsync("/sign-in/external?returnUrl=%2F", Ct);
        using var provider = new HttpClient();
        var form = await provider.GetStringAsync(challenge.Headers.Location, Ct);
        var action = WebUtility.HtmlDecode(Regex.Match(form, "action=\"([^\"]+)\"").Groups[1].Value);
        var fields = HiddenField().Matches(form).Select(m => new KeyValuePair<string, string>(m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value)));

        // The answer is replayed from a browser that did not start this sign-in (no correlation cookie).
        using var callback = await attacker.PostAsync(action, new FormUrlEncodedContent(fields), Ct);

        Assert.Equal("/sign-in/external/refused", callback.Headers.Location!.OriginalString);
        using var find = await attacker.GetAsync("/passes/find", Ct);
        Assert.Equal(HttpStatusCode.Redirect, find.StatusCode);
    }
}
