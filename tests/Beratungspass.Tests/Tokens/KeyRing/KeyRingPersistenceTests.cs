using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Beratungspass.Infrastructure;
using Beratungspass.Tokens.KeyRing;

namespace Beratungspass.Tests.Tokens.KeyRing;

/// <summary>The token key ring lives in PostgreSQL, encrypted: cards survive restarts and work on every node that has the key-encryption key.</summary>
public sealed class KeyRingPersistenceTests(KeyRingPersistenceTests.Host host, TestPostgres postgres) : IClassFixture<KeyRingPersistenceTests.Host>
{
    public sealed class Host(TestPostgres postgres) : AppHost(postgres);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> ResolveAsync(HttpClient client, string token) =>
        client.PostAsJsonAsync("/api/v1/tokens/resolve", new { token }, Ct);

    private static async Task<HttpClient> SignedInAsync(AppHost.Factory node)
    {
        var client = node.Client();
        await AppHost.SignInAsync(client, "berater.awo", "Demo-Beratung-2026");
        return client;
    }

    [Fact]
    public async Task A_card_made_by_one_node_resolves_on_a_freshly_started_node_of_the_same_database()
    {
        using var client = await host.SignedInAsync();
        var pass = await PassesApi.IssueAsync(client);
        var token = await QrScanner.CurrentTokenAsync(client, pass.CodeValue);

        await using var second = AppHost.Start(host.ConnectionString, AppHost.TestKeyEncryptionKey);
        using var secondClient = await SignedInAsync(second);
        using var answer = await ResolveAsync(secondClient, token);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(pass.PassCode, (await answer.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("passCode").GetString());
    }

    [Fact]
    public async Task The_key_ring_rows_hold_each_key_only_encrypted_with_the_key_encryption_key()
    {
        using var client = await host.SignedInAsync();
        var pass = await PassesApi.IssueAsync(client);
        await QrScanner.CurrentTokenAsync(client, pass.CodeValue);

        var rows = await Sql.TextsAsync(host.ConnectionString, $"SELECT data::text FROM {MartenConfiguration.SchemaName}.mt_doc_dataprotectionkey");
        var xmls = await Sql.TextsAsync(host.ConnectionString, $"SELECT data->>'xml' FROM {MartenConfiguration.SchemaName}.mt_doc_dataprotectionkey");

        Assert.NotEmpty(xmls);
        var decryptor = new AesGcmXmlDecryptor(host.Services);
        foreach (var xml in xmls)
        {
            var key = XElement.Parse(xml);
            var encrypted = Assert.Single(key.Descendants(XName.Get("encryptedKey", "urn:beratungspass:key-ring:v1")));
            var secret = decryptor.Decrypt(encrypted).Descendants("value").Single().Value;
            Assert.True(secret.Length >= 40, "The decrypted key holds the master key.");
            Assert.DoesNotContain("masterKey", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, xml, StringComparison.Ordinal);
            Assert.All(rows, row => Assert.DoesNotContain(secret, row, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_node_with_a_new_key_encryption_key_and_the_old_one_as_previous_still_resolves_old_cards()
    {
        using var client = await host.SignedInAsync();
        var pass = await PassesApi.IssueAsync(client);
        var token = await QrScanner.CurrentTokenAsync(client, pass.CodeValue);

        await using var rotated = AppHost.Start(host.ConnectionString, KeyEncryptionKeys.Generate(),
            new Dictionary<string, string?> { ["DataProtection:PreviousKeyEncryptionKeys:0"] = AppHost.TestKeyEncryptionKey });
        using var rotatedClient = await SignedInAsync(rotated);
        using var answer = await ResolveAsync(rotatedClient, token);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    [Fact]
    public async Task A_node_with_a_wrong_key_encryption_key_refuses_to_start_and_spoils_nothing_for_the_others()
    {
        // A database of its own: the check must see exactly the ring the right node wrote.
        var database = await postgres.NewDatabaseAsync("wrongkek");
        await using var right = AppHost.Start(database, AppHost.TestKeyEncryptionKey);
        using var rightClient = await SignedInAsync(right);
        var pass = await PassesApi.IssueAsync(rightClient);
        var token = await QrScanner.CurrentTokenAsync(rightClient, pass.CodeValue);
        var keysBefore = await CountKeysAsync(right);

        var refused = Assert.ThrowsAny<InvalidOperationException>(() => AppHost.Start(database, KeyEncryptionKeys.Generate()));

        Assert.Contains("DataProtection:KeyEncryptionKey", refused.Message, StringComparison.Ordinal);
        Assert.Equal(keysBefore, await CountKeysAsync(right));
        using var stillRight = await ResolveAsync(rightClient, token);
        Assert.Equal(HttpStatusCode.OK, stillRight.StatusCode);
        await using var restarted = AppHost.Start(database, AppHost.TestKeyEncryptionKey);
        using var restartedClient = await SignedInAsync(restarted);
        using var afterRestart = await ResolveAsync(restartedClient, token);
        Assert.Equal(HttpStatusCode.OK, afterRestart.StatusCode);
    }

    private static async Task<int> CountKeysAsync(AppHost.Factory node)
    {
        await using var session = node.Services.GetRequiredService<Marten.IDocumentStore>().QuerySession();
        return await Marten.QueryableExtensions.CountAsync(session.Query<DataProtectionKey>());
    }
}
