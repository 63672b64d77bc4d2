import type { HouseholdPlan } from './households.js';
import { pickWeighted, type Rng } from './random.js';

/**
 * Counselling reasons by life area, as in the seed's chart (refugee households, Oct 2016 – Oct 2021):
 * Lebensunterhalt 10,537 and Wohnen 11,526 lead; the figures the OCR lost are estimates.
 */
export const lifeAreaWeights: Record<string, number> = {
  lebensunterhalt: 10537,
  wohnen: 10500,
  'aufenthalt-behoerden': 6065,
  gesundheit: 7162,
  migrationsspezifisch: 3015,
  'familie-freizeit': 4077,
  'kinderbetreuung-schule': 5036,
  'arbeit-beruf': 6900,
  mobilitaet: 1058,
  'ausbildung-studium': 2103,
  sonstiges: 4200,
};

/** Kinds of support: Beratung by far the most (seed: 55,521 Beratung reasons). */
const supportKindWeights: Record<string, number> = {
  beratung: 0.922,
  informationsaustausch: 0.05,
  begleitung: 0.014,
  betreuung: 0.012,
};

const typesBefore2020: Record<string, number> = {
  sprechstunde: 38,
  termin: 22,
  telefon: 17,
  hausbesuch: 11,
  begleitung: 5,
  'e-mail-messenger': 3,
  sonstiges: 2,
  willkommensbesuch: 1,
};
const typesPandemic: Record<string, number> = {
  telefon: 34,
  termin: 20,
  sprechstunde: 13,
  'e-mail-messenger': 13,
  hausbesuch: 6,
  video: 5,
  begleitung: 4,
  sonstiges: 3,
  willkommensbesuch: 1,
};
const typesLater: Record<string, number> = {
  sprechstunde: 33,
  termin: 24,
  telefon: 17,
  hausbesuch: 9,
  'e-mail-messenger': 9,
  begleitung: 4,
  video: 1.5,
  sonstiges: 1.5,
  willkommensbesuch: 1,
};
const anonymousTypes: Record<string, number> = {
  sprechstunde: 62,
  telefon: 28,
  'e-mail-messenger': 6,
  sonstiges: 4,
};

/** median minutes per contact type */
const durations: Record<string, number> = {
  sprechstunde: 25,
  termin: 40,
  telefon: 10,
  hausbesuch: 60,
  willkommensbesuch: 75,
  begleitung: 120,
  'e-mail-messenger': 8,
  video: 30,
  sonstiges: 20,
};

const notes: Record<string, string[]> = {
  lebensunterhalt: [
    'Bescheid Jobcenter erklärt',
    'Weiterbewilligungsantrag ausgefüllt',
    'Kindergeldantrag besprochen',
    'Unterlagen für das Sozialamt kopiert',
  ],
  wohnen: [
    'Mietvertrag erklärt',
    'Nebenkostenabrechnung besprochen',
    'Wohnungsangebote durchgesehen',
    'Kontakt mit Vermieter*in wegen Reparatur',
  ],
  'aufenthalt-behoerden': [
    'Termin Ausländerbehörde vorbereitet',
    'Verlängerung des Aufenthaltstitels besprochen',
    'Behördenpost erklärt',
  ],
  gesundheit: ['Hausarztpraxis gesucht', 'Facharzttermin vereinbart', 'Gesundheitskarte beantragt'],
  migrationsspezifisch: ['Anmeldung Integrationskurs', 'Patenschaft vermittelt', 'Sprachcafé empfohlen'],
  'familie-freizeit': [
    'Sportverein für die Kinder gesucht',
    'Ferienangebote vorgestellt',
    'Begegnungscafé empfohlen',
  ],
  'kinderbetreuung-schule': [
    'Kita-Platz gesucht',
    'Schulanmeldung begleitet',
    'Elterngespräch vorbereitet',
    'Bildungs- und Teilhabepaket beantragt',
  ],
  'arbeit-beruf': [
    'Lebenslauf erstellt',
    'Anerkennung des Berufsabschlusses besprochen',
    'Bewerbung geschrieben',
  ],
  mobilitaet: ['Sozialticket beantragt', 'Fahrradwerkstatt empfohlen'],
  'ausbildung-studium': ['Ausbildungsmesse empfohlen', 'Zeugnisanerkennung besprochen'],
  sonstiges: ['Allgemeine Fragen geklärt', 'Formular ausgefüllt'],
};

/** The reference codes that exist in the database (an administrator may have edited the lists). */
export interface ContactCodes {
  lifeAreas: string[];
  supportKinds: string[];
  contactTypes: string[];
}

function restrict(table: Record<string, number>, allowed: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const code of allowed) out[code] = table[code] ?? 0;
  if (Object.values(out).every((v) => v <= 0)) for (const code of allowed) out[code] = 1;
  return out;
}

export interface ContactDetails {
  contactType: string;
  durationMinutes: number | null;
  memberIds: string[];
  mediationLanguage: string | null;
  mediatorName: string | null;
  note: string | null;
  reasons: [string, string][];
}

const pandemicFrom = '2020-03-16';
const pandemicTo = '2021-06-01';

export class ContactModel {
  private readonly typeTables: Record<string, number>[];
  private readonly anonymousTypes: Record<string, number>;
  private readonly areas: string[];
  private readonly areaWeights: number[];
  private readonly support: Record<string, number>;
  private readonly hasType: (code: string) => boolean;

