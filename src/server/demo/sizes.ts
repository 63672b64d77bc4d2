import type { Category } from './households.js';
import { pickWeighted, type Rng } from './random.js';

/** Household sizes: single with probability `single`, else 2 + Poisson(`extra`), at most 11. */
export interface SizeModel {
  single: number;
  extra: number;
}

export function sizeModelFor(meanSize: number): SizeModel {
  const single = Math.min(0.55, Math.max(0.15, 0.75 - 0.13 * meanSize));
  const extra = Math.max(0.2, (meanSize - single) / (1 - single) - 2);
  return { single, extra };
}

export const otherSizes = { 1: 48, 2: 24, 3: 13, 4: 10, 5: 4, 6: 1 } as const;
const ukrainianSizes = { 1: 28, 2: 30, 3: 24, 4: 12, 5: 5, 6: 1 } as const;
export const otherMeanSize = 2.01;

export function drawSize(rng: Rng, category: Category, model: SizeModel, origin?: string): number {
  if (category === 'other') return Number(pickWeighted(rng, otherSizes));
  if (origin === 'UA') return Number(pickWeighted(rng, ukrainianSizes));
  if (rng.chance(model.single)) return 1;
  return Math.min(11, 2 + rng.poisson(model.extra));
}
