import { isoOf, isWorkingDay, officeTime, workingDayWithin } from './calendar.js';
import { lifeAreaWeights } from './contacts.js';
import type { HouseholdPlan } from './households.js';
import { pickWeighted, type Rng } from './random.js';
import type { DemoTable, Value } from './writer.js';

/** What the case records around a household may refer to (from the reference lists in the database). */
export interface CaseworkCodes {
  lifeAreas: string[];
  obstacles: Set<string>;
  organisations: { code: string; kind: string | null }[];
}

type Row = [DemoTable, Value[]];

const noticeLanguages = new Set([
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

const obstaclesByArea: Record<string, string[]> = {
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

const goals: Record<string, string> = {
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

const referralTargets: Record<string, string[]> = {
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

const outcomes = ['Antrag bewilligt', 'Platz erhalten', 'Termin wahrgenommen', 'Beratung dort fortgesetzt'];

const followUpTexts = [
  'Unterlagen für das Jobcenter nachreichen',
  'Rückruf wegen Kita-Platz',
  'Termin Ausländerbehörde vorbereiten',
  'Wohngeldantrag prüfen',
  'Anmeldung Integrationskurs nachhalten',
  'Nebenkostenabrechnung besprechen',
  'Schulanmeldung klären',
  'Bescheid der Familienkasse prüfen',
];

const appointmentNotes = [
  'Unterlagen mitbringen',
  'mit Sprachmittlung',
  'Antrag gemeinsam ausfüllen',
  null,
  null,
  null,
];

export class CaseworkModel {
  private readonly orgCodes: Set<string>;
  private readonly sharing: string[];

  constructor(
    private readonly codes: CaseworkCodes,
    private readonly today: number,
  ) {
    this.orgCodes = new Set(codes.organisations.map((o) => o.code));
    this.sharing = codes.organisations
      .filter((o) => o.kind === 'authority' || o.kind === 'cityOffice')
      .map((o) => o.code);
  }

  /** Consent, needs assessments, referrals and follow-ups of one household. */
  householdRecords(rng: Rng, ids: Rng, h: HouseholdPlan, staff: (siteId: string) => string | null): Row[] {
    const rows: Row[] = [];
    const head = h.persons[0];
    const r = h.registered;
    const at = (day: number) => officeTime(day, rng.int(8 * 60, 16 * 60));

    // consent (Einwilligung), given at registration
    let sharing: string[] = [];
    if (rng.chance(0.93)) {
      sharing = this.sharing.filter(() => rng.chance(0.65));
      const version = isoOf(r) < '2018-05-25' ? '2016-10' : isoOf(r) < '2022-03-01' ? '2018-05' : '2022-03';
      const withdrawn = rng.chance(0.01) ? Math.min(this.today, r + rng.int(30, 900)) : null;
      rows.push([
        'consents',
        [
          ids.uuid(),
          h.id,
          isoOf(r),
          head.id,
          true,
          rng.chance(0.75),
          sharing,
          noticeLanguages.has(h.mainLanguage) ? h.mainLanguage : 'de',
          version,
          withdrawn === null ? null : isoOf(withdrawn),
          at(r),
        ],
      ]);
    }

    // needs assessment (Integrationsbedarf), and for some a second one a year later
    if (h.category === 'refugee' && rng.chance(0.4)) {
      const first = workingDayWithin(Math.min(this.today, r + rng.int(0, 21)), r, this.today);
      const weights: Record<string, number> = {};
      for (const a of this.codes.lifeAreas) {
        weights[a] =
          (lifeAreaWeights[a] ?? 1000) * (a === 'kinderbetreuung-schule' && !h.hasChildren ? 0 : 1);
      }
      const areas: string[] = [];
      const n = rng.int(2, 4);
      for (let i = 0; i < n && Object.values(weights).some((w) => w > 0); i++) {
        const a = pickWeighted(rng, weights);
        weights[a] = 0;
        areas.push(a);
      }
      const levels = areas.map(() => Number(pickWeighted(rng, { 1: 30, 2: 45, 3: 25 })));
      const obstacles = areas.map((a) =>
        (obstaclesByArea[a] ?? []).filter((o) => this.codes.obstacles.has(o) && rng.chance(0.5)),
      );
      const person = rng.chance(0.3) ? head.id : null;
      areas.forEach((a, i) => {
        rows.push([
          'needs_assessments',
          [
            ids.uuid(),
            h.id,
            person,
            isoOf(first),
            a,
            levels[i],
            obstacles[i],
            rng.chance(0.3) ? (goals[a] ?? null) : null,
            at(first),
          ],
        ]);
      });
      const again = first + rng.int(300, 500);
      if (again <= Math.min(this.today, h.end) && rng.chance(0.35)) {
        const day = workingDayWithin(again, first + 1, this.today);
        areas.forEach((a, i) => {
          rows.push([
            'needs_assessments',
            [
              ids.uuid(),
              h.id,
              person,
              isoOf(day),
              a,
              Math.max(0, levels[i] - rng.int(0, 2)),
              obstacles[i].slice(0, 1),
              null,
              at(day),
            ],
          ]);
        });
      }
    }

    // referrals (Vermittlungen) on contact days
    if (h.contactDays.length > 0 && rng.chance(h.category === 'refugee' ? 0.3 : 0.15)) {
      const n = rng.chance(0.3) ? 2 : 1;
      for (let i = 0; i < n; i++) {
        const day = rng.pick(h.contactDays);
        const areas = Object.keys(referralTargets).filter((a) => this.codes.lifeAreas.includes(a));
        if (areas.length === 0) break;
        const area = rng.pick(areas);
        const targets = referralTargets[area].filter((o) => this.orgCodes.has(o));
        if (targets.length === 0) continue;
        const organisation = rng.pick(targets);
        const old = day < this.today - 60;
        const status = old
          ? pickWeighted(rng, { completed: 55, accepted: 15, declined: 12, noShow: 10, sent: 8 })
          : pickWeighted(rng, { proposed: 30, sent: 35, accepted: 25, completed: 10 });
        const shares = sharing.includes(organisation) && rng.chance(0.7);
        const updated = Math.min(this.today, day + rng.int(0, 60));
        rows.push([
          'referrals',
          [
            ids.uuid(),
            h.id,
            rng.chance(0.5) ? head.id : null,
            isoOf(day),
            organisation,
            area,
            status,
            shares,
            status === 'completed' && rng.chance(0.3) ? rng.pick(outcomes) : null,
            at(day),
            at(updated),
          ],
        ]);
      }
    }

    // follow-ups (Wiedervorlagen): the welcome visit after moving in, open and done reminders
    const siteOn = (day: number) =>
      h.transfer && day >= h.transfer.day ? h.transfer.toSiteId : h.registeredSiteId;
    if (h.movedIn !== null && h.welcomeVisit) {
      const siteId = siteOn(r);
      rows.push([
        'follow_ups',
        [
          ids.uuid(),
          h.id,
          siteId,
          staff(siteId),
          isoOf(h.movedIn + 14),
          `Willkommensbesuch ${h.caseNumber}`,
          'welcomeVisit',
          at(r),
          at(h.movedIn),
        ],
      ]);
    }
    if (h.movedIn !== null && !h.welcomeVisit && h.movedIn > this.today - 21) {
      // moved in recently, the welcome visit is still to come
      rows.push([
        'follow_ups',
        [
          ids.uuid(),
          h.id,
          h.siteId,
          staff(h.siteId),
          isoOf(h.movedIn + 14),
          `Willkommensbesuch ${h.caseNumber}`,
          'welcomeVisit',
          null,
          at(h.movedIn),
        ],
      ]);
    }
    const last = h.contactDays[h.contactDays.length - 1] ?? r;
    if (h.status === 'active' && last >= this.today - 120 && rng.chance(0.12)) {
      const due = workingDayWithin(this.today + rng.int(-7, 21), this.today - 7, this.today + 28);
      rows.push([
        'follow_ups',
        [
          ids.uuid(),
          h.id,
          h.siteId,
          staff(h.siteId),
          isoOf(due),
          rng.pick(followUpTexts),
          'general',
          null,
          at(last),
        ],
      ]);
    }
    if (h.contactDays.length > 2 && rng.chance(0.2)) {
      const day = rng.pick(h.contactDays);
      const due = day + 14;
      if (due < this.today) {
        const siteId = siteOn(day);
        rows.push([
          'follow_ups',
          [
            ids.uuid(),
            h.id,
            siteId,
            staff(siteId),
            isoOf(due),
            rng.pick(followUpTexts),
            'general',
            at(Math.min(this.today, due + rng.int(-5, 10))),
            at(day),
          ],
        ]);
      }
    }

    if (h.transfer) {
      rows.push([
        'transfers',
        [
          ids.uuid(),
          h.id,
          h.registeredSiteId,
          h.transfer.toSiteId,
          isoOf(h.transfer.day),
          'Umzug in einen anderen Stadtbezirk',
          at(h.transfer.day),
        ],
      ]);
    }
    return rows;
  }

  /** The agenda around today: a few appointments per site and working day with active households. */
  appointments(
    rng: Rng,
    ids: Rng,
    siteId: string,
    households: HouseholdPlan[],
    staff: (siteId: string) => string | null,
  ): Row[] {
    const active = households.filter((h) => h.status === 'active' && h.siteId === siteId);
    if (active.length === 0) return [];
    const rows: Row[] = [];
    for (let day = this.today - 10; day <= this.today + 14; day++) {
      if (!isWorkingDay(day)) continue;
      const n = rng.int(2, 6);
      const slots = new Set<number>();
      for (let i = 0; i < n; i++) {
        const slot = rng.int(0, 13);
        if (slots.has(slot)) continue;
        slots.add(slot);
        const h = rng.pick(active);
        const minutes = 9 * 60 + slot * 30;
        const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`;
        rows.push([
          'appointments',
          [
            ids.uuid(),
            siteId,
            staff(siteId),
            h.id,
            isoOf(day),
            time,
            rng.pick([30, 30, 45, 60]),
            h.mainLanguage !== 'de' && rng.chance(0.5) ? h.mainLanguage : null,
            rng.pick(appointmentNotes),
            officeTime(Math.min(day, this.today) - rng.int(1, 14), rng.int(8 * 60, 16 * 60)),
          ],
        ]);
      }
    }
    return rows;
  }
}
