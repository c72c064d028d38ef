using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Beratungspass.Referrals.Notifying;
using Beratungspass.Web.Referrals.Notifying;
using Marten;
using static Beratungspass.Tests.Infrastructure.IntakeCalls;
using static Beratungspass.Tests.Referrals.ReferralCalls;

namespace Beratungspass.Tests.Referrals.Notifying;

/// <summary>
/// Notifications of referral events: in the app for the institution concerned, and by e-mail to its functional
/// mailbox through a real SMTP server — sent again until the server is there, once, with no personal data in it.
/// </summary>
public sealed class ReferralNotificationTests(ReferralNotificationTests.Host host) : IClassFixture<ReferralNotificationTests.Host>
{
    public sealed class Host(TestPostgres postgres) : AppHost(postgres)
    {
        public TestSmtpServer Smtp { get; } = new();

        protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
        {
            ["Notifications:Smtp:Host"] = "127.0.0.1",
            ["Notifications:Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:Smtp:UseStartTls"] = "false",
            ["Notifications:Smtp:From"] = "Beratungspass <no-reply@beratungspass.test>",
            ["Notifications:BaseUrl"] = "https://beratungspass.test/",
            ["Notifications:PollInterval"] = "00:00:00.200",
            ["Notifications:FirstRetryDelay"] = "00:00:00.300",
            ["Notifications:LongestRetryDelay"] = "00:00:01",
            // The JMD has a functional mailbox of its own; the AWO is mailed at its directory address.
            ["Notifications:Mailboxes:jmd-caritas-luenen"] = "eingang-vermittlung@caritas-luenen.example",
        };

        public override async ValueTask DisposeAsync()
        {
            await Smtp.DisposeAsync();
            await base.DisposeAsync();
        }
    }

    private const string DemoPin = "4711";

    private static readonly IssuedPass DemoPass = new("DEM2-KART-S", 1, 0);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_referral_and_its_answer_are_mailed_once_the_smtp_server_is_up_without_personal_data()
    {
        var awo = await host.DeskAsync();
        var jmd = await host.DeskAsync("berater.jmd");
        var referralId = await ReferAsync(awo);

        // The server is down: the mail waits in the outbox and is tried again.
        var mailId = ReferralNotification.KeyOf(referralId, 1);
        Assert.True(await EventuallyAsync(async () => (await MailAsync(mailId)) is { Attempts: >= 2, Pending: true }, TimeSpan.FromSeconds(15)),
            "the mail was not tried again while the SMTP server was down");
        var newReferralId = MessageIdOf(await MailAsync(mailId));
        Assert.DoesNotContain(host.Smtp.Messages, m => m.MessageId == newReferralId);

        host.Smtp.Start();
        Assert.True(await host.Smtp.WaitForAsync(ms => ms.Any(m => m.MessageId == newReferralId), TimeSpan.FromSeconds(20)), "the new referral was not mailed");
        var mailed = Assert.Single(host.Smtp.Messages, m => m.MessageId == newReferralId);
        Assert.Equal("eingang-vermittlung@caritas-luenen.example", Assert.Single(mailed.To.Mailboxes).Address);
        Assert.Contains("https://beratungspass.test/referrals/inbox", mailed.TextBody, StringComparison.Ordinal);
        Assert.Contains("Neue Vermittlung", mailed.Subject, StringComparison.Ordinal);
        Assert.Contains("A new referral", mailed.TextBody, StringComparison.Ordinal);
        AssertNothingPersonal(mailed, referralId);
        Assert.Equal("sent", (await MailAsync(mailId))!.Outcome);

        // The answer goes to the referrer, at the organization's address in the directory.
        var incoming = Find(await GetAsync(jmd, "/api/v1/referrals/inbox"), referralId)!.Value;
        await SteppedAsync(jmd, referralId, "acceptance", new { expectedVersion = VersionOf(incoming) });
        var answerId = MessageIdOf(await MailAsync(ReferralNotification.KeyOf(referralId, 2)));
        Assert.True(await host.Smtp.WaitForAsync(ms => ms.Any(m => m.MessageId == answerId), TimeSpan.FromSeconds(20)), "the answer was not mailed");
        var answer = Assert.Single(host.Smtp.Messages, m => m.MessageId == answerId);
        Assert.Equal("migration@awo-unna.example", Assert.Single(answer.To.Mailboxes).Address);
        Assert.Contains("https://beratungspass.test/referrals/outbox", answer.TextBody, StringComparison.Ordinal);
        AssertNothingPersonal(answer, referralId);

        // Sent means sent once: a few more rounds of the mailer add nothing.
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Assert.Single(host.Smtp.Messages, m => m.MessageId == newReferralId);
        Assert.Single(host.Smtp.Messages, m => m.MessageId == answerId);
    }

