using Beratungspass.ApiClients;
using NodaTime;

namespace Beratungspass.Tests.ApiClients;

public sealed class ApiCredentialsTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 9, 0);

    [Fact]
    public void A_new_token_names_its_client_and_matches_only_its_own_stored_hash()
    {
        var (client, token) = ApiCredentials.Create("mbe-awo-unna", " Fallakte AWO ", "admin", Now);
        var (other, _) = ApiCredentials.Create("mbe-awo-unna", "Zweites System", "admin", Now);

        Assert.Matches("^bp_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$", token);
        Assert.True(ApiCredentials.TryParse(token, out var id, out var secret));
        Assert.Equal(client.Id, id);
        Assert.Equal("Fallakte AWO", client.Name);
        Assert.True(ApiCredentials.Matches(client, secret));
        Assert.False(ApiCredentials.Matches(other, secret));
        Assert.DoesNotContain(token[(token.LastIndexOf('_') + 1)..], client.SecretHash, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_token_is_new()
    {
        var tokens = Enumerable.Range(0, 50).Select(_ => ApiCredentials.Create("mbe-awo-unna", "System", "admin", Now).Token).ToHashSet();

        Assert.Equal(50, tokens.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("bp_")]
    [InlineData("Bearer bp_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("bp_0123456789ABCDEF_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("bp_0123456789abcde_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("bp_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("bp_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("bp_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA*")]
    public void Anything_not_shaped_like_a_token_is_refused(string token)
    {
        Assert.False(ApiCredentials.TryParse(token, out _, out _));
    }
}
