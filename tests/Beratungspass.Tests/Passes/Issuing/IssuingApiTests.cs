using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Beratungspass.Tests.Passes.Issuing;

public sealed class IssuingApiTests(IssuingApiTests.Host host) : IClassFixture<IssuingApiTests.Host>
{
    public sealed class Host(TestPostgres postgres) : AppHost(postgres);

    [Fact]
    public async Task Issuing_a_pass_answers_201_with_the_code_and_links_to_card_and_QR_images()
    {
        using var client = await host.SignedInAsync();

        using var response = await client.PostAsJsonAsync("/api/v1/passes", new { preferredLanguage = "ar", ageBand = "27-44", pin = "4829" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var code = body.GetProperty("passCode").GetString()!;
        Assert.Matches("^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]$", code);
        Assert.Equal("ar", body.GetProperty("preferredLanguage").GetString());
        var links = body.GetProperty("links");
        using var svg = await client.GetAsync(links.GetProperty("qrSvg").GetString(), TestContext.Current.CancellationToken);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        using var png = await client.GetAsync(links.GetProperty("qrPng").GetString(), TestContext.Current.CancellationToken);
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Without_sign_in_the_API_answers_401_with_a_problem_document()
    {
        using var client = host.Client();

        using var response = await client.PostAsJsonAsync("/api/v1/passes", new { preferredLanguage = "de", pin = "4829" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