    [Fact]
    public async Task Each_side_finds_its_notifications_in_the_app_and_marks_them_read()
    {
        var awo = await host.DeskAsync();
        var jmd = await host.DeskAsync("berater.jmd");
        var referralId = await ReferAsync(awo);

        var jmdList = await GetAsync(jmd, "/api/v1/referrals/notifications?unread=true");
        var newReferral = Single(jmdList, referralId);
        Assert.Equal(("new-referral", "receiver", "requested", false),
            (newReferral.GetProperty("kind").GetString(), newReferral.GetProperty("side").GetString(), newReferral.GetProperty("status").GetString(), newReferral.GetProperty("read").GetBoolean()));
        Assert.True(jmdList.GetProperty("unread").GetInt32() >= 1);
        Assert.DoesNotContain("passCode", jmdList.GetRawText(), StringComparison.Ordinal);

        // The referrer is told nothing of its own request; it hears of the answer.
        Assert.Empty(Of(await GetAsync(awo, "/api/v1/referrals/notifications"), referralId));
        var incoming = Find(await GetAsync(jmd, "/api/v1/referrals/inbox"), referralId)!.Value;
        await SteppedAsync(jmd, referralId, "acceptance", new { expectedVersion = VersionOf(incoming) });
        var awoNotes = Of(await GetAsync(awo, "/api/v1/referrals/notifications"), referralId);
        Assert.Contains(awoNotes, n => n.GetProperty("kind").GetString() == "result" && n.GetProperty("status").GetString() == "accepted");

        // Another institution cannot mark it; the JMD can, once.
        var id = newReferral.GetProperty("id").GetString()!;
        using (var foreign = await awo.PostAsync($"/api/v1/referrals/notifications/{id}/read", null, Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        Assert.Equal(1, await MarkedAsync(jmd, $"/api/v1/referrals/notifications/{id}/read"));
        Assert.Equal(0, await MarkedAsync(jmd, $"/api/v1/referrals/notifications/{id}/read"));
        Assert.Empty(Of(await GetAsync(jmd, "/api/v1/referrals/notifications?unread=true"), referralId));
        Assert.True(Single(await GetAsync(jmd, "/api/v1/referrals/notifications"), referralId).GetProperty("read").GetBoolean());

        await MarkedAsync(awo, "/api/v1/referrals/notifications/read");
        Assert.Equal(0, (await GetAsync(awo, "/api/v1/referrals/notifications")).GetProperty("unread").GetInt32());
    }

    private static async Task<string> ReferAsync(HttpClient awo)
    {
        using (var consent = await GrantAsync(awo, DemoPass, DemoPin, purposes: ["show-history", "referrals"]))
        {
            await OkBodyAsync(consent, HttpStatusCode.Created);
        }

        var presence = await PresenceTokenAsync(awo, DemoPass, DemoPin);
        var referralId = NewId();
        await RequestedAsync(awo, Body(DemoPass.CodeValue, presence, referralId, topics: ["work", "education"]));
        return referralId;
    }

    private static void AssertNothingPersonal(MimeKit.MimeMessage message, string referralId)
    {
        var all = message.Subject + "\n" + message.TextBody + "\n" + message.Headers;
        foreach (var secret in new[] { DemoPass.PassCode, DemoPass.CodeValue, referralId, "work", "education", "Arbeit", "Bildung", "Frau Beispiel", "Termin", "Rückruf", "berater" })
        {
            Assert.DoesNotContain(secret, all, StringComparison.OrdinalIgnoreCase);
        }
    }

    private async Task<NotificationMail?> MailAsync(string id)
    {
        await using var session = host.Store.QuerySession();
        return await session.LoadAsync<NotificationMail>(id, Ct);
    }

    private static string MessageIdOf(NotificationMail? mail) => NotificationMailText.MessageIdOf(mail ?? throw new InvalidOperationException("no mail in the outbox"));

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                return false;
            }

            await Task.Delay(100, Ct);
        }

        return true;
    }

    private static List<JsonElement> Of(JsonElement list, string referralId) =>
        [.. list.GetProperty("notifications").EnumerateArray().Where(n => n.GetProperty("referralId").GetString() == referralId)];

    private static JsonElement Single(JsonElement list, string referralId) => Assert.Single(Of(list, referralId));

    private static async Task<int> MarkedAsync(HttpClient client, string path)
    {
        using var answer = await client.PostAsync(path, null, Ct);
        return (await OkBodyAsync(answer, HttpStatusCode.OK)).GetProperty("marked").GetInt32();
    }
}
