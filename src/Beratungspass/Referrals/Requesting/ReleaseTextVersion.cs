namespace Beratungspass.Referrals.Requesting;

/// <summary>
/// The version of the release text (Schweigepflichtentbindung) a client reads before a referral, in any of the
/// client languages. Every change to the wording in any language gets a new version, so each referral records
/// exactly which text the client agreed to; a test holds the texts to a fingerprint per version.
/// </summary>
public static class ReleaseTextVersion
{
    public const string Current = "2026-1";
}
