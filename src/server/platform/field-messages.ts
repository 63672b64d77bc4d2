/** Field-level error texts in the request's language (zod's own texts are English only). */

type Lang = 'de' | 'en';
type Params = Record<string, unknown>;

const unit = {
  string: { de: 'Zeichen', en: 'characters' },
  array: { de: 'Einträge', en: 'entries' },
  set: { de: 'Einträge', en: 'entries' },
} as Record<string, Record<Lang, string>>;

function bound(kind: 'min' | 'max', p: Params, lang: Lang) {
  const n = String(kind === 'min' ? p.minimum : p.maximum);
  const u = unit[String(p.origin)]?.[lang];
  if (lang === 'de') return `${kind === 'min' ? 'mindestens' : 'höchstens'} ${n}${u ? ` ${u}` : ''}`;
  return `${kind === 'min' ? 'at least' : 'at most'} ${n}${u ? ` ${u}` : ''}`;
}

const formats: Record<string, Record<Lang, string>> = {
  date: { de: 'kein gültiges Datum (JJJJ-MM-TT)', en: 'not a valid date (YYYY-MM-DD)' },
  uuid: { de: 'ungültige Kennung', en: 'invalid id' },
  regex: { de: 'hat nicht das erwartete Format', en: 'does not have the expected format' },
};

/** Texts our own checks use (refinements and services), keyed by their English form. */
const known: Record<string, string> = {
  required: 'Pflichtfeld',
  'nothing to change': 'keine Änderung angegeben',
  'closedOn must not be before openedOn': 'Schließungsdatum liegt vor dem Eröffnungsdatum',
  'birthYear must match birthDate': 'Geburtsjahr passt nicht zum Geburtsdatum',
  'birthDate or birthYear, not both': 'Geburtsdatum oder Geburtsjahr angeben, nicht beides',
  'not one of your sites': 'nicht einer Ihrer Standorte',
  'unknown site': 'unbekannter Standort',
  'unknown district': 'unbekannter Stadtbezirk',
  'unknown subdistrict': 'unbekannter statistischer Bezirk',
  'subdistrict is not in the district': 'statistischer Bezirk liegt nicht im Stadtbezirk',
  'unknown organisation': 'unbekannte Organisation',
  'unknown language': 'unbekannte Sprache',
  'not a member': 'kein Mitglied dieses Haushalts',
  'username taken': 'Benutzername ist vergeben',
  'code taken': 'Kürzel ist vergeben',
  'code exists in this list': 'Code gibt es in dieser Liste schon',
  'last admin': 'die letzte aktive Administration kann nicht entfernt werden',
  'at least one site for this role': 'diese Rolle braucht mindestens einen Standort',
  'password rules': 'mindestens 12 Zeichen und nicht der Benutzername',
  'wrong password': 'Passwort ist falsch',
  'duplicate reason': 'Beratungsanlass doppelt',
  'no consent for sharing with this organisation': 'keine Einwilligung zur Weitergabe an diese Organisation',
};

export function zodIssueMessage(code: string, params: Params, fallback: string, lang: Lang): string {
  switch (code) {
    case 'too_small':
      return bound('min', params, lang);
    case 'too_big':
      return bound('max', params, lang);
    case 'invalid_type':
      return lang === 'de' ? 'fehlt oder hat den falschen Typ' : 'missing or of the wrong type';
    case 'invalid_format':
      return formats[String(params.format)]?.[lang] ?? formats.regex[lang];
    case 'invalid_value':
      return lang === 'de' ? 'kein zulässiger Wert' : 'not an allowed value';
    default:
      return translateDetail(fallback, lang);
  }
}

/** Translates a known English detail text; `unknown code in <list>` and the like keep their list name. */
export function translateDetail(message: string, lang: Lang): string {
  if (lang === 'en') return message;
  if (known[message]) return known[message];
  const list = /^(unknown|inactive) code in (.+)$/.exec(message);
  if (list) return `${list[1] === 'unknown' ? 'unbekannter' : 'deaktivierter'} Wert (${list[2]})`;
  return message;
}
