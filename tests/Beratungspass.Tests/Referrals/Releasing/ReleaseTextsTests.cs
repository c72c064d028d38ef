using Beratungspass.Passes;
using Beratungspass.Referrals.Requesting;
using Beratungspass.Web.Referrals.Releasing;

namespace Beratungspass.Tests.Referrals.Releasing;

/// <summary>The release from confidentiality exists in every client language, and its wording cannot change without a new version.</summary>
public sealed class ReleaseTextsTests
{
    /// <summary>
    /// The fingerprint of the wording of each version. A changed text fails here: give it a new
    /// <see cref="ReleaseTextVersion.Current"/> and record the new fingerprint, so every referral names the text the client read.
    /// </summary>
    private static readonly Dictionary<string, string> Fingerprints = new()
    {
        ["2026-1"] = "e95d4fc170d7de3e7f08f7bf701d7d03bad7e49481483fc8543f205e1a507720",
    };

    public static TheoryData<string> Languages => new(ClientLanguages.All.Select(l => l.Code()));

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_language_has_every_text_of_the_release(string code)
    {
        Assert.True(ClientLanguages.TryParse(code, out var language));
        var texts = new ReleaseTexts(language);
        var german = new ReleaseTexts(ClientLanguage.De);

        foreach (var key in ReleaseTexts.Keys)
        {
            Assert.False(string.IsNullOrWhiteSpace(texts[key]), $"{code}: {key} is empty");
            if (language != ClientLanguage.De)
            {
                Assert.True(texts[key] != german[key], $"{code}: {key} is still German");
            }
        }
    }

    [Fact]
    public void The_texts_are_the_wording_of_the_current_version()
    {
        Assert.True(Fingerprints.TryGetValue(ReleaseTextVersion.Current, out var recorded), $"No fingerprint recorded for version {ReleaseTextVersion.Current}.");
        Assert.True(recorded == ReleaseTexts.Fingerprint(),
            $"The release text changed (fingerprint {ReleaseTexts.Fingerprint()}): give it a new ReleaseTextVersion.Current and record the fingerprint for it.");
    }

    [Fact]
    public void The_release_names_the_law_and_what_goes_to_whom_in_every_language()
    {
        foreach (var language in ClientLanguages.All)
        {
            var texts = new ReleaseTexts(language);
            Assert.Contains(language == ClientLanguage.Fa ? "۲۰۳" : "203", texts["Why2"], StringComparison.Ordinal);
            Assert.Contains(language == ClientLanguage.Fa ? "۹" : "9", texts["Sensitive1"], StringComparison.Ordinal);
            Assert.Contains(language == ClientLanguage.De ? "DSGVO" : "GDPR", texts["Sensitive1"], StringComparison.Ordinal);
        }
    }
}
