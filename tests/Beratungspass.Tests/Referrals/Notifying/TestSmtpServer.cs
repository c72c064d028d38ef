using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Beratungspass.Tests.Referrals.Notifying;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a free loopback port, collecting what it receives. The port is
/// drawn when this is made; the server listens only from <see cref="Start"/> to <see cref="StopAsync"/>, so a test
/// can have the app send while it is down.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly Collector collector = new();
    private SmtpServer.SmtpServer? server;
    private CancellationTokenSource? stopping;
    private Task? running;

    public TestSmtpServer() => Port = FreePort();

    public int Port { get; }

    public IReadOnlyCollection<MimeMessage> Messages => collector.Messages;

    public void Start()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).IsSecure(false))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(collector);
        server = new SmtpServer.SmtpServer(options, services);
        stopping = new CancellationTokenSource();
        running = server.StartAsync(stopping.Token);
    }

    public async Task StopAsync()
    {
        if (server is null)
        {
            return;
        }

        server.Shutdown();
        await stopping!.CancelAsync();
        try
        {
            await running!;
        }
        catch (OperationCanceledException)
        {
        }

        stopping.Dispose();
        server = null;
    }

    /// <summary>Waits until <paramref name="done"/> holds for the messages received, at most <paramref name="within"/>.</summary>
    public async Task<bool> WaitForAsync(Func<IReadOnlyCollection<MimeMessage>, bool> done, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (!done(Messages))
        {
            if (DateTime.UtcNow > until)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Collector : MessageStore
    {
        private readonly ConcurrentQueue<MimeMessage> messages = new();

        public IReadOnlyCollection<MimeMessage> Messages => [.. messages];

        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
