using System.Diagnostics;
using System.Net;
using Beratungspass.Web.Infrastructure.LocalDatabase;

namespace Beratungspass.Tests.Infrastructure.Health;

public sealed class HealthTests(HealthTests.Host host) : IClassFixture<HealthTests.Host>
{
    public sealed class Host(TestPostgres postgres) : AppHost(postgres);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_answers_200_without_sign_in_while_the_database_is_up(string path)
    {
        using var client = host.Client();

        using var answer = await client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("Healthy", await answer.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Ready_turns_503_while_the_database_is_down_and_200_again_within_seconds_after_it_is_back()
    {
        // A cluster of its own: stopping the shared test cluster would take every other test down with it.
        var folder = Path.Combine(Path.GetTempPath(), $"bp-health-{Guid.NewGuid():N}"[..20]);
        var cluster = await LocalPostgresCluster.StartAsync(folder, Ct);
        try
        {
            await cluster.CreateDatabaseAsync("health", Ct);
            await using var node = AppHost.Start(cluster.ConnectionString("health"), AppHost.TestKeyEncryptionKey);
            using var client = node.Client();
            await AppHost.SignInAsync(client, "berater.awo", "Demo-Beratung-2026");
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/health/ready"));

            cluster.Stop();

            Assert.Equal(HttpStatusCode.ServiceUnavailable, await StatusAsync(client, "/health/ready"));
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/health/live"));
            using var whileDown = await client.GetAsync("/api/v1/passes/DEM2KARTS", Ct);
            await ProblemAssert.IsProblemAsync(whileDown, HttpStatusCode.ServiceUnavailable, "database-unavailable");
            Assert.NotNull(whileDown.Headers.RetryAfter);

            await cluster.RestartAsync(Ct);

            var sinceRestart = Stopwatch.StartNew();
            var status = await StatusAsync(client, "/health/ready");
            while (status != HttpStatusCode.OK && sinceRestart.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(200, Ct);
                status = await StatusAsync(client, "/health/ready");
            }

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/api/v1/passes/DEM2KARTS"));
        }
        finally
        {
            await cluster.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path)
    {
        using var answer = await client.GetAsync(path, Ct);
        return answer.StatusCode;
    }
}
