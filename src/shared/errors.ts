/** Error codes with their HTTP status and user-facing text in German and English. */
export const errorTable = {
  VALIDATION: { status: 400, de: 'Die Eingabe ist ungültig.', en: 'The input is invalid.' },
  BAD_REQUEST: { status: 400, de: 'Die Anfrage ist fehlerhaft.', en: 'The request is malformed.' },
  WEAK_PASSWORD: {
    status: 400,
    de: 'Das Passwort erfüllt die Regeln nicht.',
    en: 'The password does not meet the rules.',
  },
  WRONG_PASSWORD: {
    status: 400,
    de: 'Das aktuelle Passwort ist falsch.',
    en: 'The current password is wrong.',
  },
  UNAUTHENTICATED: { status: 401, de: 'Bitte melden Sie sich an.', en: 'Please sign in.' },
  INVALID_CREDENTIALS: {
    status: 401,
    de: 'Benutzername oder Passwort ist falsch.',
    en: 'Username or password is wrong.',
  },
  MFA_REQUIRED: {
    status: 401,
    de: 'Bitte geben Sie den Code aus Ihrer Authenticator-App ein.',
    en: 'Please enter the code from your authenticator app.',
  },
  MFA_INVALID: {
    status: 401,
    de: 'Der Code ist falsch oder abgelaufen.',
    en: 'The code is wrong or has expired.',
  },
  MFA_SETUP_REQUIRED: {
    status: 403,
    de: 'Für Ihre Rolle ist die Zwei-Faktor-Anmeldung Pflicht. Bitte richten Sie sie zuerst unter „Mein Konto“ ein.',
    en: 'Your role requires two-factor sign-in. Please set it up under "My account" first.',
  },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    de: 'Ihr Passwort wurde zurückgesetzt. Bitte wählen Sie zuerst ein eigenes neues Passwort.',
    en: 'Your password was reset. Please choose a new password of your own first.',
  },
  FORBIDDEN: {
    status: 403,
    de: 'Dafür fehlt Ihnen die Berechtigung.',
    en: 'You are not allowed to do this.',
  },
  NOT_AUTHOR: {
    status: 403,
    de: 'Diesen Eintrag kann nur die Person korrigieren oder löschen, die ihn erfasst hat, oder die Standortleitung.',
    en: 'Only the person who recorded this entry, or the site lead, may correct or delete it.',
  },
  CORRECTION_WINDOW_CLOSED: {
    status: 403,
    de: 'Die Frist für eigene Korrekturen ist abgelaufen. Bitte wenden Sie sich an die Standortleitung.',
    en: 'The period for correcting your own entries has ended. Please ask the site lead.',
  },
  CSRF: {
    status: 403,
    de: 'Sicherheitstoken fehlt oder ist ungültig. Bitte laden Sie die Seite neu.',
    en: 'Security token missing or invalid. Please reload the page.',
  },
  EMERGENCY_READ_ONLY: {
    status: 403,
    de: 'Im Notfallzugriff können Sie nur lesen, nichts ändern.',
    en: 'Emergency access is read-only.',
  },
  EMERGENCY_NOT_NEEDED: {
    status: 409,
    de: 'Dieser Haushalt gehört zu Ihrem Standort; ein Notfallzugriff ist nicht nötig.',
    en: 'This household belongs to your site; emergency access is not needed.',
  },
  NOT_FOUND: { status: 404, de: 'Nicht gefunden.', en: 'Not found.' },
  CONFLICT: {
    status: 409,
    de: 'Der Eintrag steht im Konflikt mit einem vorhandenen.',
    en: 'This conflicts with an existing entry.',
  },
  HOUSEHOLD_RESTRICTED: {
    status: 409,
    de: 'Die Verarbeitung dieses Haushalts ist eingeschränkt (Art. 18 DSGVO); er kann nur gelesen werden.',
    en: 'Processing of this household is restricted (Art. 18 GDPR); it is read-only.',
  },
  TOO_MANY_ATTEMPTS: {
    status: 429,
    de: 'Zu viele Versuche. Bitte warten Sie einige Minuten.',
    en: 'Too many attempts. Please wait a few minutes.',
  },
  INTERNAL: {
    status: 500,
    de: 'Ein interner Fehler ist aufgetreten.',
    en: 'An internal error occurred.',
  },
} as const satisfies Record<string, { status: number; de: string; en: string }>;

export type ErrorCode = keyof typeof errorTable;
export const errorCodes = Object.keys(errorTable) as ErrorCode[];
