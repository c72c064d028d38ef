using Beratungspass.Infrastructure;

namespace Beratungspass.Web.Infrastructure.Problems;

/// <summary>One kind of 4xx answer: a stable code, its status and its text in German and English.</summary>
public sealed record ProblemKind(string Code, int Status, string TitleDe, string TitleEn, string DetailDe, string DetailEn)
{
    public string Type => $"/problems/{Code}";
}

/// <summary>Every problem the app answers with, so clients can rely on the codes and people read a clear text.</summary>
public static class ProblemCatalog
{
    public static readonly ProblemKind TokenInvalid = new("token-invalid", 400,
        "Ungültiger Code", "Invalid code",
        "Dieser Code ist kein gültiger Beratungspass. Bitte erneut scannen oder den Pass-Code eintippen.",
        "This code is not a valid Beratungspass. Please scan again or type the pass code.");

    public static readonly ProblemKind CardReplaced = new("card-replaced", 410,
        "Karte ersetzt", "Card replaced",
        "Diese Karte wurde durch eine neuere ersetzt und gilt nicht mehr. Bitte die aktuelle Karte scannen oder den Pass-Code eintippen.",
        "This card was replaced by a newer one and is no longer valid. Please scan the current card or type the pass code.");

    public static readonly ProblemKind PassCodeMalformed = new("pass-code-malformed", 400,
        "Pass-Code unvollständig", "Pass code incomplete",
        "Ein Pass-Code hat 9 Zeichen (z. B. K7M4-Q9XZ-R) aus Ziffern 2–9 und Buchstaben ohne I, L und O.",
        "A pass code has 9 characters (e.g. K7M4-Q9XZ-R): digits 2–9 and letters except I, L and O.");

    public static readonly ProblemKind PassCodeTypo = new("pass-code-typo", 400,
        "Tippfehler im Pass-Code", "Typo in the pass code",
        "Die Prüfziffer passt nicht: mindestens ein Zeichen ist falsch oder vertauscht. Bitte Zeichen für Zeichen vergleichen.",
        "The check character does not match: at least one character is wrong or swapped. Please compare character by character.");

    public static readonly ProblemKind PassNotFound = new("pass-not-found", 404,
        "Pass nicht gefunden", "Pass not found",
        "Unter diesem Pass-Code ist kein Pass verfügbar.",
        "No pass is available under this pass code.");

    public static readonly ProblemKind LanguageInvalid = new("language-invalid", 400,
        "Sprache nicht verfügbar", "Language not available",
        "Erlaubt sind: de, en, ar, uk, ru, tr, fa.",
        "Allowed are: de, en, ar, uk, ru, tr, fa.");

    public static readonly ProblemKind AgeBandInvalid = new("age-band-invalid", 400,
        "Altersgruppe ungültig", "Age band invalid",
        "Erlaubt sind: under-12, 12-17, 18-26, 27-44, 45-64, 65-plus oder keine Angabe.",
        "Allowed are: under-12, 12-17, 18-26, 27-44, 45-64, 65-plus or none.");

    public static readonly ProblemKind PinTooWeak = new("pin-too-weak", 400,
        "PIN nicht geeignet", "PIN not suitable",
        "Die PIN muss aus 4 bis 8 Ziffern bestehen und darf keine Reihe (1234) und keine gleichen Ziffern (0000) sein.",
        "The PIN must be 4 to 8 digits and may not be a run (1234) or one digit repeated (0000).");

    public static readonly ProblemKind PinMismatch = new("pin-mismatch", 400,
        "PINs stimmen nicht überein", "PINs do not match",
        "Die beiden eingegebenen PINs sind verschieden. Bitte beide Felder erneut ausfüllen.",
        "The two PINs entered differ. Please fill in both fields again.");

    public static readonly ProblemKind ChangedMeanwhile = new("changed-meanwhile", 409,
        "Zwischenzeitlich geändert", "Changed meanwhile",
        "Dieser Pass wurde gerade an anderer Stelle geändert. Bitte die Seite neu laden und den Schritt wiederholen.",
        "This pass was just changed elsewhere. Please reload the page and repeat the step.");

