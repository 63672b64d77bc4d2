import { recheckKind, recheckText } from '../modules/volunteers/checks.js';
import { firstDayOfMonth, isoOf, monthOf, officeTime } from './calendar.js';
import type { EventPlan } from './events.js';
import type { NetworkEmitter } from './network-common.js';
import type { OfferPlan } from './offers.js';
import { pickWeighted, type Rng } from './random.js';
import type { VolunteerPlan } from './volunteers.js';

/** A household whose current consent allows contact by volunteers (volunteer_contact, not withdrawn). */
export interface ConsentingHousehold {
  id: string;
  siteId: string;
  languages: string[];
  /** first day a mentorship may start: the consent, and a transfer to the current site */
  from: number;
  /** the case ends (Infinity while open) */
  end: number;
}

const fiveYears = 5 * 365 + 1;

interface Scope {
  rng: Rng;
  today: number;
  out: NetworkEmitter;
  staff: (siteId: string) => string | null;
}

/**
 * Certificates of conduct (valid five years, renewed while the volunteer stays; for some the current one
 * expires within weeks, for a few it has expired) with their re-check reminders, and the
 * confidentiality pledge.
 */
function checks(s: Scope, v: VolunteerPlan) {
  const { rng, today, out } = s;
  if (v.status === 'interested') return;
  const coordinator = s.staff(v.siteId);
  const check = (kind: string, day: number, validUntil: number | null, followUpId: string | null) =>
    out.add('volunteer_checks', [
      rng.uuid(),
      v.id,
      kind,
      isoOf(day),
      validUntil === null ? null : isoOf(validUntil),
      null,
      followUpId,
      coordinator,
      officeTime(day, rng.int(8 * 60, 16 * 60)),
    ]);
  if (rng.chance(0.9)) check('confidentialityPledge', Math.min(today, v.joined + rng.int(0, 30)), null, null);
  if (!rng.chance(0.85)) return;
  let day = Math.min(today, v.joined + rng.int(7, 45));
  // a few active ones: the current certificate runs out within the next weeks (renewed on the day)
  let exact = false;
  if (v.status === 'active' && rng.chance(0.12)) {
    const latest = today + rng.int(5, 40) - fiveYears;
    if (latest >= v.joined + 7) {
      day = latest - Math.floor((latest - v.joined - 7) / fiveYears) * fiveYears;
      exact = true;
    }
  }
  // and a few whose certificate expired this year without a new one
  const lapses = v.status === 'active' && !exact && rng.chance(0.04);
  for (;;) {
    const validUntil = day + fiveYears;
    const renewed = exact ? validUntil : validUntil - rng.int(0, 40);
    const renews = renewed <= today && renewed < v.left && !(lapses && validUntil > today - 400);
    const followUpId = rng.uuid();
    const closed = renews ? renewed : v.left < today ? v.left : null;
    out.add('follow_ups', [
      followUpId,
      null,
      v.siteId,
      coordinator,
      isoOf(validUntil - 30),
      recheckText,
      recheckKind,
      closed === null ? null : officeTime(closed, rng.int(8 * 60, 16 * 60)),
      officeTime(day, rng.int(8 * 60, 16 * 60)),
    ]);
    check('certificateOfConduct', day, validUntil, followUpId);
    if (!renews) break;
    day = renewed;
  }
}

function hours(
  s: Scope,
  v: VolunteerPlan,
  assignmentId: string,
  start: number,
  end: number,
  per: [number, number],
) {
  const { rng, today, out } = s;
  const last = Math.min(end, today);
  for (let m = monthOf(start); m <= monthOf(last); m++) {
    if (!rng.chance(0.8)) continue;
    const lo = Math.max(start, firstDayOfMonth(m));
    const hi = Math.min(last, firstDayOfMonth(m + 1) - 1);
    if (hi < lo) continue;
    const day = rng.int(lo, hi);
    const coordinator = rng.chance(0.5) ? s.staff(v.siteId) : null;
    out.add('volunteer_hours', [
      rng.uuid(),
      v.id,
      assignmentId,
      isoOf(day),
      rng.int(per[0] * 2, per[1] * 2) / 2,
      null,
      coordinator,
      officeTime(Math.min(today, day + rng.int(0, 10)), rng.int(8 * 60, 16 * 60)),
    ]);
  }
}

const kindWeights = { mentorship: 45, offer: 35, event: 20 };

/** Checks, then one to three assignments per volunteer (household only with consent) and their hours. */
export function emitVolunteerRecords(
  rng: Rng,
  volunteers: VolunteerPlan[],
  households: Map<string, ConsentingHousehold[]>,
  offers: OfferPlan[],
  events: EventPlan[],
  coordinators: Map<string, string[]>,
  today: number,
  out: NetworkEmitter,
) {
  const staff = (siteId: string) => {
    const list = coordinators.get(siteId);
    return list?.length ? rng.pick(list) : null;
  };
  const s: Scope = { rng, today, out, staff };
  for (const v of volunteers) {
    checks(s, v);
    if (v.status === 'interested') continue;
    const until = Math.min(v.left, today);
    for (let k = rng.int(1, 3); k > 0; k--) {
      const start = v.joined + 30 + rng.int(0, Math.max(0, until - v.joined - 60));
      if (start > today) continue;
      const kind = pickWeighted(rng, kindWeights);
      let target: { householdId?: string; offerId?: string; eventId?: string; end: number } | null = null;
      if (kind === 'mentorship') {
        const open = (households.get(v.siteId) ?? []).filter((h) => h.from <= start && h.end > start + 30);
        const speaking = open.filter((h) => h.languages.some((l) => l !== 'de' && v.languages.includes(l)));
        const h = rng.pick(speaking.length && rng.chance(0.8) ? speaking : open);
        if (h) target = { householdId: h.id, end: h.end };
      } else if (kind === 'offer') {
        const o = rng.pick(
          offers.filter((x) => x.siteId === v.siteId && x.created <= start && x.ended > start),
        );
        if (o) target = { offerId: o.id, end: o.ended };
      } else {
        const e = rng.pick(
          events.filter((x) => x.siteId === v.siteId && Math.abs(x.day - start) < 60 && x.day < today),
        );
        if (e) target = { eventId: e.id, end: e.day };
      }
      if (!target) continue;
      const planned = kind === 'event' ? target.end : start + rng.int(120, 720);
      const endDay = Math.min(planned, target.end, v.left);
      const begins = kind === 'event' ? target.end : start;
      const ends = endDay <= today ? endDay : null;
      const id = rng.uuid();
      out.add('volunteer_assignments', [
        id,
        v.id,
        target.householdId ?? null,
        target.offerId ?? null,
        target.eventId ?? null,
        kind,
        isoOf(begins),
        ends === null ? null : isoOf(Math.max(ends, begins)),
        ends === null ? 'active' : 'ended',
        null,
        staff(v.siteId),
        officeTime(begins, rng.int(8 * 60, 16 * 60)),
      ]);
      const per: [number, number] = kind === 'mentorship' ? [2, 10] : kind === 'offer' ? [2, 8] : [2, 6];
      hours(s, v, id, begins, Math.max(begins, Math.min(endDay, today)), per);
    }
  }
}
