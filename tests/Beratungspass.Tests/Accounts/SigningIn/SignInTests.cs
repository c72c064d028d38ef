using System.Net;
using Beratungspass.Accounts;
using NodaTime;

namespace Beratungspass.Tests.Accounts.SigningIn;

/// <summary>Password sign-in through the real form: lockout, disabled accounts, one answer for every refusal, antiforgery, cookies.</summary>
public sealed class SignInTests(SignInTests.Host host) : IClassFixture<SignInTests.Host>
{
    public sealed class Host(TestPostgres postgres) : AppHost(postgres)
    {
        public SettableClock Clock { get; } = new(Instant.FromUtc(2026, 3, 2, 8, 0));

        protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IClock>(Clock);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpStatusCode Status, string Html)> TryAsync(string user, string password)
    {
        using var client = host.Client();
        var form = await Forms.PageAsync(client, "/sign-in");
        using var answer = await Forms.PostAsync(client, "/sign-in", form, ("user", user), ("password", password));
        return (answer.StatusCode, await answer.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_fifteen_minutes_even_for_the_right_password()
    {
        await TestAccounts.CreateAsync(host, "lock.five");

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await TryAsync("lock.five", "falsches-Passwort-" + i)).Status);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await TryAsync("lock.five", TestAccounts.Password)).Status);
        host.Clock.Advance(Duration.FromMinutes(14));
        Assert.Equal(HttpStatusCode.BadRequest, (await TryAsync("lock.five", TestAccounts.Password)).Status);
        host.Clock.Advance(Duration.FromMinutes(1) + Duration.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Redirect, (await TryAsync("lock.five", TestAccounts.Password)).Status);
        var account = await TestAccounts.LoadAsync(host, "lock.five");
        Assert.Equal(0, account.FailedSignIns);
        Assert.Null(account.LockedUntil);
    }

    [Fact]
    public async Task Four_wrong_passwords_and_then_the_right_one_sign_in_and_start_the_count_afresh()
    {
        await TestAccounts.CreateAsync(host, "lock.four");

        for (var i = 0; i < 4; i++)
        {
            await TryAsync("lock.four", "falsches-Passwort-" + i);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await TryAsync("lock.four", TestAccounts.Password)).Status);
        for (var i = 0; i < 4; i++)
        {
            await TryAsync("lock.four", "falsches-Passwort-" + i);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await TryAsync("lock.four", TestAccounts.Password)).Status);
    }

    [Fact]
    public async Task Wrong_passwords_sent_at_once_are_all_counted()
    {
        await TestAccounts.CreateAsync(host, "lock.parallel");

        var attempts = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => TryAsync("lock.parallel", "falsches-Passwort-" + i)));

        Assert.All(attempts, attempt => Assert.Equal(HttpStatusCode.BadRequest, attempt.Status));
        var account = await TestAccounts.LoadAsync(host, "lock.parallel");
        Assert.Equal(5, account.FailedSignIns);
        Assert.NotNull(account.LockedUntil);
        Assert.Equal(HttpStatusCode.BadRequest, (await TryAsync("lock.parallel", TestAccounts.Password)).Status);
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_with_its_right_password()
    {
        await TestAccounts.CreateAsync(host, "disabled.one", disabled: true);

        var (status, html) = await TryAsync("disabled.one", TestAccounts.Password);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("sign-in-error", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_name_wrong_password_locked_and_disabled_accounts_get_the_same_answer()
    {
        await TestAccounts.CreateAsync(host, "same.wrong");
        await TestAccounts.CreateAsync(host, "same.locked");
        await TestAccounts.CreateAsync(host, "same.disabled", disabled: true);
        for (var i = 0; i < 5; i++)
        {
            await TryAsync("same.locked", "falsches-Passwort-" + i);
        }

        var answers = new[]
        {
            await TryAsync("same.unknown", TestAccounts.Password),
            await TryAsync("same.wrong", "falsches-Passwort"),
            await TryAsync("same.locked", TestAccounts.Password),
            await TryAsync("same.disabled", TestAccounts.Password),
        };

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.BadRequest, answer.Status));
        var messages = answers.Select(answer => Forms.TextOf(answer.Html, "sign-in-error")).Distinct().ToList();
        var message = Assert.Single(messages);
        Assert.Contains("15 Minuten gesperrt", message, StringComparison.Ordinal);
        Assert.Contains("Benutzername oder Passwort ist falsch", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_in_without_the_antiforgery_token_is_refused()
    {
        await TestAccounts.CreateAsync(host, "no.token");
        using var client = host.Client();
        await Forms.PageAsync(client, "/sign-in");

        using var answer = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["user"] = "no.token",
            ["password"] = TestAccounts.Password,
        }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.False(answer.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("Beratungspass.Anmeldung=", StringComparison.Ordinal)));
        using var after = await client.GetAsync("/passes/find", Ct);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task The_sign_in_cookie_is_http_only_and_same_site_and_secure_outside_development()
    {
        await TestAccounts.CreateAsync(host, "cookie.flags");
        await using var production = AppHost.Start(host.ConnectionString, AppHost.TestKeyEncryptionKey, new Dictionary<string, string?> { ["environment"] = "Production" });
        using var client = production.Client();
        var form = await Forms.PageAsync(client, "/sign-in");

        using var answer = await Forms.PostAsync(client, "/sign-in", form, ("user", "cookie.flags"), ("password", TestAccounts.Password));

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var signIn = answer.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("Beratungspass.Anmeldung=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("; secure", signIn, StringComparison.Ordinal);
        Assert.Contains("; httponly", signIn, StringComparison.Ordinal);
        Assert.Contains("; samesite=lax", signIn, StringComparison.Ordinal);
        Assert.Contains("; path=/", signIn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_ends_within_a_minute_after_its_account_is_disabled()
    {
        await TestAccounts.CreateAsync(host, "session.disabled");
        using var client = await host.SignedInAsync("session.disabled", TestAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/passes/find", Ct)).StatusCode);

        await using (var session = host.Store.LightweightSession())
        {
            var account = (await session.LoadAsync<Account>("session.disabled", Ct))!;
            account.Disabled = true;
            account.SecurityStamp = Account.NewSecurityStamp();
            session.Store(account);
            await session.SaveChangesAsync(Ct);
        }

        host.Clock.Advance(Duration.FromMinutes(1) + Duration.FromSeconds(1));
        using var after = await client.GetAsync("/passes/find", Ct);

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/sign-in", after.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Without_an_identity_provider_configured_the_sign_in_page_offers_none()
    {
        using var client = host.Client();

        var page = await Forms.PageAsync(client, "/sign-in");
        using var external = await client.GetAsync("/sign-in/external", Ct);

        Assert.DoesNotContain("sign-in-external", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, external.StatusCode);
    }

    [Fact]
    public async Task Administrators_land_on_the_administration_and_counsellors_on_the_start_page()
    {
        using var admin = host.Client();
        var form = await Forms.PageAsync(admin, "/sign-in");
        using var adminAnswer = await Forms.PostAsync(admin, "/sign-in", form, ("user", "admin"), ("password", "Demo-Admin-2026"));
        using var counsellor = host.Client();
        form = await Forms.PageAsync(counsellor, "/sign-in");
        using var counsellorAnswer = await Forms.PostAsync(counsellor, "/sign-in", form, ("user", "berater.awo"), ("password", "Demo-Beratung-2026"));

        Assert.Equal("/admin", adminAnswer.Headers.Location?.OriginalString);
        Assert.Equal("/", counsellorAnswer.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Signing_out_through_the_header_form_ends_the_session()
    {
        await TestAccounts.CreateAsync(host, "sign.out");
        using var client = await host.SignedInAsync("sign.out", TestAccounts.Password);
        var page = await Forms.PageAsync(client, "/passes/find");

        using var signedOut = await Forms.PostAsync(client, "/sign-out", page);
        using var after = await client.GetAsync("/passes/find", Ct);

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("/sign-in", signedOut.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/sign-in", after.Headers.Location!.AbsolutePath);
    }
}
