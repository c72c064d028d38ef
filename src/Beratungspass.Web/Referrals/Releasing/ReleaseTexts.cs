using System.Globalization;
using System.Resources;
using System.Security.Cryptography;
using System.Text;
using Beratungspass.Passes;

namespace Beratungspass.Web.Referrals.Releasing;

/// <summary>
/// The release from confidentiality (Schweigepflichtentbindung) in the client's language (ReleaseTexts.*.resx).
/// The wording in every language together has one version, <see cref="Beratungspass.Referrals.Requesting.ReleaseTextVersion.Current"/>,
/// which each referral records; <see cref="Fingerprint"/> lets a test notice a change of wording without a new version.
/// </summary>
public sealed class ReleaseTexts(ClientLanguage language)
{
    /// <summary>German is the neutral resource; each other client language has its own satellite.</summary>
    public static ResourceManager Resources { get; } = new(typeof(ReleaseTexts).FullName!, typeof(ReleaseTexts).Assembly);

    /// <summary>Every text of the release, in the order the page shows them.</summary>
    public static IReadOnlyList<string> Keys { get; } =
    [
        "Title", "Lead", "FromLabel", "ToLabel", "WhyHeading", "Why1", "Why2", "SharedHeading", "Shared1", "Shared2", "Shared3", "Shared4",
        "NeverHeading", "Never1", "Never2", "Never3", "BackHeading", "Back1", "SensitiveHeading", "Sensitive1", "VoluntaryHeading",
        "Voluntary1", "Voluntary2", "ConfirmHeading", "Confirm1", "StorageHeading", "Storage1", "RightsHeading", "Rights1", "VersionLabel",
    ];

    private readonly CultureInfo culture = language.Culture();

    public ClientLanguage Language => language;

    public string this[string key] =>
        Resources.GetString(key, culture) is { Length: > 0 } text
            ? text
            : throw new KeyNotFoundException($"The release text '{key}' is missing.");

    /// <summary>SHA-256 over every text in every client language: changes exactly when the wording changes anywhere.</summary>
    public static string Fingerprint()
    {
        var all = new StringBuilder();
        foreach (var client in ClientLanguages.All)
        {
            var texts = new ReleaseTexts(client);
            foreach (var key in Keys)
            {
                all.Append(client.Code()).Append('\u001f').Append(key).Append('\u001f').Append(texts[key]).Append('\u001e');
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(all.ToString())));
    }
}
