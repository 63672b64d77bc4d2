/** Texts of the demo events: titles by type, topics and agreed actions of round tables. `{d}`: district. */

export const eventTitles: Record<string, string[]> = {
  radwerkstatt: ['Radwerkstatt {d}', 'Fahrräder fit für den Frühling', 'Offene Radwerkstatt'],
  ehrenamtsspaziergang: ['Ehrenamtsspaziergang durch {d}', 'Stadtteilspaziergang mit Neuzugezogenen'],
  nachbarschaftsfest: ['Internationales Nachbarschaftsfest {d}', 'Sommerfest der Kulturen {d}'],
  workshop: [
    'Workshop: Bewerbungsunterlagen erstellen',
    'Workshop: Mülltrennung und Energiesparen',
    'Workshop: Interkulturelle Kommunikation für Ehrenamtliche',
    'Workshop: Mietvertrag und Nebenkosten',
  ],
  infoveranstaltung: [
    'Infoabend: Das deutsche Schulsystem',
    'Infoveranstaltung: Wege in Ausbildung und Arbeit',
    'Infoabend für Vermieterinnen und Vermieter',
    'Infoveranstaltung Ehrenamt im Stadtteil',
    'Infoabend: Gesundheitsversorgung und Krankenversicherung',
  ],
  fachveranstaltung: ['Fachtag Integration im Quartier', 'Fachgespräch Wohnraum für Geflüchtete'],
  'austausch-ehrenamt': ['Austauschtreffen Ehrenamt {d}', 'Stammtisch der Ehrenamtlichen'],
  schulung: [
    'Schulung: Rollen und Grenzen im Ehrenamt',
    'Schulung: Asyl- und Aufenthaltsrecht für Ehrenamtliche',
    'Schulung: Traumasensibler Umgang',
    'Schulung: Patenschaften gut begleiten',
  ],
  oeffentlichkeitsarbeit: ['Infostand auf dem Wochenmarkt {d}', 'Vorstellung im Bezirksausschuss {d}'],
};

/** Events per site and year by type (before the scale factor). */
export const eventRates: Record<string, number> = {
  radwerkstatt: 2,
  ehrenamtsspaziergang: 1,
  nachbarschaftsfest: 0.8,
  workshop: 1.5,
  infoveranstaltung: 2,
  fachveranstaltung: 0.4,
  'austausch-ehrenamt': 3,
  schulung: 2,
  oeffentlichkeitsarbeit: 1,
};

/** Expected participants by group (neighbours, refugees, volunteers, partners, others). */
export const eventAttendance: Record<string, [number, number, number, number, number]> = {
  begegnungscafe: [5, 11, 3, 0.4, 1],
  'runder-tisch': [1, 1, 3, 6, 1],
  radwerkstatt: [3, 8, 3, 0.3, 1],
  ehrenamtsspaziergang: [4, 6, 5, 0.5, 1],
  nachbarschaftsfest: [60, 70, 15, 8, 20],
  workshop: [3, 10, 4, 1, 1],
  infoveranstaltung: [6, 14, 4, 2, 2],
  fachveranstaltung: [2, 2, 6, 20, 8],
  'austausch-ehrenamt': [0, 1, 12, 1, 0.5],
  schulung: [0, 0.5, 10, 0.5, 0.5],
  oeffentlichkeitsarbeit: [25, 5, 3, 1, 10],
};

export const roundTableTopics = [
  'Wohnungssituation im Stadtteil und Auszüge aus den Übergangseinrichtungen',
  'Freie Plätze in Deutsch- und Integrationskursen',
  'Kita- und Schulplätze für neu zugezogene Kinder',
  'Ehrenamtliche gewinnen und halten',
  'Angebote für Frauen mit kleinen Kindern',
  'Freizeitangebote für Jugendliche',
  'Vorbereitung des Nachbarschaftsfests',
  'Zugang zu Ärztinnen und Ärzten, Sprachmittlung im Gesundheitswesen',
  'Übergang von der Schule in Ausbildung',
];

export const ukraineTopic = 'Ankommen der Geflüchteten aus der Ukraine: Unterbringung und Schulplätze';
export const pandemicTopic = 'Kontakt halten in der Pandemie: Telefon- und Online-Angebote';

export const roundTableReports = [
  'Die Zahl der Erstkontakte ist gegenüber dem Vorquartal leicht gestiegen.',
  'Viele Haushalte suchen weiterhin eine größere Wohnung.',
  'Die Wartezeiten für Integrationskurse haben sich verkürzt.',
  'Mehrere Familien sind aus den Übergangseinrichtungen in eigene Wohnungen gezogen.',
  'Der Bedarf an Sprachmittlung bei Arztbesuchen bleibt hoch.',
];

export const actionTexts = [
  'Einladung zum nächsten Runden Tisch mit Themenabfrage versenden',
  'Übersicht der Sprachkursangebote im Stadtteil aktualisieren',
  'Kontakt zur Wohnungsgesellschaft wegen freier Wohnungen aufnehmen',
  'Termin mit der Schulsozialarbeit für Seiteneinsteigerklassen vereinbaren',
  'Flyer für das Begegnungscafé in weitere Sprachen übersetzen lassen',
  'Raum für das Nachbarschaftsfest anfragen',
  'Ehrenamtliche für die Hausaufgabenhilfe ansprechen',
  'Protokoll an alle Teilnehmenden verschicken',
  'Angebotsliste der Partner auf Aktualität prüfen',
];

export const cafePlaces = ['Gemeindehaus', 'Stadtteilzentrum', 'Familienzentrum', 'Nachbarschaftstreff'];
