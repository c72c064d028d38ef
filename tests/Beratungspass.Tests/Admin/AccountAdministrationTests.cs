using System.Net;
using Beratungspass.Accounts;
using Beratungspass.Administration;
using Beratungspass.Infrastructure;
using Marten;
using NodaTime;

namespace Beratungspass.Tests.Admin;

/// <summary>Accounts through the administration pages: creating, editing, passwords, disabling and unlocking, stale forms and the audit trail.</summary>
public sealed class AccountAdministrationTests(AccountAdministrationTests.Host host) : IClassFixture<AccountAdministrationTests.Host>
{
    public sealed class Host(TestPostgres postgres) : AppHost(postgres)
    {
        public SettableClock Clock { get; } = new(Instant.FromUtc(2026, 3, 2, 8, 0));

        protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IClock>(Clock);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<HttpClient> AdminAsync() => host.SignedInAsync("admin", "Demo-Admin-2026");

    private static async Task<HttpResponseMessage> CreateAsync(HttpClient admin, string id, string password, string role = "Counsellor", string institution = "jmd-caritas-luenen")
    {
        var form = await Forms.PageAsync(admin, "/admin/accounts/new");
        return await Forms.PostAsync(admin, "/admin/accounts/new", form,
            ("Id", id), ("DisplayName", "Neue Beraterin"), ("Role", role), ("InstitutionId", institution), ("Password", password), ("ExternalSubject", ""));
    }

    private async Task<List<AdminChange>> ChangesAsync(string subjectId)
    {
        await using var session = host.Store.QuerySession();
        return (await session.Query<AdminChange>().Where(c => c.SubjectId == subjectId).ToListAsync(Ct)).OrderBy(c => c.StoredAt).ToList();
    }