    public static readonly ProblemKind ConsentInvalid = new("consent-invalid", 400,
        "Einwilligung unvollständig", "Consent incomplete",
        "Zweck, Geltungsbereich oder Gültigkeit der Einwilligung fehlen oder liegen außerhalb des Erlaubten (höchstens 2 Jahre).",
        "Purpose, scope or validity of the consent is missing or out of range (at most 2 years).");

    public static readonly ProblemKind ConsentNotActive = new("consent-not-active", 409,
        "Einwilligung nicht aktiv", "Consent not active",
        "Diese Einwilligung besteht nicht oder wurde bereits widerrufen.",
        "This consent does not exist or was already withdrawn.");

    public static readonly ProblemKind PinMissing = new("pin-missing", 400,
        "PIN fehlt", "PIN missing",
        "Bitte die ratsuchende Person ihre PIN eingeben lassen. Eine fehlende PIN zählt nicht als Fehlversuch.",
        "Please let the client enter their PIN. A missing PIN does not count as a wrong attempt.");

    public static readonly ProblemKind PinWrong = new("pin-wrong", 403,
        "PIN falsch", "Wrong PIN",
        "Die PIN stimmt nicht. Nach fünf falschen Eingaben wird der Pass für 15 Minuten gesperrt.",
        "The PIN is not correct. After five wrong PINs the pass is locked for 15 minutes.");

    public static readonly ProblemKind PinLocked = new("pin-locked", 423,
        "Pass vorübergehend gesperrt", "Pass locked for now",
        "Nach fünf falschen PINs ist der Pass für 15 Minuten gesperrt. Eine vergessene PIN wird nur mit einer neuen Karte ersetzt.",
        "After five wrong PINs the pass is locked for 15 minutes. A forgotten PIN is replaced only with a new card.");

    public static readonly ProblemKind PresenceRequired = new("presence-required", 403,
        "PIN der ratsuchenden Person nötig", "Client's PIN needed",
        "Der Verlauf wird nur angezeigt, solange die Person anwesend ist: Bitte die PIN eingeben lassen oder den QR-Code von ihrem Handy scannen.",
        "The history is shown only while the client is present: please let them enter their PIN or scan the QR code on their phone.");

    public static readonly ProblemKind ConsentMissing = new("consent-missing", 403,
        "Einwilligung nötig", "Consent needed",
        "Für Ihre Einrichtung liegt keine gültige Einwilligung für diesen Zweck vor. Die Beratung hängt nicht davon ab.",
        "There is no valid consent for your institution and this purpose. Counselling does not depend on it.");

    public static readonly ProblemKind ServiceNotYours = new("service-not-yours", 403,
        "Dienst nicht Ihrer Einrichtung", "Not your institution's service",
        "Kontakte können nur für aktive Dienste der eigenen Einrichtung erfasst werden.",
        "Contacts can be recorded only for active services of your own institution.");

    public static readonly ProblemKind ContactDateInvalid = new("contact-date-invalid", 400,
        "Datum nicht möglich", "Date not possible",
        "Das Datum darf nicht in der Zukunft und höchstens 90 Tage zurück liegen.",
        "The date may not be in the future nor more than 90 days back.");

    public static readonly ProblemKind TopicsInvalid = new("topics-invalid", 400,
        "Themen ungültig", "Topics invalid",
        "Bitte mindestens ein Thema aus der Themenliste des Netzwerks wählen.",
        "Please choose at least one topic from the network's topic list.");

    public static readonly ProblemKind PossibleDuplicate = new("possible-duplicate", 409,
        "Mögliche Doppelberatung", "Possible duplicate counselling",
        "Ein anderer Dienst hat dieses Thema in den letzten 6 Monaten bearbeitet. Bitte prüfen und bei Bedarf trotzdem erfassen.",
        "Another service handled this topic within the last 6 months. Please check, and record anyway if needed.");

    public static readonly ProblemKind ServiceNotUsed = new("service-not-used", 400,
        "Dienst nicht genutzt", "Service not used",
        "Dieser Dienst kommt im Verlauf des Passes nicht vor.",
        "This service does not appear in the pass history.");

