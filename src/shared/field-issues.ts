/**
 * Field issues by code: services and schema refinements name a code, this table gives the text in
 * German and English (`{name}` placeholders are filled from the issue's params). A code without both
 * texts fails the type check. The server sends `{path, code, message}` in the request's language.
 */
type Texts = { de: string; en: string };

export const fieldIssueTexts = {
  required: { de: 'Pflichtfeld', en: 'required' },
  nothingToChange: { de: 'keine Änderung angegeben', en: 'nothing to change' },
  invalidType: { de: 'fehlt oder hat den falschen Typ', en: 'missing or of the wrong type' },
  notAllowedValue: { de: 'kein zulässiger Wert', en: 'not an allowed value' },
  tooShort: { de: 'mindestens {n}{unit}', en: 'at least {n}{unit}' },
  tooLong: { de: 'höchstens {n}{unit}', en: 'at most {n}{unit}' },
  invalidDate: { de: 'kein gültiges Datum (JJJJ-MM-TT)', en: 'not a valid date (YYYY-MM-DD)' },
  invalidId: { de: 'ungültige Kennung', en: 'invalid id' },
  invalidFormat: { de: 'hat nicht das erwartete Format', en: 'does not have the expected format' },
  invalid: { de: 'Dieser Wert ist ungültig', en: 'this value is invalid' },
  // what exactly is wrong, instead of the generic texts above (zod issues mapped in field-messages.ts)
  expectedNumber: { de: 'bitte eine Zahl angeben', en: 'must be a number' },
  expectedText: { de: 'bitte einen Text angeben', en: 'must be a text' },
  expectedYesNo: { de: 'bitte Ja oder Nein angeben', en: 'must be yes or no' },
  expectedList: { de: 'bitte eine Liste angeben', en: 'must be a list' },
  expectedObject: { de: 'bitte die Angaben vollständig übermitteln', en: 'must be an object' },
  notOneOf: { de: 'bitte einen dieser Werte wählen: {values}', en: 'must be one of: {values}' },
  notWholeNumber: { de: 'bitte eine ganze Zahl angeben', en: 'must be a whole number' },
  unknownField: { de: 'unbekanntes Feld', en: 'unknown field' },
  timeFormat: { de: 'Uhrzeit bitte als HH:MM angeben (z. B. 09:30)', en: 'time as HH:MM (e.g. 09:30)' },
  postcodeFormat: { de: 'Die Postleitzahl hat fünf Ziffern', en: 'the postcode has five digits' },
  codeFormat: {
    de: 'nur Kleinbuchstaben, Ziffern, „-“ und „_“, am Anfang ein Buchstabe oder eine Ziffer',
    en: 'lowercase letters, digits, "-" and "_" only, starting with a letter or digit',
  },
  siteRequired: { de: 'Bitte einen Standort wählen', en: 'please choose a site' },
  contactInFuture: {
    de: 'Das Kontaktdatum liegt in der Zukunft – ein Kontakt wird erst erfasst, wenn er stattgefunden hat',
    en: 'the contact date is in the future – a contact is logged once it has taken place',
  },
  contactDurationRange: {
    de: 'Die Dauer muss zwischen 1 und 1440 Minuten liegen',
    en: 'the duration must be between 1 and 1440 minutes',
  },
  appointmentDurationRange: {
    de: 'Die Dauer muss zwischen 5 und 600 Minuten liegen',
    en: 'the duration must be between 5 and 600 minutes',
  },
  registeredTooEarly: {
    de: 'Das Erfassungsdatum liegt vor dem 01.01.2000',
    en: 'the registration date is before 01.01.2000',
  },
  registeredInFuture: {
    de: 'Das Erfassungsdatum liegt in der Zukunft',
    en: 'the registration date is in the future',
  },
  birthDateInFuture: { de: 'Geburtsdatum liegt in der Zukunft', en: 'the date of birth is in the future' },
  closedBeforeOpened: {
    de: 'Schließungsdatum liegt vor dem Eröffnungsdatum',
    en: 'closedOn must not be before openedOn',
  },
  birthYearMismatch: { de: 'Geburtsjahr passt nicht zum Geburtsdatum', en: 'birthYear must match birthDate' },
  birthDateOrYear: {
    de: 'Geburtsdatum oder Geburtsjahr angeben, nicht beides',
    en: 'birthDate or birthYear, not both',
  },
  notYourSite: { de: 'nicht einer Ihrer Standorte', en: 'not one of your sites' },
  unknownSite: { de: 'unbekannter Standort', en: 'unknown site' },
  unknownPrivacyNotice: { de: 'unbekannter Datenschutzhinweis', en: 'unknown privacy notice' },
  siteClosed: { de: 'der Standort ist geschlossen', en: 'site is closed' },
  alreadyResponsibleSite: { de: 'ist bereits der zuständige Standort', en: 'already the responsible site' },
  unknownDistrict: { de: 'unbekannter Stadtbezirk', en: 'unknown district' },
  unknownSubdistrict: { de: 'unbekannter statistischer Bezirk', en: 'unknown subdistrict' },
  subdistrictOutsideDistrict: {
    de: 'statistischer Bezirk liegt nicht im Stadtbezirk',
    en: 'subdistrict is not in the district',
  },
  requiredWithSubdistrict: {
    de: 'für einen statistischen Bezirk erforderlich',
    en: 'required with a subdistrict',
  },
  onlyForSubdistricts: { de: 'nur für statistische Bezirke', en: 'only for subdistricts' },
  onlyForOrganisations: { de: 'nur für Organisationen', en: 'only for organisations' },
  unknownOrganisation: { de: 'unbekannte Organisation', en: 'unknown organisation' },
  unknownLanguage: { de: 'unbekannte Sprache', en: 'unknown language' },
  unknownCode: { de: 'unbekannter Wert ({list})', en: 'unknown code in {list}' },
  inactiveCode: { de: 'deaktivierter Wert ({list})', en: 'inactive code in {list}' },
  listOrderIncomplete: {
    de: 'muss jeden Code der Liste genau einmal enthalten',
    en: 'must list every code of the list once',
  },
  unknownHousehold: { de: 'unbekannter Haushalt', en: 'unknown household' },
  sameHousehold: { de: 'derselbe Haushalt', en: 'same household' },
  notMember: { de: 'kein Mitglied dieses Haushalts', en: 'not a member of this household' },
  notStaffOfSite: {
    de: 'keine aktive Fachkraft dieses Standorts',
    en: 'not an active staff member of this site',
  },
  siteIdList: { de: 'Standort-Kennungen durch Kommas getrennt', en: 'comma-separated site ids' },
  duplicateReason: { de: 'Beratungsanlass doppelt', en: 'duplicate reason' },
  notesAfterData: {
    de: 'Notizen dürfen nicht länger aufbewahrt werden als die personenbezogenen Daten',
    en: 'notes may not be kept longer than the personal data',
  },
  duplicateCategory: { de: 'Kategorie mehrfach angegeben', en: 'category given more than once' },
  contactPersonNotDeleted: {
    de: 'Die Kontaktperson des Haushalts kann nicht gelöscht werden; bitte zuerst eine andere Person als Kontaktperson eintragen',
    en: "the household's contact person cannot be deleted; please make another member the contact person first",
  },
  lastMemberNotDeleted: {
    de: 'Das letzte Mitglied eines Haushalts kann nicht gelöscht werden',
    en: 'the last member of a household cannot be deleted',
  },
  alreadyRestricted: {
    de: 'Die Verarbeitung dieses Haushalts ist bereits eingeschränkt',
    en: 'processing of this household is restricted already',
  },
  notRestricted: {
    de: 'Die Verarbeitung dieses Haushalts ist nicht eingeschränkt',
    en: 'processing of this household is not restricted',
  },
  alreadyAnonymised: {
    de: 'Der Haushalt ist bereits anonymisiert',
    en: 'the household is anonymised already',
  },
  noSharingConsent: {
    de: 'keine Einwilligung zur Weitergabe an diese Organisation',
    en: 'no consent for sharing with this organisation',
  },
  beforeRegistration: { de: 'liegt vor der Erfassung des Haushalts', en: 'before the registration' },
  beforeConsentGiven: { de: 'liegt vor der Erteilung der Einwilligung', en: 'before the consent was given' },
  alreadyWithdrawn: { de: 'bereits widerrufen', en: 'already withdrawn' },
  beforeFrom: { de: 'liegt vor dem Beginn des Zeitraums', en: 'before from' },
  periodTooLong: { de: 'Zeitraum länger als {years} Jahre', en: 'period longer than {years} years' },
  usernameTaken: { de: 'Benutzername ist vergeben', en: 'username taken' },
  codeTaken: { de: 'Kürzel ist vergeben', en: 'code taken' },
  codeExists: { de: 'Code gibt es in dieser Liste schon', en: 'code exists in this list' },
  lastAdmin: {
    de: 'die letzte aktive Administration kann nicht entfernt werden',
    en: 'last admin',
  },
  siteRequiredForRole: {
    de: 'diese Rolle braucht mindestens einen Standort',
    en: 'at least one site for this role',
  },
  passwordRules: { de: 'mindestens 12 Zeichen und nicht der Benutzername', en: 'password rules' },
  wrongPassword: { de: 'Passwort ist falsch', en: 'wrong password' },
  passwordUnchanged: {
    de: 'muss sich vom bisherigen Passwort unterscheiden',
    en: 'must differ from the current password',
  },
  passwordTooShort: { de: 'mindestens {min} Zeichen', en: 'at least {min} characters' },
  passwordRepeated: {
    de: 'zu einfach: nur wenige verschiedene Zeichen oder ein wiederholtes Muster',
    en: 'too simple: only a few different characters or a repeated pattern',
  },
  passwordSequence: {
    de: 'zu einfach: eine Zeichenfolge wie 12345678, abcdefgh oder qwertz',
    en: 'too simple: a sequence such as 12345678, abcdefgh or qwerty',
  },
  passwordHasUsername: { de: 'darf den Benutzernamen nicht enthalten', en: 'must not contain the username' },
  passwordDemo: {
    de: 'das Demo-Passwort ist außerhalb des Demo-Betriebs nicht erlaubt',
    en: 'the demo password is not allowed outside demo mode',
  },
  passwordCommon: {
    de: 'gehört zu den häufigsten Passwörtern und ist leicht zu erraten',
    en: 'is one of the most common passwords and easy to guess',
  },
  mfaCodeWrong: { de: 'Der Code ist falsch oder abgelaufen', en: 'the code is wrong or has expired' },
  mfaNotStarted: {
    de: 'Bitte starten Sie zuerst die Einrichtung',
    en: 'please start the set-up first',
  },
  mfaAlreadyOn: {
    de: 'Die Zwei-Faktor-Anmeldung ist bereits eingerichtet',
    en: 'two-factor sign-in is already on',
  },
  mfaRequiredForRole: {
    de: 'für Ihre Rolle Pflicht, kann nicht abgeschaltet werden',
    en: 'required for your role, cannot be turned off',
  },
  geoTooLarge: { de: 'Datei ist zu groß', en: 'too large' },
  geoTooManyPoints: { de: 'zu viele Punkte', en: 'too many points' },
  geoRingNotClosed: { de: 'Umriss ist nicht geschlossen', en: 'ring not closed' },
  geoDuplicateDistrict: { de: 'Stadtbezirk doppelt', en: 'duplicate district' },
  controlCharacters: { de: 'enthält unzulässige Steuerzeichen', en: 'contains control characters' },
  dateOutOfRange: { de: 'Datum außerhalb 1900–2100', en: 'date outside 1900–2100' },
  dateInFuture: { de: 'liegt in der Zukunft', en: 'is in the future' },
  dateTooEarly: { de: 'liegt vor dem {min}', en: 'is before {min}' },
  unknownPartner: { de: 'unbekannte*r Kooperationspartner*in', en: 'unknown partner' },
  unknownVolunteer: { de: 'unbekannte*r Ehrenamtliche*r', en: 'unknown volunteer' },
  endNotAfterStart: { de: 'Ende muss nach dem Beginn liegen', en: 'end must be after the start' },
  notSiteStaff: {
    de: 'kein aktives Mitarbeiter*innenkonto dieses Standorts',
    en: 'not an active staff account of this site',
  },
  // language mediators (Sprachmittlung)
  toBeforeFrom: { de: 'Ende muss nach dem Beginn liegen', en: 'must be after the start' },
  dateTooLate: { de: 'liegt nach dem {max}', en: 'is after {max}' },
  unknownMediator: { de: 'unbekannte*r Sprachmittler*in', en: 'unknown language mediator' },
  mediatorInactive: { de: 'Sprachmittler*in ist nicht aktiv', en: 'language mediator is not active' },
  mediatorBooked: {
    de: 'Sprachmittler*in ist zu dieser Zeit bereits gebucht',
    en: 'language mediator is already booked at that time',
  },
  languageNotSpoken: {
    de: 'Sprachmittler*in spricht diese Sprache nicht',
    en: 'the language mediator does not speak this language',
  },
  bookingStatusChange: {
    de: 'Statuswechsel von „{from}“ nicht möglich',
    en: 'status cannot change from {from}',
  },
  onlyWhenDone: { de: 'nur für erledigte Einsätze', en: 'only for done bookings' },
  householdMismatch: {
    de: 'gehört nicht zum Haushalt des Termins',
    en: 'not the household of the appointment',
  },
  // network (partners, offers)
  hoursOrAppointment: {
    de: 'Öffnungszeiten oder „nur nach Vereinbarung“ angeben, nicht beides',
    en: 'opening hours or appointment only, not both',
  },
  // volunteers (Ehrenamt)
  noVolunteerConsent: {
    de: 'der Haushalt hat dem Kontakt durch Ehrenamtliche nicht zugestimmt',
    en: 'the household has not consented to contact by volunteers',
  },
  exactlyOneTarget: {
    de: 'genau eines angeben: Haushalt, Angebot oder Veranstaltung',
    en: 'give exactly one of householdId, offerId, eventId',
  },
  unknownAssignment: { de: 'unbekannter Einsatz dieser*s Ehrenamtlichen', en: 'unknown assignment' },
  unknownOffer: { de: 'unbekanntes Angebot', en: 'unknown offer' },
  unknownEvent: { de: 'unbekannte Veranstaltung', en: 'unknown event' },
  assignmentStatusChange: {
    de: 'dieser Statuswechsel ist nicht möglich',
    en: 'this status change is not possible',
  },
} as const satisfies Record<string, Texts>;

export type FieldIssueCode = keyof typeof fieldIssueTexts;
export type IssueParams = Record<string, string | number>;

export function isFieldIssueCode(value: unknown): value is FieldIssueCode {
  return typeof value === 'string' && Object.hasOwn(fieldIssueTexts, value);
}

/** The issue's text in a language, with its params filled in. */
export function fieldIssueText(code: FieldIssueCode, lang: 'de' | 'en', params: IssueParams = {}): string {
  return fieldIssueTexts[code][lang].replace(/\{(\w+)\}/g, (_, k: string) =>
    params[k] === undefined ? '' : String(params[k]),
  );
}
