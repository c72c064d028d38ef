using System.Net;
using System.Text;

namespace Beratungspass.Tests.Passes.Issuing;

/// <summary>Every refused issue request answers a problem document in German or English and writes nothing.</summary>
public sealed class IssuingBadInputTests(IssuingBadInputTests.Host host) : IClassFixture<IssuingBadInputTests.Host>
{
    public sealed class Host(TestPostgres postgres) : AppHost(postgres);

    public static TheoryData<string, string> BadRequests => new()
    {
        { """{"preferredLanguage":"xx","pin":"4829"}""", "language-invalid" },
        { """{"preferredLanguage":"deu","pin":"4829"}""", "language-invalid" },
        { """{"preferredLanguage":"","pin":"4829"}""", "language-invalid" },
        { """{"preferredLanguage":null,"pin":"4829"}""", "language-invalid" },
        { """{"preferredLanguage":"d\u00e9","pin":"4829"}""", "language-invalid" },
        { """{"pin":"4829"}""", "language-invalid" },
        { """{}""", "language-invalid" },
        { """{"preferredLanguage":"de","ageBand":"30-40","pin":"4829"}""", "age-band-invalid" },
        { """{"preferredLanguage":"de","ageBand":"adult","pin":"4829"}""", "age-band-invalid" },
        { """{"preferredLanguage":"de","ageBand":"1990-05-17","pin":"4829"}""", "age-band-invalid" },
        { """{"preferredLanguage":"de","pin":"1234"}""", "pin-too-weak" },
        { """{"preferredLanguage":"de","pin":"0000"}""", "pin-too-weak" },
        { """{"preferredLanguage":"de","pin":"9876"}""", "pin-too-weak" },
        { """{"preferredLanguage":"de","pin":"482"}""", "pin-too-weak" },
        { """{"preferredLanguage":"de","pin":"482917364"}""", "pin-too-weak" },
        { """{"preferredLanguage":"de","pin":"48a9"}""", "pin-too-weak" },
        { """{"preferredLanguage":"de"}""", "pin-too-weak" },
        { """{"preferredLanguage":"de","pin":4829}""", "request-invalid" },
        { """{"preferredLanguage":"de","pin":"4829","name":"Ali Yilmaz"}""", "request-invalid" },
        { """{"preferredLanguage":"de","pin":"4829","birthDate":"1990-05-17"}""", "request-invalid" },
        { """{"preferredLanguage":"de","pin":"4829","passCode":"DEM2-KART-S"}""", "request-invalid" },
        { """{"preferredLanguage":"de","pin":"4829" """, "request-invalid" },
        { """["de","4829"]""", "request-invalid" },
        { "not json at all", "request-invalid" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_refused_issue_request_answers_a_problem_in_German_or_English_and_writes_nothing(string json, string code)
    {
        using var client = await host.SignedInAsync();
        var before = await StoredRows.CountAsync(host.ConnectionString);

        using var german = await client.SendAsync(Post(json), TestContext.Current.CancellationToken);
        using var english = await client.SendAsync(Post(json).InEnglish(), TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(german, HttpStatusCode.BadRequest, code);
        await ProblemAssert.IsProblemAsync(english, HttpStatusCode.BadRequest, code, english: true);
        Assert.Equal(before, await StoredRows.CountAsync(host.ConnectionString));
    }

    [Fact]
    public async Task The_same_request_with_valid_values_is_accepted_so_the_refusals_above_are_about_the_values()
    {
        using var client = await host.SignedInAsync();
        var before = await StoredRows.CountAsync(host.ConnectionString);

        using var answer = await client.SendAsync(Post("""{"preferredLanguage":"DE","ageBand":" 65-PLUS ","pin":"4829"}"""), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        var after = await StoredRows.CountAsync(host.ConnectionString);
        Assert.Equal(before.Events + 1, after.Events);
        Assert.Equal(before.Pins + 1, after.Pins);
    }

    private static HttpRequestMessage Post(string json) =>
        new(HttpMethod.Post, "/api/v1/passes") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
