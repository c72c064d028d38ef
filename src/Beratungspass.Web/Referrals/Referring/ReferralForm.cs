using Beratungspass.Infrastructure;
using Beratungspass.Passes;
using Beratungspass.Referrals;
using Beratungspass.Referrals.Requesting;
using Beratungspass.Web.Intake;
using NodaTime;
using NodaTime.Text;

namespace Beratungspass.Web.Referrals.Referring;

/// <summary>
/// What the referral form sent, carried through its steps (search, choose, refer) so nothing typed is lost on an
/// error. <see cref="ReferralId"/> is drawn when the form is first shown, so a form sent twice makes one referral.
/// </summary>
public sealed class ReferralForm
{
    public const string Call = "call";
    public const string Skip = "skip";

    /// <summary>In the staff contact choice: somebody not listed, whose name is typed.</summary>
    public const string Other = "other";

    public string? PresenceToken { get; set; }

    public string? ReferralId { get; set; }

    public string? Text { get; set; }

    public string? Topic { get; set; }

    /// <summary>Only services offered in the client's language; on by default.</summary>
    public bool SameLanguage { get; set; }

    /// <summary>Only services for the pass's age band; on by default.</summary>
    public bool SameAge { get; set; }

    /// <summary>Set by the search form, so an unticked "same language" box is told apart from a first display.</summary>
    public bool Searched { get; set; }

    public string? ServiceId { get; set; }

    public string? CallMode { get; set; }

    public string? StaffContact { get; set; }

    public string? ReachedName { get; set; }

    public string? CallDate { get; set; }

    public string? CallTime { get; set; }

    public string? CallResult { get; set; }

    public string? CallNote { get; set; }

    public string? SkipReason { get; set; }

    public List<string> Topics { get; set; } = [];

    public string? Note { get; set; }

    public string? ReleaseLanguage { get; set; }

    public bool ReleaseAgreed { get; set; }

    public static readonly IReadOnlyList<(CoordinationResult Result, string Code)> Results =
    [
        (CoordinationResult.Agreed, "agreed"),
        (CoordinationResult.NotReached, "not-reached"),
        (CoordinationResult.NotResponsible, "not-responsible"),
        (CoordinationResult.NoCapacity, "no-capacity"),
    ];

    /// <summary>Fills in what a fresh form starts with: a new referral id, the call today at this minute, the client's language.</summary>
    public void Defaults(Instant now, ClientLanguage language)
    {
        if (!ReferralStreams.TryNormalize(ReferralId, out _))
        {
            ReferralId = ReferralStreams.NewId();
        }

        var local = now.InZone(MartenConfiguration.Zone).LocalDateTime;
        CallMode ??= Call;
        CallDate ??= IntakeDates.Iso.Format(local.Date);
        CallTime ??= LocalTimePattern.CreateWithInvariantCulture("HH:mm").Format(local.TimeOfDay);
        ReleaseLanguage ??= language.Code();
        if (!Searched)
        {
            SameLanguage = true;
            SameAge = true;
            Topic ??= Topics.FirstOrDefault();
        }
    }

    /// <summary>
    /// The command, or the field errors (field id → German, English) that keep it from being sent. Only what the form
    /// itself can tell; the desk judges everything else (service, consent, times, lengths).
    /// </summary>
    public (RequestReferral? Command, Dictionary<string, (string German, string English)> Errors) ToCommand(string requestedBy)
    {
        var errors = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        PhoneCoordination? call = null;
        string? skipped = null;
        if (CallMode == Skip)
        {
            skipped = SkipReason?.Trim();
            if (string.IsNullOrEmpty(skipped))
            {
                errors["skip-reason"] = ("Bitte geben Sie an, warum nicht telefoniert wurde.", "Please say why there was no call.");
            }
        }
        else
        {
            Guid? staffContact = Guid.TryParse(StaffContact, out var id) ? id : null;
            var result = Results.Where(r => r.Code == CallResult).Select(r => (CoordinationResult?)r.Result).FirstOrDefault();
            if (result is null)
            {
                errors["call-result"] = ("Bitte wählen Sie das Ergebnis des Telefonats.", "Please choose the result of the call.");
            }

            if (staffContact is null && string.IsNullOrWhiteSpace(ReachedName) && result != CoordinationResult.NotReached)
            {
                errors["staff-contact"] = ("Bitte wählen Sie, wen Sie erreicht haben, oder tragen Sie einen Namen ein.", "Please choose whom you reached or type a name.");
            }

            var date = IntakeDates.Iso.Parse(CallDate ?? "");
            var time = LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(CallTime ?? "");
            if (!date.Success || !time.Success)
            {
                errors["call-date"] = ("Bitte geben Sie Datum und Uhrzeit des Telefonats an.", "Please give the date and time of the call.");
            }
            else if (result is { } r)
            {
                var at = date.Value.At(time.Value).InZoneLeniently(MartenConfiguration.Zone).ToInstant();
                call = new PhoneCoordination(staffContact is null ? ReachedName?.Trim() ?? "" : "", staffContact, at, r, CallNote);
            }
        }

        if (Topics.Count == 0)
        {
            errors["topics"] = ("Bitte wählen Sie mindestens ein Thema.", "Please choose at least one topic.");
        }

        if (!ClientLanguages.TryParse(ReleaseLanguage, out var language))
        {
            errors["release-language"] = ("Bitte wählen Sie die Sprache der Schweigepflichtentbindung.", "Please choose the language of the release.");
        }

        if (!ReleaseAgreed)
        {
            errors["release-agreed"] = ("Ohne die Zustimmung der Person zur Schweigepflichtentbindung kann nicht vermittelt werden.",
                "Without the client's agreement to the release from confidentiality there is no referral.");
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        // The desk sets how the client confirmed the release: by the presence proof of this intake.
        return (new RequestReferral(ReferralId ?? "", "", ServiceId ?? "", Topics, call, skipped, Note,
            new ConfidentialityRelease(ReleaseTextVersion.Current, language, ClientPresence.Pin), requestedBy), errors);
    }
}
