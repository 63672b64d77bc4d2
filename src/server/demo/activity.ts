import { workingDayWithin } from './calendar.js';
import type { HouseholdPlan } from './households.js';
import { type Rng, Weighted } from './random.js';

/**
 * How often a household is in contact: `intensity` contacts (relative) per day at registration,
 * decaying with time constant `decay` days, until the case is closed (`end`).
 * Returns ∫ intensity·e^{-(t-r)/decay} dt over [from, to] — the relative expected number of contacts.
 */
export function expectedContacts(h: HouseholdPlan, from: number, to: number): number {
  const lo = Math.max(from, h.registered);
  const hi = Math.min(to, h.end);
  if (hi < lo) return 0;
  const r = h.registered;
  return h.intensity * h.decay * (Math.exp(-(lo - r) / h.decay) - Math.exp(-(hi + 1 - r) / h.decay));
}

/** A day in [lo, hi] drawn from the household's decaying activity, moved to a working day. */
export function drawContactDay(rng: Rng, h: HouseholdPlan, lo: number, hi: number): number {
  const r = h.registered;
  const a = Math.exp(-(lo - r) / h.decay);
  const b = Math.exp(-(hi + 1 - r) / h.decay);
  const t = -h.decay * Math.log(a - rng.next() * (a - b));
  const day = Math.max(lo, Math.min(hi, r + Math.floor(t)));
  return workingDayWithin(day, lo, hi);
}

/**
 * Contacts in the seed window: every household has its registration contact; the remaining `extra`
 * contacts are dealt out one by one in proportion to each household's expected activity, so the total is
 * exact. Returns the sum of weights (to calibrate the later years with the same rate).
 */
export function allocateWindowContacts(
  rng: Rng,
  households: HouseholdPlan[],
  extra: number,
  windowEnd: number,
) {
  const weights = households.map((h) => expectedContacts(h, h.registered + 1, windowEnd));
  const counts = new Int32Array(households.length);
  const total = weights.reduce((s, w) => s + w, 0);
  if (extra > 0 && total > 0) {
    const pick = new Weighted(households, weights);
    for (let i = 0; i < extra; i++) counts[pick.index(rng)]++;
  } else if (extra > 0) {
    for (let i = 0; i < extra; i++) counts[i % households.length]++;
  }
  for (const [i, h] of households.entries()) {
    const days = [h.registered];
    const hi = Math.min(windowEnd, h.end);
    for (let k = 0; k < counts[i]; k++) {
      days.push(h.registered + 1 <= hi ? drawContactDay(rng, h, h.registered + 1, hi) : h.registered);
    }
    h.contactDays = days.sort((x, y) => x - y);
  }
  return total;
}

/** Contacts after the seed window, at the rate the site had (Poisson counts per household). */
export function addLaterContacts(
  rng: Rng,
  households: HouseholdPlan[],
  rate: number,
  windowEnd: number,
  today: number,
) {
  for (const h of households) {
    const days = h.contactDays;
    if (h.registered > windowEnd && h.registered <= today) days.push(h.registered);
    const lo = Math.max(h.registered + 1, windowEnd + 1);
    const hi = Math.min(today, h.end);
    if (lo > hi) continue;
    const n = rng.poisson(rate * expectedContacts(h, lo, hi));
    const later: number[] = [];
    for (let k = 0; k < n; k++) later.push(drawContactDay(rng, h, lo, hi));
    later.sort((x, y) => x - y);
    for (const d of later) days.push(d);
  }
}

/** Closed, moved away, inactive (no contact for a year) or active, from the household's history. */
export function settleStatus(rng: Rng, h: HouseholdPlan, today: number) {
  const last = h.contactDays.length ? h.contactDays[h.contactDays.length - 1] : h.registered;
  if (h.end <= today) h.status = rng.chance(0.7) ? 'closed' : 'movedAway';
  else if (last < today - 365) h.status = 'inactive';
  else h.status = 'active';
}