  constructor(codes: ContactCodes) {
    this.typeTables = [typesBefore2020, typesPandemic, typesLater].map((t) =>
      restrict(t, codes.contactTypes),
    );
    this.anonymousTypes = restrict(anonymousTypes, codes.contactTypes);
    const areas = restrict(lifeAreaWeights, codes.lifeAreas);
    this.areas = Object.keys(areas);
    this.areaWeights = this.areas.map((a) => areas[a]);
    this.support = restrict(supportKindWeights, codes.supportKinds);
    const types = new Set(codes.contactTypes);
    this.hasType = (code) => types.has(code);
  }

  private typeFor(rng: Rng, iso: string): string {
    const table =
      iso < pandemicFrom ? this.typeTables[0] : iso < pandemicTo ? this.typeTables[1] : this.typeTables[2];
    return pickWeighted(rng, table);
  }

  /** Life areas for one contact, distinct, weighted by the household's situation at that time. */
  private reasonsFor(
    rng: Rng,
    type: string,
    h: HouseholdPlan | null,
    day: number,
    iso: string,
  ): [string, string][] {
    const x = rng.next();
    const count = h ? (x < 0.48 ? 1 : x < 0.9 ? 2 : 3) : x < 0.72 ? 1 : x < 0.96 ? 2 : 3;
    const weights = this.areaWeights.slice();
    if (h) {
      const since = day - h.registered;
      for (let i = 0; i < this.areas.length; i++) {
        switch (this.areas[i]) {
          case 'wohnen':
            if (since < 120) weights[i] *= 1.3;
            break;
          case 'kinderbetreuung-schule':
            weights[i] *= h.hasChildren ? 1.6 : 0.15;
            break;
          case 'arbeit-beruf':
          case 'ausbildung-studium':
            weights[i] *= since > 365 ? 1.35 : 0.7;
            break;
          case 'aufenthalt-behoerden':
            if (h.origin === 'UA' && iso < '2023-01-01') weights[i] *= 2;
            break;
          case 'lebensunterhalt':
            if (h.origin === 'UA' && iso >= '2022-05-15' && iso < '2022-09-01') weights[i] *= 2;
            break;
        }
      }
    }
    const reasons: [string, string][] = [];
    for (let k = 0; k < count; k++) {
      let total = 0;
      for (const v of weights) total += v;
      if (total <= 0) break;
      let r = rng.next() * total;
      let i = 0;
      while (i < weights.length - 1 && r >= weights[i]) r -= weights[i++];
      weights[i] = 0;
      let kind = pickWeighted(rng, this.support);
      if (k === 0 && type === 'begleitung' && this.support.begleitung !== undefined) kind = 'begleitung';
      else if (
        (type === 'hausbesuch' || type === 'willkommensbesuch') &&
        rng.chance(0.06) &&
        this.support.betreuung !== undefined
      )
        kind = 'betreuung';
      reasons.push([this.areas[i], kind]);
    }
    return reasons;
  }

  private duration(rng: Rng, type: string): number | null {
    if (rng.chance(0.12)) return null;
    const median = durations[type] ?? 20;
    return Math.max(5, Math.round(rng.logNormal(median, 0.45) / 5) * 5);
  }

  /** A contact with a household on `day`; `first` is the registration contact. */
  forHousehold(
    rng: Rng,
    h: HouseholdPlan,
    day: number,
    iso: string,
    first: boolean,
    mediators: (lang: string) => string[],
  ): ContactDetails {
    let type: string;
    if (first) {
      type =
        h.welcomeVisit && this.hasType('willkommensbesuch')
          ? 'willkommensbesuch'
          : rng.chance(0.6)
            ? 'sprechstunde'
            : 'termin';
      if (!this.hasType(type)) type = this.typeFor(rng, iso);
    } else type = this.typeFor(rng, iso);
    const reasons = this.reasonsFor(rng, type, h, day, iso);
    const head = h.persons[0];
    const memberIds: string[] = [];
    if (rng.chance(0.85)) memberIds.push(head.id);
    const partner = h.persons.find((p) => p.role === 'partner');
    if (partner && (memberIds.length === 0 || rng.chance(0.3))) memberIds.push(partner.id);
    if (memberIds.length === 0) memberIds.push(head.id);
    let mediationLanguage: string | null = null;
    let mediatorName: string | null = null;
    if (h.category === 'refugee' && h.mainLanguage !== 'de' && type !== 'e-mail-messenger') {
      const years = (day - h.registered) / 365;
      const base = h.mainLanguage === 'en' || h.mainLanguage === 'fr' ? 0.12 : 0.5;
      if (rng.chance(base * Math.exp(-years / 2) + 0.06)) {
        mediationLanguage = h.mainLanguage;
        mediatorName = rng.chance(0.55) ? rng.pick(mediators(h.mainLanguage)) : null;
      }
    }
    const note = rng.chance(0.08) ? rng.pick(notes[reasons[0]?.[0]] ?? notes.sonstiges) : null;
    return {
      contactType: type,
      durationMinutes: this.duration(rng, type),
      memberIds,
      mediationLanguage,
      mediatorName,
      note,
      reasons,
    };
  }

  /** A short anonymous contact (one-off advice without a registered household). */
  anonymous(rng: Rng, day: number, iso: string): ContactDetails {
    const type = pickWeighted(rng, this.anonymousTypes);
    return {
      contactType: type,
      durationMinutes: this.duration(rng, type),
      memberIds: [],
      mediationLanguage: null,
      mediatorName: null,
      note: null,
      reasons: this.reasonsFor(rng, type, null, day, iso),
    };
  }
}
