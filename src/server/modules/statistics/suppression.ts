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

const none = 0;
const small = 1;
const secondary = 2;
const reasons: WithheldReason[] = ['small', 'small', 'secondary'];

/** The cells and sums by number, for propagation over thousands of cells. */
class System {
  readonly ids: string[];
  readonly value: Float64Array;
  /** members of each sum: parts first, the total last */
  readonly members: Int32Array[];
  readonly involving: number[][];

  constructor(values: Map<string, number>, constraints: SumConstraint[]) {
    this.ids = [...values.keys()];
    const index = new Map(this.ids.map((id, i) => [id, i]));
    this.value = Float64Array.from(this.ids, (id) => values.get(id)!);
    const at = (id: string) => {
      const i = index.get(id);
      if (i === undefined) throw new Error(`sum names an unknown cell ${id}`);
      return i;
    };
    this.members = constraints.map((c) => Int32Array.from([...c.parts.map(at), at(c.total)]));
    this.involving = this.ids.map(() => []);
    this.members.forEach((m, k) => {
      for (const i of m) this.involving[i].push(k);
    });
  }

  encode(withheld: Map<string, WithheldReason>): Uint8Array {
    return Uint8Array.from(this.ids, (id) => {
      const r = withheld.get(id);
      return r === 'small' ? small : r === 'secondary' ? secondary : none;
    });
  }

  /** Interval propagation to a fixpoint (or until the work budget is spent: then bounds stay wider). */
  bounds(state: Uint8Array, threshold: number) {
    const n = this.ids.length;
    const lo = new Float64Array(n);
    const hi = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      if (state[i] === small) {
        lo[i] = 1;
        hi[i] = threshold - 1;
      } else if (state[i] === secondary) {
        lo[i] = threshold;
        hi[i] = Number.POSITIVE_INFINITY;
      } else lo[i] = hi[i] = this.value[i];
    }
    const queue: number[] = [];
    const queued = new Uint8Array(this.members.length);
    this.members.forEach((m, k) => {
      if (m.some((i) => state[i] !== none)) {
        queue.push(k);
        queued[k] = 1;
      }
    });
    let work = 20_000_000;
    for (let head = 0; head < queue.length && work > 0; head++) {
      const k = queue[head];
      queued[k] = 0;
      const m = this.members[k];
      work -= m.length;
      const last = m.length - 1;
      const t = m[last];
      let sumLo = 0;
      let finiteHi = 0;
      let infinite = 0;
      for (let j = 0; j < last; j++) {
        sumLo += lo[m[j]];
        if (Number.isFinite(hi[m[j]])) finiteHi += hi[m[j]];
        else infinite++;
      }
      const changed: number[] = [];
      // the total lies between the sums of its parts' bounds
      const tLo = Math.max(lo[t], sumLo);
      const tHi = Math.min(hi[t], infinite ? Number.POSITIVE_INFINITY : finiteHi);
      if (tLo > lo[t] || tHi < hi[t]) {
        lo[t] = tLo;
        hi[t] = tHi;
        changed.push(t);
      }
      // each part lies between the total minus the other parts' bounds
      for (let j = 0; j < last; j++) {
        const i = m[j];
        const own = Number.isFinite(hi[i]);
        const othersHi =
          infinite - (own ? 0 : 1) > 0 ? Number.POSITIVE_INFINITY : finiteHi - (own ? hi[i] : 0);
        const pLo = Math.max(lo[i], lo[t] - othersHi);
        const pHi = Math.min(hi[i], hi[t] - (sumLo - lo[i]));
        if (pLo > lo[i] || pHi < hi[i]) {
          lo[i] = pLo;
          hi[i] = pHi;
          changed.push(i);
        }
      }
      for (const i of changed) {
        for (const k2 of this.involving[i]) {
          if (k2 !== k && !queued[k2]) {
            queued[k2] = 1;
            queue.push(k2);
          }
        }
      }
      // keep the queue array from growing without end
      if (head > 100_000 && head * 2 > queue.length) {
        queue.splice(0, head + 1);
        head = -1;
      }
    }
    return { lo, hi };
  }

  pinned(state: Uint8Array, threshold: number): number[] {
    const { lo, hi } = this.bounds(state, threshold);
    const out: number[] = [];
    for (let i = 0; i < state.length; i++) if (state[i] !== none && lo[i] >= hi[i]) out.push(i);
    return out;
  }

  /** The smallest published non-zero member of sum k (ties: the first id), or -1. */
  candidate(state: Uint8Array, k: number): number {
    let best = -1;
    for (const i of this.members[k]) {
      if (state[i] !== none || this.value[i] === 0) continue;
      if (
        best < 0 ||
        this.value[i] < this.value[best] ||
        (this.value[i] === this.value[best] && this.ids[i] < this.ids[best])
      )
        best = i;
    }
    return best;
  }

  decode(state: Uint8Array): Map<string, WithheldReason> {
    const out = new Map<string, WithheldReason>();
    state.forEach((s, i) => {
      if (s !== none) out.set(this.ids[i], reasons[s]);
    });
    return out;
  }
}

/** What a reader can infer about every cell from the published values and the marks. */
export function inferBounds(
  values: Map<string, number>,
  withheld: Map<string, WithheldReason>,
  constraints: SumConstraint[],
  threshold: number,
): Map<string, Bounds> {
  const system = new System(values, constraints);
  const { lo, hi } = system.bounds(system.encode(withheld), threshold);
  return new Map(system.ids.map((id, i) => [id, { lo: lo[i], hi: hi[i] }]));
}

/** Withheld cells whose value the published figures and marks still give away. */
export function pinnedCells(
  values: Map<string, number>,
  withheld: Map<string, WithheldReason>,
  constraints: SumConstraint[],
  threshold: number,
): string[] {
  const system = new System(values, constraints);
  return system.pinned(system.encode(withheld), threshold).map((i) => system.ids[i]);
}

export function protect(
  values: Map<string, number>,
  constraints: SumConstraint[],
  threshold = 3,
): Map<string, WithheldReason> {
  const system = new System(values, constraints);
  const state = system.encode(primaryWithheld(values, threshold));
  if (!state.some((s) => s !== none)) return new Map();
  const withhold = (i: number, queue: number[]) => {
    state[i] = secondary;
    queue.push(...system.involving[i]);
  };
  const unstuck = new Uint8Array(state.length);
  for (let round = 0; round <= state.length; round++) {
    // a. no sum with exactly one withheld member
    const queue: number[] = [];
    state.forEach((s, i) => {
      if (s !== none) queue.push(...system.involving[i]);
    });
    while (queue.length) {
      const k = queue.pop()!;
      let count = 0;
      for (const i of system.members[k]) if (state[i] !== none) count++;
      if (count !== 1) continue;
      const next = system.candidate(state, k);
      if (next >= 0) withhold(next, queue);
    }
    // b. nothing pinned by interval reasoning: one more cell next to each pinned one, then look again
    const touched = new Set<number>();
    let added = false;
    for (const i of system.pinned(state, threshold)) {
      if (unstuck[i] || system.involving[i].some((k) => touched.has(k))) continue;
      let best = -1;
      for (const k of system.involving[i]) {
        const next = system.candidate(state, k);
        if (next >= 0 && (best < 0 || system.value[next] < system.value[best])) best = next;
      }
      if (best < 0) {
        unstuck[i] = 1;
        continue;
      }
      withhold(best, []);
      for (const k of system.involving[best]) touched.add(k);
      for (const k of system.involving[i]) touched.add(k);
      added = true;
    }
    if (!added) break;
  }
  return system.decode(state);
}
