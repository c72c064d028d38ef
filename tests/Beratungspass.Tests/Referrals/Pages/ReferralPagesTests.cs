using System.Net;
using static Beratungspass.Tests.Infrastructure.IntakeCalls;
using static Beratungspass.Tests.Referrals.ReferralCalls;

namespace Beratungspass.Tests.Referrals.Pages;

/// <summary>
/// The referral pages as plain HTTP: the form from the intake view (errors keep what was typed), the receiving
/// institution's inbox with versioned answers, the referrer's outbox with new results marked seen, and who may open them.
/// </summary>
public sealed class ReferralPagesTests(ReferralPagesTests.Host host) : IClassFixture<ReferralPagesTests.Host>
{
    public sealed class Host(TestPostgres postgres) : AppHost(postgres);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_form_suggests_services_shows_the_staff_contacts_keeps_input_on_errors_and_refers()
    {
        using var awo = await host.SignedInAsync();
        var pass = await PassesApi.IssueAsync(awo, language: "ar", ageBand: "18-26", pin: ClientPin);
        var (_, presence) = await ConsentAsync(awo, pass);
        var path = $"/intake/{pass.CodeValue}/referral";
        var intake = await Forms.PageAsync(awo, $"/intake/{pass.CodeValue}");

        using var started = await Forms.PostAsync(awo, path, intake, ("Form.PresenceToken", presence));
        var search = await TextAsync(started, HttpStatusCode.OK);
        Assert.Contains("id=\"service-jmd-caritas-luenen\"", search, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"service-mbe-awo-unna\"", search, StringComparison.Ordinal);
        var referralId = Forms.ValueOf(search, "Form.ReferralId");

        using var chosen = await Forms.PostAsync(awo, path + "?handler=Choose", search,
            ("Form.PresenceToken", presence), ("Form.ReferralId", referralId), ("Form.Searched", "true"), ("Form.Topic", "work"), ("Form.ServiceId", "jmd-caritas-luenen"));
        var form = await TextAsync(chosen, HttpStatusCode.OK);
        Assert.Contains("href=\"tel:022147102", form, StringComparison.Ordinal);
        Assert.Contains("Sarah Klein", form, StringComparison.Ordinal);
        Assert.Contains($"/referrals/release?lang=ar&amp;service=jmd-caritas-luenen", form, StringComparison.Ordinal);
        Assert.Contains("id=\"referral-topic-work\" name=\"Form.Topics\" value=\"work\" checked", form, StringComparison.Ordinal);

        (string, string)[] Fields(bool agreed, string? result) =>
        [
            ("Form.PresenceToken", presence), ("Form.ReferralId", referralId), ("Form.ServiceId", "jmd-caritas-luenen"), ("Form.Searched", "true"),
            ("Form.CallMode", "call"), ("Form.StaffContact", "other"), ("Form.ReachedName", "Frau Klein"),
            ("Form.CallDate", Forms.ValueById(form, "call-date")), ("Form.CallTime", Forms.ValueById(form, "call-time")),
            .. result is null ? Array.Empty<(string, string)>() : [("Form.CallResult", result)],
            ("Form.Topics", "work"), ("Form.Note", "Termin Dienstag 10 Uhr"), ("Form.ReleaseLanguage", "ar"),
            .. agreed ? [("Form.ReleaseAgreed", "true")] : Array.Empty<(string, string)>(),
        ];
        var before = await StoredRows.CountAsync(host.ConnectionString);

        using var refused = await Forms.PostAsync(awo, path + "?handler=Refer", form, Fields(agreed: false, result: null));
        var errors = await TextAsync(refused, HttpStatusCode.BadRequest);
        Assert.Contains("href=\"#release-agreed\"", errors, StringComparison.Ordinal);
        Assert.Contains("href=\"#call-result\"", errors, StringComparison.Ordinal);
        Assert.Contains("Termin Dienstag 10 Uhr</textarea>", errors, StringComparison.Ordinal);
        Assert.Contains("value=\"Frau Klein\"", errors, StringComparison.Ordinal);
        Assert.Equal(before, await StoredRows.CountAsync(host.ConnectionString));

        using var referred = await Forms.PostAsync(awo, path + "?handler=Refer", errors, Fields(agreed: true, result: "agreed"));
        Assert.Equal(HttpStatusCode.Redirect, referred.StatusCode);
        Assert.Equal($"/referrals/outbox?sent={referralId}", referred.Headers.Location?.OriginalString);

        var outbox = await Forms.PageAsync(awo, referred.Headers.Location!.OriginalString);
        Assert.Contains(pass.PassCode, outbox, StringComparison.Ordinal);
        Assert.Contains("Die Vermittlung wurde gesendet.", outbox, StringComparison.Ordinal);
        var card = await host.Store.QuerySession().LoadAsync<Beratungspass.Referrals.ReferralCard>("referral:" + referralId, Ct);
        Assert.Equal(("Frau Klein", Beratungspass.Referrals.CoordinationResult.Agreed), (card!.Coordinations[0].Reached, card.Coordinations[0].Result));
    }