    [Fact]
    public async Task A_created_account_signs_in_with_its_initial_password_at_its_institution()
    {
        using var admin = await AdminAsync();

        using var created = await CreateAsync(admin, "neu.beraterin", "Erstes-Passwort-2026");

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/admin/accounts/neu.beraterin?saved=created", created.Headers.Location?.OriginalString);
        using var counsellor = await host.SignedInAsync("neu.beraterin", "Erstes-Passwort-2026");
        var pass = await PassesApi.IssueAsync(counsellor);
        Assert.Equal("jmd-caritas-luenen", (await PassesApi.CardAsync(host.Store, pass.PassCode)).IssuingInstitutionId);
        var account = await TestAccounts.LoadAsync(host, "neu.beraterin");
        Assert.Matches("^c-[0-9a-f]{10}$", account.Pseudonym);
        Assert.DoesNotContain("Erstes-Passwort-2026", account.PasswordHash, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kurz.passwort", "zu-kurz-11c", "password", "mindestens 12 Zeichen")]
    [InlineData("Gross Buchstaben", "Ein-langes-Passwort-2026", "id", "Kleinbuchstaben")]
    [InlineData("name.im.passwort", "xx-name.im.passwort-xx", "password", "Benutzernamen nicht enthalten")]
    public async Task Invalid_input_is_refused_with_a_message_at_the_field_and_nothing_is_stored(string id, string password, string field, string message)
    {
        using var admin = await AdminAsync();

        using var answer = await CreateAsync(admin, id, password);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var html = await answer.Content.ReadAsStringAsync(Ct);
        Assert.Contains(message, Forms.TextOf(html, field + "-error"), StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(password, html, StringComparison.Ordinal);
        await using var session = host.Store.QuerySession();
        Assert.Null(await session.LoadAsync<Account>(id, Ct));
    }

    [Fact]
    public async Task An_account_cannot_be_created_at_an_unknown_institution_nor_twice()
    {
        using var admin = await AdminAsync();

        using var unknown = await CreateAsync(admin, "ohne.einrichtung", "Ein-langes-Passwort-2026", institution: "gibt-es-nicht");
        using var taken = await CreateAsync(admin, "berater.awo", "Ein-langes-Passwort-2026");

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("aktive Einrichtung", Forms.TextOf(await unknown.Content.ReadAsStringAsync(Ct), "institution-error"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Contains("gibt es schon", Forms.TextOf(await taken.Content.ReadAsStringAsync(Ct), "id-error"), StringComparison.Ordinal);
        Assert.Equal("Demo-Berater:in AWO Unna", (await TestAccounts.LoadAsync(host, "berater.awo")).DisplayName);
    }

    [Fact]
    public async Task Two_administrators_editing_one_account_at_once_one_wins_and_the_other_is_told_it_changed_meanwhile()
    {
        await TestAccounts.CreateAsync(host, "zwei.admins");
        using var first = await AdminAsync();
        using var second = await AdminAsync();
        var firstForm = await Forms.PageAsync(first, "/admin/accounts/zwei.admins");
        var secondForm = await Forms.PageAsync(second, "/admin/accounts/zwei.admins");

        HttpResponseMessage[] answers = await Task.WhenAll(
            Forms.PostAsync(first, "/admin/accounts/zwei.admins?handler=Details", firstForm,
                ("Version", Forms.ValueOf(firstForm, "Version")), ("DisplayName", "Name von Admin 1"), ("Role", "Counsellor"), ("InstitutionId", "mbe-awo-unna"), ("ExternalSubject", "")),
            Forms.PostAsync(second, "/admin/accounts/zwei.admins?handler=Details", secondForm,
                ("Version", Forms.ValueOf(secondForm, "Version")), ("DisplayName", "Name von Admin 2"), ("Role", "Coordinator"), ("InstitutionId", "mbe-awo-unna"), ("ExternalSubject", "")));

        var won = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        var lost = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Conflict);
        Assert.Contains("Zwischenzeitlich geändert", Forms.TextOf(await lost.Content.ReadAsStringAsync(Ct), "changed-meanwhile"), StringComparison.Ordinal);
        var winner = won == answers[0] ? "Name von Admin 1" : "Name von Admin 2";
        var account = await TestAccounts.LoadAsync(host, "zwei.admins");
        Assert.Equal(winner, account.DisplayName);
        Assert.Equal(won == answers[0] ? Role.Counsellor : Role.Coordinator, account.Role);
        Assert.Single(await ChangesAsync("zwei.admins"), c => c.Action == AdminAction.AccountEdited);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task A_form_built_before_another_change_is_refused_even_when_sent_later()
    {
        await TestAccounts.CreateAsync(host, "alte.seite");
        using var admin = await AdminAsync();
        var old = await Forms.PageAsync(admin, "/admin/accounts/alte.seite");
        var current = await Forms.PageAsync(admin, "/admin/accounts/alte.seite");
        using var disabled = await Forms.PostAsync(admin, "/admin/accounts/alte.seite?handler=Disable", current, ("Version", Forms.ValueOf(current, "Version")));

        using var stale = await Forms.PostAsync(admin, "/admin/accounts/alte.seite?handler=Details", old,
            ("Version", Forms.ValueOf(old, "Version")), ("DisplayName", "Veralteter Name"), ("Role", "Counsellor"), ("InstitutionId", "mbe-awo-unna"), ("ExternalSubject", ""));

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var account = await TestAccounts.LoadAsync(host, "alte.seite");
        Assert.Equal("Test alte.seite", account.DisplayName);
        Assert.True(account.Disabled);
    }

    [Fact]
    public async Task A_new_password_works_at_once_lifts_a_lock_and_ends_the_old_session()
    {
        await TestAccounts.CreateAsync(host, "neues.passwort");
        using var oldSession = await host.SignedInAsync("neues.passwort", TestAccounts.Password);
        await using (var session = host.Store.LightweightSession())
        {
            var locked = (await session.LoadAsync<Account>("neues.passwort", Ct))!;
            locked.FailedSignIns = 5;
            locked.LockedUntil = host.Clock.GetCurrentInstant() + Duration.FromMinutes(15);
            session.Store(locked);
            await session.SaveChangesAsync(Ct);
        }

        using var admin = await AdminAsync();
        var form = await Forms.PageAsync(admin, "/admin/accounts/neues.passwort");
        Assert.Contains("gesperrt bis", Forms.TextOf(form, "account-state"), StringComparison.Ordinal);
        using var reset = await Forms.PostAsync(admin, "/admin/accounts/neues.passwort?handler=Password", form,
            ("Version", Forms.ValueOf(form, "Version")), ("Password", "Das-neue-Passwort-2026"));

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        using var fresh = await host.SignedInAsync("neues.passwort", "Das-neue-Passwort-2026");
        // Sessions are checked against their account at most once a minute.
        host.Clock.Advance(Duration.FromSeconds(61));
        using var oldAnswer = await oldSession.GetAsync("/passes/find", Ct);
        using var freshAnswer = await fresh.GetAsync("/passes/find", Ct);
        Assert.Equal(HttpStatusCode.Redirect, oldAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, freshAnswer.StatusCode);
        var change = Assert.Single(await ChangesAsync("neues.passwort"));
        Assert.Equal(AdminAction.PasswordReset, change.Action);
        Assert.Empty(change.Changes);
    }

    [Fact]
    public async Task Unlocking_lets_a_locked_account_sign_in_before_its_lock_runs_out()
    {
        await TestAccounts.CreateAsync(host, "entsperren");
        for (var i = 0; i < 5; i++)
        {
            using var client = host.Client();
            var signIn = await Forms.PageAsync(client, "/sign-in");
            using var _ = await Forms.PostAsync(client, "/sign-in", signIn, ("user", "entsperren"), ("password", "falsch-" + i));
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => host.SignedInAsync("entsperren", TestAccounts.Password));
        using var admin = await AdminAsync();
        var form = await Forms.PageAsync(admin, "/admin/accounts/entsperren");
        using var unlocked = await Forms.PostAsync(admin, "/admin/accounts/entsperren?handler=Unlock", form, ("Version", Forms.ValueOf(form, "Version")));

        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        using var signedIn = await host.SignedInAsync("entsperren", TestAccounts.Password);
        Assert.Equal(AdminAction.AccountUnlocked, Assert.Single(await ChangesAsync("entsperren")).Action);
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_until_it_is_enabled_again()
    {
        await TestAccounts.CreateAsync(host, "aus.und.an");
        using var admin = await AdminAsync();
        var form = await Forms.PageAsync(admin, "/admin/accounts/aus.und.an");
        using var disabled = await Forms.PostAsync(admin, "/admin/accounts/aus.und.an?handler=Disable", form, ("Version", Forms.ValueOf(form, "Version")));

        await Assert.ThrowsAsync<InvalidOperationException>(() => host.SignedInAsync("aus.und.an", TestAccounts.Password));
        form = await Forms.PageAsync(admin, "/admin/accounts/aus.und.an");
        Assert.Equal("deaktiviert", Forms.TextOf(form, "account-state"));
        using var enabled = await Forms.PostAsync(admin, "/admin/accounts/aus.und.an?handler=Enable", form, ("Version", Forms.ValueOf(form, "Version")));
        using var signedIn = await host.SignedInAsync("aus.und.an", TestAccounts.Password);
        Assert.Equal([AdminAction.AccountDisabled, AdminAction.AccountEnabled], (await ChangesAsync("aus.und.an")).Select(c => c.Action));
    }

    [Fact]
    public async Task Administrators_cannot_disable_or_demote_themselves()
    {
        await TestAccounts.CreateAsync(host, "admin.selbst", Role.Administrator, "ki-kreis-unna");
        using var admin = await host.SignedInAsync("admin.selbst", TestAccounts.Password);
        var form = await Forms.PageAsync(admin, "/admin/accounts/admin.selbst");

        using var disable = await Forms.PostAsync(admin, "/admin/accounts/admin.selbst?handler=Disable", form, ("Version", Forms.ValueOf(form, "Version")));
        using var demote = await Forms.PostAsync(admin, "/admin/accounts/admin.selbst?handler=Details", form,
            ("Version", Forms.ValueOf(form, "Version")), ("DisplayName", "Ich"), ("Role", "Counsellor"), ("InstitutionId", "ki-kreis-unna"), ("ExternalSubject", ""));

        Assert.Equal(HttpStatusCode.BadRequest, disable.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, demote.StatusCode);
        var account = await TestAccounts.LoadAsync(host, "admin.selbst");
        Assert.False(account.Disabled);
        Assert.Equal(Role.Administrator, account.Role);
        Assert.Empty(await ChangesAsync("admin.selbst"));
    }

    [Fact]
    public async Task An_administration_form_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        await TestAccounts.CreateAsync(host, "ohne.token");
        using var admin = await AdminAsync();
        var form = await Forms.PageAsync(admin, "/admin/accounts/ohne.token");

        using var answer = await admin.PostAsync("/admin/accounts/ohne.token?handler=Disable", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Version"] = Forms.ValueOf(form, "Version"),
        }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.False((await TestAccounts.LoadAsync(host, "ohne.token")).Disabled);
    }

    [Fact]
    public async Task The_audit_trail_records_who_changed_what_and_never_a_password()
    {
        using var admin = await AdminAsync();
        using var created = await CreateAsync(admin, "protokoll", "Geheimes-Passwort-2026", role: "Coordinator");
        var form = await Forms.PageAsync(admin, "/admin/accounts/protokoll");
        using var edited = await Forms.PostAsync(admin, "/admin/accounts/protokoll?handler=Details", form,
            ("Version", Forms.ValueOf(form, "Version")), ("DisplayName", "Koordination Süd"), ("Role", "Coordinator"), ("InstitutionId", "kim-nord"), ("ExternalSubject", "kreis-4711"));
        form = await Forms.PageAsync(admin, "/admin/accounts/protokoll");
        using var reset = await Forms.PostAsync(admin, "/admin/accounts/protokoll?handler=Password", form,
            ("Version", Forms.ValueOf(form, "Version")), ("Password", "Noch-geheimeres-Passwort-2026"));

        var changes = await ChangesAsync("protokoll");

        Assert.Equal([AdminAction.AccountCreated, AdminAction.AccountEdited, AdminAction.PasswordReset], changes.Select(c => c.Action));
        Assert.All(changes, c => Assert.Equal("admin", c.By));
        Assert.All(changes, c => Assert.Equal(AdminSubject.Account, c.Subject));
        Assert.Equal(
            [new FieldChange("displayName", "Neue Beraterin", "Koordination Süd"), new FieldChange("institution", "jmd-caritas-luenen", "kim-nord"), new FieldChange("externalSubject", null, "kreis-4711")],
            changes[1].Changes);
        var stored = await Sql.TextsAsync(host.ConnectionString, $"SELECT data::text FROM {MartenConfiguration.SchemaName}.mt_doc_adminchange");
        Assert.DoesNotContain(stored, row => row.Contains("Geheimes-Passwort", StringComparison.Ordinal) || row.Contains("geheimeres", StringComparison.Ordinal));
        var page = await Forms.PageAsync(admin, "/admin/changes?subject=protokoll");
        Assert.Contains("Passwort neu gesetzt", page, StringComparison.Ordinal);
        Assert.Contains("Koordination Süd", page, StringComparison.Ordinal);
    }
}
