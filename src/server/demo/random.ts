/**
 * Seeded randomness for the demo data: the same seed gives the same data on every machine.
 * sfc32 (small fast counter) seeded through a string hash, so independent streams can be derived
 * by name (`rng.fork('BA:contacts')`) — a change in one part of the generator does not shift the others.
 */

/** 128-bit string hash (cyrb128) → four 32-bit seeds. */
function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

const hex = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(readonly label: string) {
    [this.a, this.b, this.c, this.d] = hash128(label);
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** An independent stream named after this one. */
  fork(name: string): Rng {
    return new Rng(`${this.label}/${name}`);
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with median `median` and shape `sigma`. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Poisson-distributed count (Knuth for small means, normal approximation above 40). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 40) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  /** Rounds a non-integer expectation up or down at random, so sums come out right on average. */
  round(x: number): number {
    const f = Math.floor(x);
    return f + (this.chance(x - f) ? 1 : 0);
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }

  /**
   * A UUID of version 8 (RFC 9562, "custom"): the database itself only makes version 4 ids, so a demo
   * row is recognisable by its id (used to find anonymous demo contacts on `--reset`).
   */
  uuid(): string {
    const w0 = this.u32();
    const w1 = this.u32();
    const w2 = this.u32();
    const w3 = this.u32();
    return (
      hex[w0 >>> 24] +
      hex[(w0 >>> 16) & 0xff] +
      hex[(w0 >>> 8) & 0xff] +
      hex[w0 & 0xff] +
      '-' +
      hex[w1 >>> 24] +
      hex[(w1 >>> 16) & 0xff] +
      '-8' +
      hex[(w1 >>> 8) & 0xff][1] +
      hex[w1 & 0xff] +
      '-' +
      hex[0x80 | ((w2 >>> 24) & 0x3f)] +
      hex[(w2 >>> 16) & 0xff] +
      '-' +
      hex[(w2 >>> 8) & 0xff] +
      hex[w2 & 0xff] +
      hex[w3 >>> 24] +
      hex[(w3 >>> 16) & 0xff] +
      hex[(w3 >>> 8) & 0xff] +
      hex[w3 & 0xff]
    );
  }
}

/** Picks from fixed weights in O(log n): build once, draw often. */
export class Weighted<T> {
  private readonly cumulative: Float64Array;
  readonly total: number;

  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (items.length !== weights.length || items.length === 0) throw new Error('Weighted: bad input');
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
      sum += Math.max(0, weights[i]);
      this.cumulative[i] = sum;
    }
    this.total = sum;
  }

  static of<K extends string>(table: Readonly<Record<K, number>>): Weighted<K> {
    const keys = Object.keys(table) as K[];
    return new Weighted(
      keys,
      keys.map((k) => table[k]),
    );
  }

  index(rng: Rng): number {
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  pick(rng: Rng): T {
    return this.items[this.index(rng)];
  }
}

/** Weighted pick from a plain record, for tables built on the fly (small n). */
export function pickWeighted<K extends string>(rng: Rng, table: Partial<Record<K, number>>): K {
  let total = 0;
  for (const k in table) total += table[k] ?? 0;
  let x = rng.next() * total;
  let last: K | undefined;
  for (const k in table) {
    const w = table[k] ?? 0;
    if (w <= 0) continue;
    last = k;
    x -= w;
    if (x < 0) return k;
  }
  if (last === undefined) throw new Error('pickWeighted: no positive weight');
  return last;
}
