using Beratungspass.Referrals.Notifying;
using Beratungspass.ServiceDirectory;
using Marten;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Beratungspass.Web.Referrals.Notifying;

/// <summary>
/// Sends the pending <see cref="NotificationMail"/>s, the outbox written with the referral events. A mail is
/// claimed before it is sent (optimistic concurrency: of two nodes one gets it), marked sent right after the SMTP
/// server took it, and after a failure tried again with a doubling wait until it goes out or is given up. Runs
/// only when <c>Notifications:Smtp:Host</c> is set.
/// </summary>
public sealed partial class NotificationMailer(IDocumentStore store, IOptions<NotificationOptions> options, IClock clock, ILogger<NotificationMailer> logger)
    : BackgroundService
{
    /// <summary>How many pending mails one round looks at.</summary>
    public const int BatchSize = 100;

    private NotificationOptions Options => options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Options.EmailEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(Options.PollInterval);
        do
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogRoundFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One round: every mail due now, over one SMTP connection.</summary>
    /// <returns>How many were sent.</returns>
    public async Task<int> SendDueAsync(CancellationToken cancellation)
    {
        var now = clock.GetCurrentInstant();
        List<NotificationMail> pending;
        await using (var query = store.QuerySession())
        {
            pending = [.. await query.Query<NotificationMail>().Where(m => m.Pending).Take(BatchSize * 10).ToListAsync(cancellation)];
        }

        var due = pending.Where(m => m.NextAttemptAt <= now).OrderBy(m => m.NextAttemptAt).Take(BatchSize).ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        var claimed = new List<NotificationMail>();
        foreach (var mail in due)
        {
            if (await ClaimAsync(mail.Id, now, cancellation) is { } claim)
            {
                claimed.Add(claim);
            }
        }

        var sent = 0;
        SmtpClient? client = null;
        Exception? unreachable = null;
        try
        {
            foreach (var mail in claimed)
            {
                var mailbox = await MailboxAsync(mail.InstitutionId, cancellation);
                if (mailbox is null)
                {
                    await FinishAsync(mail.Id, "no-mailbox", null, cancellation);
                    continue;
                }

                if (unreachable is not null)
                {
                    await FailedAsync(mail.Id, unreachable, cancellation);
                    continue;
                }

                try
                {
                    try
                    {
                        client ??= await ConnectAsync(cancellation);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException || !cancellation.IsCancellationRequested)
                    {
                        // The server is not there: the rest of this round waits for the next attempt as well.
                        unreachable = exception;
                        throw;
                    }

                    var message = NotificationMailText.Compose(mail, mailbox, Options.Smtp.From, Options.BaseUrl);
                    await client.SendAsync(message, cancellation);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellation.IsCancellationRequested)
                {
                    await FailedAsync(mail.Id, exception, cancellation);
                    client?.Dispose();
                    client = null;
                    continue;
                }

                await FinishAsync(mail.Id, "sent", null, cancellation);
                sent++;
            }
        }
        finally
        {
            if (client is not null)
            {
                try
                {
                    await client.DisconnectAsync(true, cancellation);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogDisconnectFailed(logger, exception);
                }

                client.Dispose();
            }
        }

        return sent;
    }

    private async Task<SmtpClient> ConnectAsync(CancellationToken cancellation)
    {
        var smtp = Options.Smtp;
        var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            var security = smtp.UseStartTls ? SecureSocketOptions.StartTls
                : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect
                : SecureSocketOptions.None;
            await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellation);
            if (!string.IsNullOrEmpty(smtp.User))
            {
                await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellation);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Moves the mail's due time past the sending, under its version: null when another node claimed or finished it first.</summary>
    private async Task<NotificationMail?> ClaimAsync(string id, Instant now, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var mail = await session.LoadAsync<NotificationMail>(id, cancellation);
        if (mail is not { Pending: true } || mail.NextAttemptAt > now)
        {
            return null;
        }

        mail.NextAttemptAt = now + Duration.FromTimeSpan(Options.ClaimFor);
        session.Store(mail);
        try
        {
            await session.SaveChangesAsync(cancellation);
            return mail;
        }
        catch (JasperFx.ConcurrencyException)
        {
            return null;
        }
    }

    private async Task FinishAsync(string id, string outcome, string? error, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var mail = await session.LoadAsync<NotificationMail>(id, cancellation);
        if (mail is null)
        {
            return;
        }

        mail.Attempts++;
        mail.Pending = false;
        mail.Outcome = outcome;
        mail.DoneAt = clock.GetCurrentInstant();
        mail.LastError = error ?? mail.LastError;
        session.Store(mail);
        await session.SaveChangesAsync(cancellation);
    }

    private async Task FailedAsync(string id, Exception exception, CancellationToken cancellation)
    {
        LogSendFailed(logger, id, exception.GetType().Name, exception.Message);
        await using var session = store.LightweightSession();
        var mail = await session.LoadAsync<NotificationMail>(id, cancellation);
        if (mail is null)
        {
            return;
        }

        var now = clock.GetCurrentInstant();
        mail.Attempts++;
        mail.LastError = $"{exception.GetType().Name}: {exception.Message}";
        if (now - mail.CreatedAt > Duration.FromTimeSpan(Options.GiveUpAfter))
        {
            mail.Pending = false;
            mail.Outcome = "gave-up";
            mail.DoneAt = now;
        }
        else
        {
            mail.NextAttemptAt = now + NotificationMail.Backoff(mail.Attempts, Duration.FromTimeSpan(Options.FirstRetryDelay), Duration.FromTimeSpan(Options.LongestRetryDelay));
        }

        session.Store(mail);
        await session.SaveChangesAsync(cancellation);
    }

    /// <summary>The configured functional mailbox, else the organization's e-mail in the directory; null for none.</summary>
    private async Task<string?> MailboxAsync(string institutionId, CancellationToken cancellation)
    {
        if (Options.Mailboxes.TryGetValue(institutionId, out var configured) && !string.IsNullOrWhiteSpace(configured))
        {
            return string.Equals(configured.Trim(), NotificationOptions.Off, StringComparison.OrdinalIgnoreCase) ? null : configured.Trim();
        }

        await using var query = store.QuerySession();
        var organization = await query.LoadAsync<DirectoryOrganization>(DirectoryStreams.Organization(institutionId), cancellation);
        return string.IsNullOrWhiteSpace(organization?.Details.Email) ? null : organization.Details.Email.Trim();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification mail {Id} not sent: {Error}: {Message}; it is tried again later.")]
    private static partial void LogSendFailed(ILogger logger, string id, string error, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "A round of the notification mailer failed.")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Disconnecting from the SMTP server failed.")]
    private static partial void LogDisconnectFailed(ILogger logger, Exception exception);
}