    public static readonly ProblemKind FormInvalid = new("form-invalid", 400,
        "Formular beschädigt", "Form damaged",
        "Das Formular kam unvollständig oder veraltet an; es wurde nichts gespeichert. Bitte die Seite neu öffnen und das Formular erneut ausfüllen.",
        "The form arrived incomplete or outdated; nothing was saved. Please open the page again and fill in the form anew.");

    public static readonly ProblemKind RequestInvalid = new("request-invalid", 400,
        "Anfrage ungültig", "Invalid request",
        "Die Anfrage konnte nicht gelesen werden. Erwartet wird JSON wie in der API-Beschreibung.",
        "The request could not be read. JSON as in the API description is expected.");

    public static readonly ProblemKind MethodNotAllowed = new("method-not-allowed", 405,
        "Methode nicht erlaubt", "Method not allowed",
        "Diese Adresse unterstützt diese HTTP-Methode nicht. Die erlaubten Methoden stehen in der API-Beschreibung.",
        "This address does not support this HTTP method. The allowed methods are listed in the API description.");

    public static readonly ProblemKind RequestTooLarge = new("request-too-large", 413,
        "Anfrage zu groß", "Request too large",
        "Die Anfrage ist größer als erlaubt.",
        "The request is larger than allowed.");

    public static readonly ProblemKind UnsupportedMediaType = new("unsupported-media-type", 415,
        "Format nicht unterstützt", "Unsupported format",
        "Bitte den Inhalt als application/json senden.",
        "Please send the content as application/json.");

    public static readonly ProblemKind SignInRequired = new("sign-in-required", 401,
        "Anmeldung erforderlich", "Sign-in required",
        "Bitte zuerst anmelden.",
        "Please sign in first.");

    public static readonly ProblemKind ApiCredentialsInvalid = new("api-credentials-invalid", 401,
        "API-Zugang ungültig", "API credentials invalid",
        "Der Zugangsschlüssel ist unbekannt, widerrufen oder unvollständig. Einen neuen Schlüssel vergibt die Administration.",
        "The access key is unknown, revoked or incomplete. The administration issues a new key.");

    public static readonly ProblemKind Forbidden = new("forbidden", 403,
        "Keine Berechtigung", "Not permitted",
        "Ihr Konto darf diese Aktion nicht ausführen.",
        "Your account may not perform this action.");

    public static readonly ProblemKind NotFound = new("not-found", 404,
        "Nicht gefunden", "Not found",
        "Diese Adresse gibt es nicht.",
        "This address does not exist.");

    public static readonly ProblemKind DatabaseUnavailable = new("database-unavailable", 503,
        "Vorübergehend nicht verfügbar", "Temporarily unavailable",
        "Die Datenbank antwortet gerade nicht. Bitte in einigen Sekunden erneut versuchen; es wurde nichts gespeichert.",
        "The database is not answering right now. Please try again in a few seconds; nothing was saved.");

    public static readonly ProblemKind Unexpected = new("unexpected", 500,
        "Unerwarteter Fehler", "Unexpected error",
        "Es ist ein Fehler aufgetreten; es wurde nichts gespeichert. Der Fehler wurde protokolliert.",
        "An error occurred; nothing was saved. The error was logged.");

    public static readonly ProblemKind OrganizationNotFound = new("organization-not-found", 404,
        "Organisation nicht gefunden", "Organization not found",
        "Diese Organisation gibt es im Verzeichnis nicht.",
        "This organization is not in the directory.");

    public static readonly ProblemKind OrganizationRetired = new("organization-retired", 409,
        "Organisation ausgeschieden", "Organization retired",
        "Die Organisation ist aus dem Netzwerk ausgeschieden und kann nicht mehr bearbeitet werden und keine neuen Angebote bekommen.",
        "The organization has left the network: it can no longer be edited or given new services.");

    public static readonly ProblemKind OrganizationHasActiveServices = new("organization-has-active-services", 409,
        "Noch aktive Angebote", "Services still active",
        "Eine Organisation scheidet erst aus, wenn alle ihre Angebote eingestellt sind. Bitte zuerst die Angebote einstellen.",
        "An organization can leave only once all its services are retired. Please retire the services first.");

    public static readonly ProblemKind ServiceNotFound = new("service-not-found", 404,
        "Angebot nicht gefunden", "Service not found",
        "Dieses Angebot gibt es im Verzeichnis nicht.",
        "This service is not in the directory.");