    [Fact]
    public async Task Without_the_presence_proof_the_form_only_points_back_to_the_intake()
    {
        using var awo = await host.SignedInAsync();
        var pass = await PassesApi.IssueAsync(awo, pin: ClientPin);
        var intake = await Forms.PageAsync(awo, $"/intake/{pass.CodeValue}");

        using var refused = await Forms.PostAsync(awo, $"/intake/{pass.CodeValue}/referral", intake, ("Form.PresenceToken", "forged"));
        var page = await TextAsync(refused, HttpStatusCode.Forbidden);
        Assert.DoesNotContain("Dienst finden", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/intake/{pass.CodeValue}\"", page, StringComparison.Ordinal);

        var plain = await Forms.PageAsync(awo, $"/intake/{pass.CodeValue}/referral");
        Assert.DoesNotContain("Dienst finden", plain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_inbox_answers_with_the_cards_version_refuses_stale_answers_and_the_outbox_shows_the_new_result_once()
    {
        var awoApi = await host.DeskAsync();
        using var awo = await host.SignedInAsync();
        using var jmd = await host.SignedInAsync("berater.jmd");
        var ready = await ReadyAsync(awoApi);
        var referral = await RequestedAsync(awoApi, Body(ready.Pass.CodeValue, ready.PresenceToken));
        var id = IdOf(referral);

        var inbox = await Forms.PageAsync(jmd, "/referrals/inbox");
        Assert.Contains(ready.Pass.PassCode, inbox, StringComparison.Ordinal);
        Assert.Contains("Bitte um Rückruf", inbox, StringComparison.Ordinal);
        var version = VersionOf(referral).ToString(System.Globalization.CultureInfo.InvariantCulture);

        using var accepted = await Forms.PostAsync(jmd, "/referrals/inbox?handler=Answer", inbox, ("referralId", id), ("version", version), ("step", "accept"));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        // The same page's form again: the card changed since it was shown.
        using var stale = await Forms.PostAsync(jmd, "/referrals/inbox?handler=Answer", inbox,
            ("referralId", id), ("version", version), ("step", "reject"), ("outcome", "no-capacity"), ("note", "Warteliste voll"));
        var staleAnswer = await TextAsync(stale, HttpStatusCode.Conflict);
        Assert.Contains("Inzwischen geändert", staleAnswer, StringComparison.Ordinal);
        Assert.Contains("Warteliste voll", staleAnswer, StringComparison.Ordinal);

        var current = await Forms.PageAsync(jmd, "/referrals/inbox");
        var now = Forms.ValueOf(current[current.IndexOf($"id=\"referral-{id}\"", StringComparison.Ordinal)..], "version");
        using var noOutcome = await Forms.PostAsync(jmd, "/referrals/inbox?handler=Answer", current, ("referralId", id), ("version", now), ("step", "complete"), ("note", "Erstgespräch"));
        var missing = await TextAsync(noOutcome, HttpStatusCode.BadRequest);
        Assert.Contains("Bitte wählen Sie ein Ergebnis.", missing, StringComparison.Ordinal);
        Assert.Contains("Erstgespräch</textarea>", missing, StringComparison.Ordinal);

        using var completed = await Forms.PostAsync(jmd, "/referrals/inbox?handler=Answer", current,
            ("referralId", id), ("version", now), ("step", "complete"), ("outcome", "counselling-took-place"), ("note", "Erstgespräch"));
        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);

        var home = await Forms.PageAsync(awo, "/intake");
        Assert.Matches("id=\"unseen-results\"><span aria-hidden=\"true\">[0-9]+</span><span class=\"visually-hidden\">[0-9]+ neues? Ergebniss?e?<", home);
        var outbox = await Forms.PageAsync(awo, "/referrals/outbox");
        Assert.Contains("Beratung hat stattgefunden – Erstgespräch", outbox, StringComparison.Ordinal);
        Assert.Contains("neues Ergebnis", outbox, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"unseen-results\"", outbox, StringComparison.Ordinal);
        var again = await Forms.PageAsync(awo, "/referrals/outbox");
        Assert.DoesNotContain("class=\"flag new\"", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_referrer_cancels_with_a_reason_and_a_missing_reason_is_asked_for()
    {
        var awoApi = await host.DeskAsync();
        using var awo = await host.SignedInAsync();
        var ready = await ReadyAsync(awoApi);
        var referral = await RequestedAsync(awoApi, Body(ready.Pass.CodeValue, ready.PresenceToken));
        var id = IdOf(referral);
        var version = VersionOf(referral).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var outbox = await Forms.PageAsync(awo, "/referrals/outbox");

        using var noReason = await Forms.PostAsync(awo, "/referrals/outbox?handler=Cancel", outbox, ("referralId", id), ("version", version), ("note", "zieht um"));
        var asked = await TextAsync(noReason, HttpStatusCode.BadRequest);
        Assert.Contains("Bitte wählen Sie einen Grund", asked, StringComparison.Ordinal);
        Assert.Contains("zieht um</textarea>", asked, StringComparison.Ordinal);

        using var cancelled = await Forms.PostAsync(awo, "/referrals/outbox?handler=Cancel", outbox, ("referralId", id), ("version", version), ("reason", "client-declined"));
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        var after = await Forms.PageAsync(awo, cancelled.Headers.Location!.OriginalString);
        Assert.Contains("zurückgezogen", after, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("koordination.kim", "Demo-Koordination-2026")]
    [InlineData("admin", "Demo-Admin-2026")]
    public async Task Coordinators_and_administrators_reach_no_referral_page(string user, string password)
    {
        using var client = await host.SignedInAsync(user, password);

        foreach (var path in new[] { "/referrals/inbox", "/referrals/outbox", "/intake/DEM2KARTS/referral" })
        {
            using var answer = await client.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        }

        var home = await client.GetStringAsync("/", Ct);
        Assert.DoesNotContain("nav-referrals", home, StringComparison.Ordinal);
    }

    private static async Task<string> TextAsync(HttpResponseMessage answer, HttpStatusCode expected)
    {
        var html = await answer.Content.ReadAsStringAsync(Ct);
        Assert.True(answer.StatusCode == expected, $"{(int)answer.StatusCode}: {html[..Math.Min(html.Length, 2000)]}");
        return html;
    }
}
