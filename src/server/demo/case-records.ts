import { isoOf, workingDayWithin } from './calendar.js';
import type { CaseworkCodes, Row } from './casework.js';
import {
  followUpTexts,
  goals,
  noticeLanguages,
  obstaclesByArea,
  outcomes,
  referralTargets,
} from './casework-texts.js';
import { lifeAreaWeights } from './contacts.js';
import type { HouseholdPlan } from './households.js';
import { pickWeighted, type Rng } from './random.js';

/** What each kind of case record of one household is drawn with; the order of the calls is part of the seed. */
export interface CaseRecordScope {
  rng: Rng;
  ids: Rng;
  h: HouseholdPlan;
  today: number;
  codes: CaseworkCodes;
  orgCodes: Set<string>;
  /** organisations a consent may allow sharing with */
  sharingOrgs: string[];
  staff: (siteId: string) => string | null;
  /** an office-hours timestamp on that day */
  at: (day: number) => string;
}

/** The consent (Einwilligung) given at registration; returns the organisations it allows sharing with. */
export function consentRows(c: CaseRecordScope, rows: Row[]): string[] {
  const { rng, ids, h, today, sharingOrgs, at } = c;
  const head = h.persons[0];
  const r = h.registered;
  let sharing: string[] = [];
  if (rng.chance(0.93)) {
    sharing = sharingOrgs.filter(() => rng.chance(0.65));
    const version = isoOf(r) < '2018-05-25' ? '2016-10' : isoOf(r) < '2022-03-01' ? '2018-05' : '2022-03';
    const withdrawn = rng.chance(0.01) ? Math.min(today, r + rng.int(30, 900)) : null;
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
  return sharing;
}

/** Needs assessments (Integrationsbedarf), and for some a second one a year later. */
export function needsRows(c: CaseRecordScope, rows: Row[]) {
  const { rng, ids, h, today, codes, at } = c;
  const head = h.persons[0];
  const r = h.registered;
  if (h.category === 'refugee' && rng.chance(0.4)) {
    const first = workingDayWithin(Math.min(today, r + rng.int(0, 21)), r, today);
    const weights: Record<string, number> = {};
    for (const a of codes.lifeAreas) {
      weights[a] = (lifeAreaWeights[a] ?? 1000) * (a === 'kinderbetreuung-schule' && !h.hasChildren ? 0 : 1);
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
      (obstaclesByArea[a] ?? []).filter((o) => codes.obstacles.has(o) && rng.chance(0.5)),
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
    if (again <= Math.min(today, h.end) && rng.chance(0.35)) {
      const day = workingDayWithin(again, first + 1, today);
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
}

/** Referrals (Vermittlungen) on contact days. */
export function referralRows(c: CaseRecordScope, rows: Row[], sharing: string[]) {
  const { rng, ids, h, today, codes, orgCodes, at } = c;
  const head = h.persons[0];
  if (h.contactDays.length > 0 && rng.chance(h.category === 'refugee' ? 0.3 : 0.15)) {
    const n = rng.chance(0.3) ? 2 : 1;
    for (let i = 0; i < n; i++) {
      const day = rng.pick(h.contactDays);
      const areas = Object.keys(referralTargets).filter((a) => codes.lifeAreas.includes(a));
      if (areas.length === 0) break;
      const area = rng.pick(areas);
      const targets = referralTargets[area].filter((o) => orgCodes.has(o));
      if (targets.length === 0) continue;
      const organisation = rng.pick(targets);
      const old = day < today - 60;
      const status = old
        ? pickWeighted(rng, { completed: 55, accepted: 15, declined: 12, noShow: 10, sent: 8 })
        : pickWeighted(rng, { proposed: 30, sent: 35, accepted: 25, completed: 10 });
      const shares = sharing.includes(organisation) && rng.chance(0.7);
      const updated = Math.min(today, day + rng.int(0, 60));
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
}

/** Follow-ups (Wiedervorlagen): the welcome visit after moving in, open and done reminders; the transfer. */
export function followUpAndTransferRows(c: CaseRecordScope, rows: Row[]) {
  const { rng, ids, h, today, staff, at } = c;
  const r = h.registered;
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
  if (h.movedIn !== null && !h.welcomeVisit && h.movedIn > today - 21) {
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
  if (h.status === 'active' && last >= today - 120 && rng.chance(0.12)) {
    const due = workingDayWithin(today + rng.int(-7, 21), today - 7, today + 28);
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
    if (due < today) {
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
          at(Math.min(today, due + rng.int(-5, 10))),
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
}
