/** The timing summary every latency benchmark prints: percentiles of a list of durations (ms). */
export interface Latency {
  queries: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

const round = (x: number) => Math.round(x * 10) / 10;

function percentile(sorted: number[], q: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** p50/p95/p99/max/mean of the durations, rounded to 0.1 ms. */
export function latency(times: number[]): Latency {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    queries: times.length,
    p50: round(percentile(sorted, 0.5)),
    p95: round(percentile(sorted, 0.95)),
    p99: round(percentile(sorted, 0.99)),
    max: round(sorted[sorted.length - 1]),
    mean: round(times.reduce((s, t) => s + t, 0) / times.length),
  };
}

/** One printed line of a latency summary with its goal. */
export function latencyLine(what: string, l: Latency, goal: string): string {
  return `  ${l.queries} ${what}: p50 ${l.p50} ms   p95 ${l.p95} ms   p99 ${l.p99} ms   max ${l.max} ms   mean ${l.mean} ms   (goal ${goal})`;
}

/**
 * Times `run` for each input after a warm-up of the first `warmUp` inputs (run with `timed` false, so
 * the caller counts hits of the timed runs only); returns the durations.
 */
export async function timeEach<T>(
  inputs: T[],
  warmUp: number,
  run: (input: T, timed: boolean) => Promise<void>,
): Promise<number[]> {
  for (const i of inputs.slice(0, warmUp)) await run(i, false);
  const times: number[] = [];
  for (const i of inputs.slice(warmUp)) {
    const t0 = performance.now();
    await run(i, true);
    times.push(performance.now() - t0);
  }
  return times;
}

/** `--name value` from the command line, or the fallback. */
export function arg(name: string, fallback: string) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
