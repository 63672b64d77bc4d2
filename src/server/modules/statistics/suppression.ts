import type { WithheldReason } from '../../../shared/schemas/statistics.js';

/**
 * Small-cell protection for a set of published counts linked by sums (a table's rows and columns with
 * their totals, a cumulative series, the same total shown in two charts).
 *
 * 1. Primary: every count from 1 to threshold-1 is withheld ("small"). Zero stays zero.
 * 2. Secondary, until stable:
 *    a. a sum (its parts and its total) with exactly one withheld member would give that member away:
 *       withhold the smallest other non-zero member too;
 *    b. a reader who knows the rule knows that a small cell is 1…threshold-1 and any other withheld one
 *       at least the threshold. Interval propagation over all sums finds any withheld count this still
 *       pins to a single value; then the smallest published non-zero member of one of its sums is
 *       withheld too.
 * A withheld count can stay pinned only when every other member of each of its sums is withheld or
 * zero — then no choice of further cells could hide it (e.g. "< 3", "< 3" with a total of "< 3").
 */
export interface SumConstraint {
  parts: string[];
  total: string;
}

export interface Bounds {
  lo: number;
  hi: number;
}

export function primaryWithheld(values: Map<string, number>, threshold: number): Map<string, WithheldReason> {
  const withheld = new Map<string, WithheldReason>();
  for (const [id, v] of values) if (v >= 1 && v < threshold) withheld.set(id, 'small');
  return withheld;
}

const members = (c: SumConstraint) => [...c.parts, c.total];

/** What a reader can infer about every cell from the published values and the marks. */
export function inferBounds(
  values: Map<string, number>,
  withheld: Map<string, WithheldReason>,
  constraints: SumConstraint[],
  threshold: number,
): Map<string, Bounds> {
  const bounds = new Map<string, Bounds>();
  for (const [id, v] of values) {
    const reason = withheld.get(id);
    bounds.set(
      id,
      reason === 'small'
        ? { lo: 1, hi: threshold - 1 }
        : reason === 'secondary'
          ? { lo: threshold, hi: Number.POSITIVE_INFINITY }
          : { lo: v, hi: v },
    );
  }
  const involving = new Map<string, number[]>();
  constraints.forEach((c, i) => {
    for (const m of members(c)) involving.set(m, [...(involving.get(m) ?? []), i]);
  });
  // only sums with a withheld member can narrow anything
  const queue = constraints
    .map((_, i) => i)
    .filter((i) => members(constraints[i]).some((m) => withheld.has(m)));
  const queued = new Set(queue);
  let budget = 200_000;
  while (queue.length && budget-- > 0) {
    const i = queue.shift()!;
    queued.delete(i);
    const c = constraints[i];
    const parts = c.parts.map((p) => bounds.get(p)!);
    const total = bounds.get(c.total)!;
    const sumLo = parts.reduce((a, b) => a + b.lo, 0);
    // the finite part of the upper sum and how many parts have none
    const finiteHi = parts.reduce((a, b) => (Number.isFinite(b.hi) ? a + b.hi : a), 0);
    const infinite = parts.filter((b) => !Number.isFinite(b.hi)).length;
    const changed: string[] = [];
    const narrow = (id: string, b: Bounds, lo: number, hi: number) => {
      if (lo > b.lo || hi < b.hi) {
        bounds.set(id, { lo: Math.max(lo, b.lo), hi: Math.min(hi, b.hi) });
        changed.push(id);
      }
    };
    narrow(c.total, total, sumLo, infinite ? Number.POSITIVE_INFINITY : finiteHi);
    const t = bounds.get(c.total)!;
    c.parts.forEach((id, k) => {
      const b = parts[k];
      const othersInfinite = infinite - (Number.isFinite(b.hi) ? 0 : 1);
      const othersHi = othersInfinite
        ? Number.POSITIVE_INFINITY
        : finiteHi - (Number.isFinite(b.hi) ? b.hi : 0);
      narrow(id, b, t.lo - othersHi, t.hi - (sumLo - b.lo));
    });
    for (const id of changed) {
      for (const j of involving.get(id) ?? []) {
        if (j !== i && !queued.has(j)) {
          queued.add(j);
          queue.push(j);
        }
      }
    }
  }
  return bounds;
}

/** Withheld cells whose value the published figures and marks still give away. */
export function pinnedCells(
  values: Map<string, number>,
  withheld: Map<string, WithheldReason>,
  constraints: SumConstraint[],
  threshold: number,
): string[] {
  const bounds = inferBounds(values, withheld, constraints, threshold);
  return [...withheld.keys()].filter((id) => {
    const b = bounds.get(id)!;
    return b.lo >= b.hi;
  });
}

export function protect(
  values: Map<string, number>,
  constraints: SumConstraint[],
  threshold = 3,
): Map<string, WithheldReason> {
  const withheld = primaryWithheld(values, threshold);
  if (withheld.size === 0) return withheld;
  const involving = new Map<string, number[]>();
  constraints.forEach((c, i) => {
    for (const m of members(c)) involving.set(m, [...(involving.get(m) ?? []), i]);
  });
  const candidate = (c: SumConstraint) => {
    let best: string | null = null;
    for (const m of members(c)) {
      const v = values.get(m)!;
      if (v === 0 || withheld.has(m)) continue;
      if (best === null || v < values.get(best)! || (v === values.get(best)! && m < best)) best = m;
    }
    return best;
  };

  const unstuck = new Set<string>();
  for (let round = 0; round < values.size + 1; round++) {
    // a. no sum with exactly one withheld member
    const queue = [...withheld.keys()].flatMap((id) => involving.get(id) ?? []);
    while (queue.length) {
      const c = constraints[queue.pop()!];
      if (members(c).filter((m) => withheld.has(m)).length !== 1) continue;
      const next = candidate(c);
      if (!next) continue;
      withheld.set(next, 'secondary');
      queue.push(...(involving.get(next) ?? []));
    }
    // b. nothing pinned by interval reasoning
    const pinned = pinnedCells(values, withheld, constraints, threshold).filter((id) => !unstuck.has(id));
    let added = false;
    for (const id of pinned) {
      let best: string | null = null;
      for (const i of involving.get(id) ?? []) {
        const next = candidate(constraints[i]);
        if (next && (best === null || values.get(next)! < values.get(best)!)) best = next;
      }
      if (best) {
        withheld.set(best, 'secondary');
        added = true;
        break;
      }
      unstuck.add(id);
    }
    if (!added) break;
  }
  return withheld;
}
