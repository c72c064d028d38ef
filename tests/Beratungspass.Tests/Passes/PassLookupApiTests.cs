using System.Net;
using System.Net.Http.Json;
using Beratungspass.Passes;

namespace Beratungspass.Tests.Passes;

/// <summary>A pass code in a URL: malformed, mistyped and unknown codes are told apart, in German or English, and nothing is written.</summary>
public sealed class PassLookupApiTests(PassLookupApiTests.Host host) : IClassFixture<PassLookupApiTests.Host>
{
    public sealed class Host(TestPostgres postgres) : AppHost(postgres);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (method, route) in new[] { ("GET", "/api/v1/passes/{0}"), ("POST", "/api/v1/passes/{0}/card"), ("GET", "/api/v1/passes/{0}/qr.svg"), ("GET", "/api/v1/passes/{0}/qr.png") })
        {
            foreach (var kind in new[] { "too-short", "too-long", "look-alike", "emoji", "huge", "typo", "swap", "unknown" })
            {
                data.Add(method, route, kind);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_code_that_names_no_pass_answers_a_problem_and_writes_nothing(string method, string route, string kind)
    {
        using var client = await host.SignedInAsync();
        // Typos are made of a code that exists; the other cases need no pass of their own.
        var real = kind is "typo" or "swap" ? PassCode.Parse((await PassesApi.IssueAsync(client)).PassCode).Code.Value : PassCode.New().Value;
        var (code, status, problem) = kind switch
        {
            "too-short" => (real[..8], HttpStatusCode.BadRequest, "pass-code-malformed"),
            "too-long" => (real + "2", HttpStatusCode.BadRequest, "pass-code-malformed"),
            "look-alike" => ("0" + real[1..], HttpStatusCode.BadRequest, "pass-code-malformed"),
            "emoji" => (real[..8] + "\U0001F600", HttpStatusCode.BadRequest, "pass-code-malformed"),
            "huge" => (new string('A', 2000), HttpStatusCode.BadRequest, "pass-code-malformed"),
            "typo" => (OneCharacterWrong(real), HttpStatusCode.BadRequest, "pass-code-typo"),
            "swap" => (Swapped(real), HttpStatusCode.BadRequest, "pass-code-typo"),
            _ => (PassCode.New().Value, HttpStatusCode.NotFound, "pass-not-found"),
        };
        var before = await StoredRows.CountAsync(host.ConnectionString);

        using var german = await client.SendAsync(Request(method, route, code), Ct);
        using var english = await client.SendAsync(Request(method, route, code).InEnglish(), Ct);

        await ProblemAssert.IsProblemAsync(german, status, problem);
        await ProblemAssert.IsProblemAsync(english, status, problem, english: true);
        Assert.Equal(before, await StoredRows.CountAsync(host.ConnectionString));
    }

    [Theory]
    [InlineData("DEM2-KART-S")]
    [InlineData("dem2karts")]
    [InlineData("DEM2 KART S")]
    public async Task A_code_is_found_however_it_was_typed(string typed)
    {
        using var client = await host.SignedInAsync();

        var pass = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/passes/{Uri.EscapeDataString(typed)}", Ct);

        Assert.Equal("DEM2-KART-S", pass.GetProperty("passCode").GetString());
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("de", false)]
    [InlineData("de-DE,de;q=0.9,en;q=0.8", false)]
    [InlineData("en", true)]
    [InlineData("en-GB", true)]
    [InlineData("fr-FR,en;q=0.7,de;q=0.3", true)]
    [InlineData("ar,de;q=0.5", false)]
    [InlineData("tr", false)]
    public async Task Problems_are_German_unless_English_is_preferred_over_German(string? acceptLanguage, bool english)
    {
        using var client = await host.SignedInAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/passes/{PassCode.New().Value}");
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        using var answer = await client.SendAsync(request, Ct);

        await ProblemAssert.IsProblemAsync(answer, HttpStatusCode.NotFound, "pass-not-found", english);
    }

    private static HttpRequestMessage Request(string method, string route, string code) =>
        new(new HttpMethod(method), string.Format(System.Globalization.CultureInfo.InvariantCulture, route, Uri.EscapeDataString(code)))
        {
            Content = method == "POST" ? JsonContent.Create(new { expectedVersion = 1 }) : null,
        };

    private static string OneCharacterWrong(string code)
    {
        var position = Random.Shared.Next(PassCode.Length);
        var replacement = PassCode.Alphabet[(PassCode.Alphabet.IndexOf(code[position]) + 1 + Random.Shared.Next(PassCode.Alphabet.Length - 1)) % PassCode.Alphabet.Length];
        return code[..position] + replacement + code[(position + 1)..];
    }

    private static string Swapped(string code)
    {
        // Swap the first two different neighbours: the mistake people make most when typing.
        var i = Enumerable.Range(0, PassCode.Length - 1).First(i => code[i] != code[i + 1]);
        return code[..i] + code[i + 1] + code[i] + code[(i + 2)..];
    }
}
