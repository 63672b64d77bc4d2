/**
 * Texts of the network demo data: partner names by kind, functions of contact persons, notes of the
 * contact history, offers by life area. `{d}` is a district's name, `{c}` the city's.
 */

export const partnerNames: Record<string, string[]> = {
  welfareAssociation: [
    'AWO Ortsverein {d}',
    'Caritas-Stadtteilbüro {d}',
    'Diakonie Familienzentrum {d}',
    'DRK-Ortsverein {d}',
    'Jugendmigrationsdienst {d}',
  ],
  initiative: [
    'Flüchtlingshilfe {d} e. V.',
    'Willkommensinitiative {d}',
    'Nachbarschaftsinitiative {d}',
    'Refugees Welcome {d}',
    'Interkultureller Garten {d}',
    'Lernpaten {d} e. V.',
    'Frauencafé International {d}',
    'Ehrenamtsnetzwerk {d}',
  ],
  parish: [
    'Ev. Kirchengemeinde {d}',
    'Kath. Pfarrei St. Josef {d}',
    'Kath. Pfarrei St. Marien {d}',
    'Ev. Lukas-Gemeinde {d}',
    'Freie evangelische Gemeinde {d}',
  ],
  mosqueCommunity: [
    'DITIB-Moscheegemeinde {d}',
    'Islamisches Kulturzentrum {d}',
    'Bosnisch-islamischer Kulturverein {d}',
    'Marokkanischer Kultur- und Moscheeverein {d}',
  ],
  sportsClub: ['SV {d} 1910 e. V.', 'TuS {d}', 'Boxclub {d}', 'FC {d} 09', 'Schwimmverein {d}'],
  schoolDaycare: [
    'Grundschule {d}',
    'Gesamtschule {d}',
    'Kita Regenbogen {d}',
    'Familienzentrum Sonnenschein {d}',
    'Offene Ganztagsschule {d}',
  ],
  landlord: [
    'Wohnungsgenossenschaft {d}',
    'Spar- und Bauverein {c}',
    'Kundenzentrum Vonovia {d}',
    'LEG Wohnen {c}',
  ],
  authority: ['Quartiersmanagement {d}', 'Bezirksverwaltungsstelle {d}', 'Stadtteilbibliothek {d}'],
  company: [
    'Bäckerei Yılmaz {d}',
    'Pflegedienst Lebenswert {d}',
    'Malerbetrieb Schulte GmbH',
    'Logistikzentrum {c}-Ost',
    'Autohaus {d}',
    'Stadtwerke {c}',
  ],
  other: ['Volkshochschule {c}', 'Mieterverein {c}', 'Verbraucherzentrale {c}', 'Integrationsagentur {d}'],
};

/** How many partners of each kind per 60 (the welfare associations of the reference list come on top). */
export const partnerKindWeights: Record<string, number> = {
  welfareAssociation: 4,
  initiative: 12,
  parish: 8,
  mosqueCommunity: 5,
  sportsClub: 6,
  schoolDaycare: 9,
  landlord: 4,
  authority: 4,
  company: 5,
  other: 3,
};

export const contactFunctions: Record<string, string[]> = {
  welfareAssociation: ['Migrationsberatung', 'Bereichsleitung Integration', 'Koordination Ehrenamt'],
  initiative: ['Vorstand', 'Sprecher*in', 'Koordination'],
  parish: ['Pfarrer*in', 'Gemeindereferent*in', 'Presbyterium'],
  mosqueCommunity: ['Vorstand', 'Imam', 'Frauenbeauftragte'],
  sportsClub: ['Vorstand', 'Jugendtrainer*in', 'Integrationsbeauftragte*r'],
  schoolDaycare: ['Schulleitung', 'Schulsozialarbeit', 'Kita-Leitung'],
  landlord: ['Kundenbetreuung', 'Sozialmanagement', 'Vermietung'],
  authority: ['Sachbearbeitung', 'Quartiersmanagement', 'Leitung'],
  company: ['Geschäftsführung', 'Personalabteilung', 'Ausbildungsleitung'],
  other: ['Fachbereichsleitung', 'Beratung', 'Koordination'],
};

export const partnerTags = [
  'Sprachkurse',
  'Ehrenamt',
  'Frauen',
  'Jugend',
  'Wohnen',
  'Arbeit',
  'Freizeit',
  'Kinder',
  'Beratung',
  'Räume',
];

export const partnerContactNotes: Record<string, string[]> = {
  meeting: [
    'Kennenlerntreffen, Angebote vorgestellt',
    'Austausch zu gemeinsamen Angeboten im Stadtteil',
    'Planung des Nachbarschaftsfests',
    'Jahresgespräch zur Zusammenarbeit',
  ],
  phone: [
    'Rückfrage zu freien Plätzen',
    'Absprache Raumnutzung',
    'Termin für Vorstellung im Team vereinbart',
    'Nachfrage zum Stand des Angebots',
  ],
  email: ['Flyer und Termine erhalten', 'Einladung zum Runden Tisch versandt', 'Kontaktdaten aktualisiert'],
  agreement: [
    'Kooperationsvereinbarung unterzeichnet',
    'Vereinbarung: Sprechstunde einmal im Monat vor Ort',
    'Absprache zu gegenseitigen Vermittlungen getroffen',
  ],
  other: ['Gemeinsamer Infostand beim Stadtteilfest', 'Besuch vor Ort'],
};

export interface OfferTemplate {
  title: string;
  area: string;
  groups: string[];
  /** partner kinds that typically run it */
  by: string[];
  appointmentOnly?: boolean;
  fee?: boolean;
}

