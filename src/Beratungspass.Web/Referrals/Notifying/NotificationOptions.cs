namespace Beratungspass.Web.Referrals.Notifying;

/// <summary>
/// Configuration section <c>Notifications</c>. In-app notifications are always kept; e-mail is sent only when
/// <c>Notifications:Smtp:Host</c> is set. The functional mailbox of an institution is
/// <c>Notifications:Mailboxes:&lt;institution id&gt;</c> when set (<c>off</c> sends that institution no mail),
/// else the e-mail address of its organization in the directory.
/// </summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The address people open Beratungspass at, e.g. https://beratungspass.kreis-unna.de/ — the mail links to the inbox and outbox there.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Functional mailboxes by institution id, overriding the directory's e-mail; <c>off</c> for none.</summary>
    public Dictionary<string, string> Mailboxes { get; set; } = [];

    /// <summary>How often the mailer looks for mails due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The wait after the first failed attempt; it doubles with each further failure up to <see cref="LongestRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan LongestRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A mail not delivered this long after its event is given up (the in-app notification stays).</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How long a mailer holds a claimed mail before another node may try it.</summary>
    public TimeSpan ClaimFor { get; set; } = TimeSpan.FromMinutes(2);

    public bool EmailEnabled => !string.IsNullOrWhiteSpace(Smtp.Host);

    public const string Off = "off";
}

/// <summary><c>Notifications:Smtp</c>: the relay the mails go out by.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>The sender, e.g. <c>Beratungspass &lt;no-reply@beratungspass.kreis-unna.de&gt;</c>.</summary>
    public string From { get; set; } = "Beratungspass <no-reply@beratungspass.invalid>";

    /// <summary>True: STARTTLS is required. False: plain SMTP, or TLS on connect when the port is 465.</summary>
    public bool UseStartTls { get; set; } = true;

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>Connect, send and disconnect each give up after this long.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);
}