    public static readonly ProblemKind ServiceRetired = new("service-retired", 409,
        "Angebot eingestellt", "Service retired",
        "Das Angebot ist eingestellt: Es kann nicht mehr bearbeitet werden und nimmt nichts Neues an. Verläufe zeigen es weiter.",
        "The service is retired: it can no longer be edited and takes nothing new. Histories keep showing it.");

    public static readonly ProblemKind DirectoryIdTaken = new("directory-id-taken", 409,
        "Kennung vergeben", "Id taken",
        "Diese Kennung ist im Verzeichnis schon vergeben (auch eingestellte Einträge behalten ihre Kennung). Bitte eine andere wählen.",
        "This id is already taken in the directory (retired entries keep theirs too). Please choose another.");

    public static readonly ProblemKind DirectoryIdInvalid = new("directory-id-invalid", 400,
        "Kennung ungültig", "Id invalid",
        "Eine Kennung hat 3 bis 64 Zeichen: Kleinbuchstaben, Ziffern, Punkt, Binde- und Unterstrich, am Anfang ein Buchstabe oder eine Ziffer.",
        "An id has 3 to 64 characters: lower-case letters, digits, dot, hyphen and underscore, starting with a letter or digit.");

    public static readonly ProblemKind RetireInsteadOfDefunct = new("retire-instead", 400,
        "Bitte „Einstellen“ verwenden", "Please use \"Retire\"",
        "Ein Angebot wird über „Einstellen“ beendet, nicht über den Status.",
        "A service ends through \"Retire\", not through its status.");

    public static readonly ProblemKind DirectoryEntryInvalid = new("directory-entry-invalid", 400,
        "Eintrag unvollständig oder fehlerhaft", "Entry incomplete or invalid",
        "Bitte die markierten Felder korrigieren; es wurde nichts gespeichert.",
        "Please correct the marked fields; nothing was saved.");

    public static readonly ProblemKind ReferralClosed = new("referral-closed", 409,
        "Vermittlung abgeschlossen", "Referral closed",
        "Diese Vermittlung ist abgeschlossen und hat ihr Ergebnis; sie kann nicht mehr geändert werden.",
        "This referral is closed with its outcome; it can no longer be changed.");

    public static readonly ProblemKind ReferralNotYours = new("referral-not-yours", 403,
        "Nicht Ihre Vermittlung", "Not your referral",
        "Diesen Schritt kann nur die vermittelnde bzw. die aufnehmende Einrichtung der Vermittlung gehen.",
        "Only the referring or the receiving institution of the referral can take this step.");

    public static readonly ProblemKind ReferralTransitionInvalid = new("referral-transition-invalid", 409,
        "Schritt nicht möglich", "Step not possible",
        "Im jetzigen Stand der Vermittlung ist dieser Schritt nicht möglich (z. B. erst annehmen, dann abschließen).",
        "This step is not possible in the referral's current state (e.g. accept before completing).");

    public static readonly ProblemKind ReferralOutcomeInvalid = new("referral-outcome-invalid", 400,
        "Ergebnis passt nicht", "Outcome does not fit",
        "Dieses Ergebnis passt nicht zu diesem Schritt. Bitte ein passendes Ergebnis wählen.",
        "This outcome does not fit this step. Please choose a fitting outcome.");

    public static readonly ProblemKind ReferralNoteTooLong = new("referral-note-too-long", 400,
        "Notiz zu lang", "Note too long",
        "Eine Notiz hat höchstens 1000 Zeichen – und nie persönliche Daten.",
        "A note has at most 1000 characters — and never personal data.");
    public static readonly ProblemKind HsdsQueryInvalid = new("hsds-query-invalid", 400,
        "Abfrageparameter ungültig", "Query parameter invalid",
        "page und per_page sind ganze Zahlen ab 1 (per_page über 200 wird als 200 behandelt); Kennungen sind UUIDs; modified_after ist ein Zeitpunkt nach ISO 8601; minimal, full, full_service und top_only sind true oder false; search hat höchstens 200 Zeichen.",
        "page and per_page are whole numbers from 1 (per_page above 200 is served as 200); ids are UUIDs; modified_after is an ISO 8601 date-time; minimal, full, full_service and top_only are true or false; search has at most 200 characters.");