const W = 'welfareAssociation';
export const offerTemplates: OfferTemplate[] = [
  { title: 'Bewerbungscafé', area: 'arbeit-beruf', groups: ['all'], by: [W, 'initiative', 'other'] },
  {
    title: 'Jobcoaching für Geflüchtete',
    area: 'arbeit-beruf',
    groups: ['all'],
    by: [W, 'company'],
    appointmentOnly: true,
  },
  { title: 'Berufsorientierung für Frauen', area: 'arbeit-beruf', groups: ['women'], by: [W, 'other'] },
  {
    title: 'Ausbildungspatenschaften',
    area: 'ausbildung-studium',
    groups: ['youth'],
    by: ['initiative', 'company'],
  },
  {
    title: 'Studienberatung für Geflüchtete',
    area: 'ausbildung-studium',
    groups: ['youth'],
    by: [W],
    appointmentOnly: true,
  },
  {
    title: 'Hausaufgabenhilfe',
    area: 'kinderbetreuung-schule',
    groups: ['children'],
    by: ['initiative', 'parish', 'schoolDaycare'],
  },
  {
    title: 'Eltern-Kind-Gruppe',
    area: 'kinderbetreuung-schule',
    groups: ['families', 'children'],
    by: ['schoolDaycare', 'parish', W],
  },
  {
    title: 'Spielgruppe für Kinder bis drei Jahre',
    area: 'kinderbetreuung-schule',
    groups: ['children', 'families'],
    by: ['schoolDaycare', 'parish'],
  },
  {
    title: 'Lernförderung Deutsch für Schulkinder',
    area: 'kinderbetreuung-schule',
    groups: ['children'],
    by: ['schoolDaycare', 'initiative'],
  },
  { title: 'Gesundheitslotsinnen und -lotsen', area: 'gesundheit', groups: ['all'], by: [W] },
  { title: 'Psychosoziale Beratung', area: 'gesundheit', groups: ['all'], by: [W], appointmentOnly: true },
  {
    title: 'Schwangerschaftsberatung',
    area: 'gesundheit',
    groups: ['women'],
    by: [W, 'parish'],
    appointmentOnly: true,
  },
  { title: 'Frauengesundheitstreff', area: 'gesundheit', groups: ['women'], by: [W, 'mosqueCommunity'] },
  { title: 'Sprechstunde Wohnungssuche', area: 'wohnen', groups: ['all'], by: [W, 'initiative'] },
  {
    title: 'Mieterberatung',
    area: 'wohnen',
    groups: ['all'],
    by: ['other', 'landlord'],
    appointmentOnly: true,
  },
  { title: 'Möbelbörse', area: 'wohnen', groups: ['families', 'all'], by: [W, 'parish'] },
  { title: 'Schuldnerberatung', area: 'lebensunterhalt', groups: ['all'], by: [W], appointmentOnly: true },
  { title: 'Kleiderkammer', area: 'lebensunterhalt', groups: ['all'], by: ['parish', W, 'initiative'] },
  { title: 'Lebensmittelausgabe', area: 'lebensunterhalt', groups: ['all'], by: ['parish', W] },
  {
    title: 'Asylverfahrensberatung',
    area: 'aufenthalt-behoerden',
    groups: ['all'],
    by: [W],
    appointmentOnly: true,
  },
  { title: 'Begleitung zu Ämtern', area: 'aufenthalt-behoerden', groups: ['all'], by: ['initiative', W] },
  {
    title: 'Migrationsberatung für Erwachsene',
    area: 'migrationsspezifisch',
    groups: ['all'],
    by: [W],
    appointmentOnly: true,
  },
  {
    title: 'Deutschkurs für Frauen mit Kinderbetreuung',
    area: 'migrationsspezifisch',
    groups: ['women'],
    by: [W, 'other', 'parish'],
    fee: true,
  },
  {
    title: 'Sprachcafé',
    area: 'migrationsspezifisch',
    groups: ['all'],
    by: ['initiative', 'parish', 'other'],
  },
  { title: 'Integrationskurs', area: 'migrationsspezifisch', groups: ['all'], by: ['other', W], fee: true },
  { title: 'Frauenschwimmen', area: 'familie-freizeit', groups: ['women'], by: ['sportsClub', W], fee: true },
  { title: 'Fußball für alle', area: 'familie-freizeit', groups: ['youth', 'all'], by: ['sportsClub'] },
  { title: 'Internationaler Chor', area: 'familie-freizeit', groups: ['all'], by: ['parish', 'initiative'] },
  { title: 'Nähcafé', area: 'familie-freizeit', groups: ['women'], by: ['initiative', 'mosqueCommunity', W] },
  {
    title: 'Familienfrühstück',
    area: 'familie-freizeit',
    groups: ['families'],
    by: ['schoolDaycare', 'parish', 'mosqueCommunity'],
  },
  { title: 'Seniorentreff International', area: 'familie-freizeit', groups: ['seniors'], by: [W, 'parish'] },
  { title: 'Mädchentreff', area: 'familie-freizeit', groups: ['youth', 'women'], by: [W, 'sportsClub'] },
  { title: 'Radwerkstatt', area: 'mobilitaet', groups: ['all'], by: ['initiative', 'other'] },
  {
    title: 'Fahrradkurs für Frauen',
    area: 'mobilitaet',
    groups: ['women'],
    by: ['initiative', 'sportsClub'],
  },
  {
    title: 'Mobilitätstraining Bus und Bahn',
    area: 'mobilitaet',
    groups: ['seniors', 'all'],
    by: ['authority', 'initiative'],
  },
  {
    title: 'Handy- und Computerhilfe',
    area: 'sonstiges',
    groups: ['all', 'seniors'],
    by: ['other', 'initiative'],
  },
  { title: 'Repair-Café', area: 'sonstiges', groups: ['all'], by: ['initiative', 'parish'] },
];

export const weekdayNames = ['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa'];
