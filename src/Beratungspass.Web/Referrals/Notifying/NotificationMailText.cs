using Beratungspass.Referrals;
using Beratungspass.Referrals.Notifying;
using MimeKit;

namespace Beratungspass.Web.Referrals.Notifying;

/// <summary>
/// The mail to an institution's functional mailbox, in German and English: only that something waits in
/// Beratungspass, with a link to the inbox or outbox — never a pass code, topic, note or name. Its Message-ID is
/// derived from the notification, so a mail sent again after a lost acknowledgement can be recognised as the same.
/// </summary>
public static class NotificationMailText
{
    public const string InboxPath = "referrals/inbox";

    public const string OutboxPath = "referrals/outbox";

    public static MimeMessage Compose(NotificationMail mail, string mailbox, string from, string? baseUrl)
    {
        var link = Link(mail.Side == ReferralSide.Receiver ? InboxPath : OutboxPath, baseUrl);
        var (subject, german, english) = mail.Kind switch
        {
            ReferralNotificationKind.NewReferral => (
                "Beratungspass: Neue Vermittlung / New referral",
                "In Beratungspass wartet eine neue Vermittlung an Ihre Einrichtung. Bitte sehen Sie im Eingang nach:",
                "A new referral to your institution is waiting in Beratungspass. Please look in the inbox:"),
            ReferralNotificationKind.Withdrawn => (
                "Beratungspass: Vermittlung zurückgezogen / Referral withdrawn",
                "Eine Vermittlung an Ihre Einrichtung wurde zurückgezogen. Einzelheiten stehen im Eingang in Beratungspass:",
                "A referral to your institution was withdrawn. The details are in the inbox in Beratungspass:"),
            _ => (
                "Beratungspass: Antwort auf eine Vermittlung / Answer to a referral",
                "Auf eine Vermittlung Ihrer Einrichtung liegt eine Antwort oder ein Ergebnis vor. Bitte sehen Sie im Ausgang nach:",
                "A referral your institution made has an answer or an outcome. Please look in the outbox:"),
        };

        var body = $"""
            Guten Tag,

            {german}
            {link}

            Diese Nachricht wurde automatisch versandt und enthält keine personenbezogenen Daten.

            ---

            Hello,

            {english}
            {link}

            This message was sent automatically and contains no personal data.
            """;
        var message = new MimeMessage
        {
            Subject = subject,
            Body = new TextPart("plain") { Text = body },
            MessageId = MessageIdOf(mail),
        };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(mailbox));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        return message;
    }

    /// <summary>The same for every attempt of one mail; a digest, so not even the referral id goes out.</summary>
    public static string MessageIdOf(NotificationMail mail) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(mail.Id + "|" + mail.InstitutionId)))[..32]
        + "@beratungspass";

    private static string Link(string path, string? baseUrl) =>
        string.IsNullOrWhiteSpace(baseUrl) ? "/" + path : baseUrl.TrimEnd('/') + "/" + path;
}