    public static readonly ProblemKind HsdsNotFound = new("hsds-not-found", 404,
        "Nicht im Verzeichnis", "Not in the directory",
        "Unter dieser Kennung gibt es im Verzeichnis keinen Eintrag dieser Art. Kennungen sind die UUIDs, die die Listen unter /hsds nennen.",
        "There is no entry of this kind under this id in the directory. Ids are the UUIDs the lists under /hsds give.");

    public static readonly ProblemKind ImportInvalid = new("import-invalid", 400,
        "Import nicht möglich", "Import not possible",
        "Die Datei enthält Fehler; es wurde nichts übernommen. Jede Fehlerstelle ist mit ihrem JSON-Pfad genannt.",
        "The file has errors; nothing was imported. Each error is named with its JSON path.");

    public static readonly ProblemKind ImportTooLarge = new("import-too-large", 413,
        "Datei zu groß", "File too large",
        "Eine Importdatei darf höchstens 10 MB groß sein; es wurde nichts übernommen. Das ganze Verzeichnis des Kreises ist als HSDS-Datei weit kleiner – bitte prüfen, ob die richtige Datei gewählt ist.",
        "An import file may be at most 10 MB; nothing was imported. The Kreis's whole directory as an HSDS file is far smaller – please check that the right file was chosen.");

    public static readonly ProblemKind ReferralIdInvalid = new("referral-id-invalid", 400,
        "Kennung der Vermittlung ungültig", "Referral id invalid",
        "Eine Vermittlung wird mit einer zufälligen Kennung aus 32 Hexadezimalziffern (oder einer UUID) angelegt.",
        "A referral is created with a random id of 32 hexadecimal digits (or a UUID).");

    public static readonly ProblemKind ReferralIdTaken = new("referral-id-taken", 409,
        "Kennung schon vergeben", "Referral id taken",
        "Unter dieser Kennung besteht schon eine andere Vermittlung. Bitte eine neue zufällige Kennung ziehen.",
        "Another referral already exists under this id. Please draw a new random id.");

    public static readonly ProblemKind ReferralNotFound = new("referral-not-found", 404,
        "Vermittlung nicht gefunden", "Referral not found",
        "Eine Vermittlung mit dieser Kennung gibt es für Ihre Einrichtung nicht.",
        "There is no referral with this id for your institution.");

    public static readonly ProblemKind ReferralToOwnInstitution = new("referral-to-own-institution", 400,
        "Vermittlung an die eigene Einrichtung", "Referral to your own institution",
        "Vermittelt wird an ein Angebot einer anderen Einrichtung. Innerhalb der eigenen Einrichtung ist keine Vermittlung nötig.",
        "A referral goes to a service of another institution. Within your own institution no referral is needed.");

    public static readonly ProblemKind ReferringServiceNotYours = new("referring-service-not-yours", 403,
        "Vermittelnder Dienst nicht Ihrer Einrichtung", "Referring service not your institution's",
        "Vermittelt wird aus einem aktiven Dienst der eigenen Einrichtung.",
        "A referral is made from an active service of your own institution.");

    public static readonly ProblemKind ServiceNotActive = new("service-not-active", 409,
        "Angebot nicht aktiv", "Service not active",
        "Das Angebot ist derzeit nicht aktiv und nimmt keine Vermittlungen an. Bitte ein anderes Angebot wählen.",
        "The service is not active at present and takes no referrals. Please choose another service.");

    public static readonly ProblemKind ReleaseMissing = new("release-missing", 403,
        "Schweigepflichtentbindung nötig", "Release from confidentiality needed",
        "Eine Vermittlung braucht die Schweigepflichtentbindung der anwesenden Person: Text in ihrer Sprache zeigen, Fassung und Sprache mitsenden.",
        "A referral needs the present client's release from confidentiality: show the text in their language, send its version and language along.");

    public static readonly ProblemKind ReleaseTextOutdated = new("release-text-outdated", 409,
        "Neue Fassung der Schweigepflichtentbindung", "New version of the release text",
        "Der Text der Schweigepflichtentbindung wurde geändert. Bitte der Person die aktuelle Fassung zeigen und erneut senden.",
        "The release text has changed. Please show the client the current version and send again.");

