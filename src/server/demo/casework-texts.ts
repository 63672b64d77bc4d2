// Texts and code lists the demo case records draw from (German, as caseworkers write them).

export const noticeLanguages = new Set([
  'de',
  'en',
  'ar',
  'fa',
  'prs',
  'ps',
  'ti',
  'tr',
  'uk',
  'ru',
  'fr',
  'so',
  'ku',
]);

export const obstaclesByArea: Record<string, string[]> = {
  wohnen: ['wohnen', 'schulden'],
  lebensunterhalt: ['schulden'],
  'kinderbetreuung-schule': ['kein-kitaplatz'],
  migrationsspezifisch: ['kein-kursplatz', 'sprache'],
  'arbeit-beruf': ['sprache', 'anerkennung'],
  'ausbildung-studium': ['anerkennung', 'sprache'],
  'aufenthalt-behoerden': ['aufenthaltsstatus'],
  gesundheit: ['gesundheit'],
  mobilitaet: ['mobilitaet'],
};

export const goals: Record<string, string> = {
  wohnen: 'Eigene Wohnung mit ausreichend Platz halten',
  lebensunterhalt: 'Leistungen lückenlos weiterbewilligt',
  'kinderbetreuung-schule': 'Kita- bzw. Schulplatz für alle Kinder',
  migrationsspezifisch: 'Integrationskurs bis B1 abschließen',
  'arbeit-beruf': 'Arbeitsstelle im erlernten Beruf',
  'ausbildung-studium': 'Ausbildungsplatz zum Herbst',
  'aufenthalt-behoerden': 'Aufenthalt gesichert, Termine fristgerecht',
  gesundheit: 'Hausärztliche Versorgung geklärt',
  mobilitaet: 'Sozialticket und Fahrrad',
  'familie-freizeit': 'Anschluss an Verein oder Nachbarschaftsangebot',
};

export const referralTargets: Record<string, string[]> = {
  lebensunterhalt: ['jobcenter', 'sozialamt'],
  wohnen: ['sozialamt', 'diakonie'],
  'aufenthalt-behoerden': ['auslaenderbehoerde'],
  'kinderbetreuung-schule': ['jugendhilfedienste', 'dlz-bildung'],
  'arbeit-beruf': ['agentur-fuer-arbeit', 'jobcenter'],
  'ausbildung-studium': ['agentur-fuer-arbeit', 'dlz-bildung'],
  gesundheit: ['caritas', 'diakonie', 'awo'],
  migrationsspezifisch: ['awo', 'caritas', 'drk'],
  'familie-freizeit': ['jugendhilfedienste', 'paritaetische'],
};

export const outcomes = [
  'Antrag bewilligt',
  'Platz erhalten',
  'Termin wahrgenommen',
  'Beratung dort fortgesetzt',
];

export const followUpTexts = [
  'Unterlagen für das Jobcenter nachreichen',
  'Rückruf wegen Kita-Platz',
  'Termin Ausländerbehörde vorbereiten',
  'Wohngeldantrag prüfen',
  'Anmeldung Integrationskurs nachhalten',
  'Nebenkostenabrechnung besprechen',
  'Schulanmeldung klären',
  'Bescheid der Familienkasse prüfen',
];

export const appointmentNotes = [
  'Unterlagen mitbringen',
  'mit Sprachmittlung',
  'Antrag gemeinsam ausfüllen',
  null,
  null,
  null,
];