    public static readonly ProblemKind CoordinationMissing = new("coordination-missing", 400,
        "Telefonische Abstimmung fehlt", "Phone coordination missing",
        "Bitte das Telefonat mit dem aufnehmenden Dienst erfassen (wen erreicht, wann, Ergebnis) oder begründen, warum es keines gab.",
        "Please log the call to the receiving service (whom reached, when, result) or give the reason there was none.");

    public static readonly ProblemKind CoordinationInvalid = new("coordination-invalid", 400,
        "Telefonische Abstimmung unvollständig", "Phone coordination incomplete",
        "Bitte angeben, wen Sie erreicht haben (höchstens 200 Zeichen oder eine Ansprechperson des Dienstes), wann (nicht in der Zukunft, höchstens 30 Tage zurück) und mit welchem Ergebnis – oder nur den Grund, warum es kein Telefonat gab.",
        "Please give whom you reached (at most 200 characters, or a contact person of the service), when (not in the future, at most 30 days back) and the result — or only the reason there was no call.");

    public static ProblemKind For(Rejection rejection) => rejection switch
    {
        Rejection.ReferralIdInvalid => ReferralIdInvalid,
        Rejection.ReferralIdTaken => ReferralIdTaken,
        Rejection.ReferralNotFound => ReferralNotFound,
        Rejection.ReferralToOwnInstitution => ReferralToOwnInstitution,
        Rejection.ReferringServiceNotYours => ReferringServiceNotYours,
        Rejection.ServiceNotActive => ServiceNotActive,
        Rejection.ReleaseMissing => ReleaseMissing,
        Rejection.ReleaseTextOutdated => ReleaseTextOutdated,
        Rejection.CoordinationMissing => CoordinationMissing,
        Rejection.CoordinationInvalid => CoordinationInvalid,
        Rejection.ReferralClosed => ReferralClosed,
        Rejection.ReferralNotYours => ReferralNotYours,
        Rejection.ReferralTransitionInvalid => ReferralTransitionInvalid,
        Rejection.ReferralOutcomeInvalid => ReferralOutcomeInvalid,
        Rejection.ReferralNoteTooLong => ReferralNoteTooLong,
        Rejection.OrganizationNotFound => OrganizationNotFound,
        Rejection.OrganizationRetired => OrganizationRetired,
        Rejection.OrganizationHasActiveServices => OrganizationHasActiveServices,
        Rejection.ServiceNotFound => ServiceNotFound,
        Rejection.ServiceRetired => ServiceRetired,
        Rejection.DirectoryIdTaken => DirectoryIdTaken,
        Rejection.DirectoryIdInvalid => DirectoryIdInvalid,
        Rejection.RetireInsteadOfDefunct => RetireInsteadOfDefunct,
        Rejection.PassNotFound => PassNotFound,
        Rejection.PinTooWeak => PinTooWeak,
        Rejection.ConsentPurposesMissing or Rejection.ConsentInstitutionsMissing or Rejection.ConsentValidityOutOfRange => ConsentInvalid,
        Rejection.ConsentNotActive => ConsentNotActive,
        Rejection.ConsentMissing => ConsentMissing,
        Rejection.ServiceNotOfInstitution => ServiceNotYours,
        Rejection.ContactDateInFuture or Rejection.ContactDateTooOld => ContactDateInvalid,
        Rejection.TopicsMissing or Rejection.TopicUnknown => TopicsInvalid,
        Rejection.ChangedMeanwhile => ChangedMeanwhile,
        Rejection.ServiceNotUsed => ServiceNotUsed,
        Rejection.PinMissing => PinMissing,
        Rejection.PinWrong => PinWrong,
        Rejection.PinLocked => PinLocked,
        Rejection.PresenceRequired => PresenceRequired,
        _ => throw new ArgumentOutOfRangeException(nameof(rejection)),
    };

    public static ProblemKind? ForStatus(int status) => status switch
    {
        400 => RequestInvalid,
        401 => SignInRequired,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        413 => RequestTooLarge,
        415 => UnsupportedMediaType,
        _ => null,
    };
}
