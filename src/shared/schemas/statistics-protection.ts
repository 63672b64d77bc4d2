import { z } from 'zod';

/**
 * How the figures of a statistics answer are protected (issue 10 §6, §9). Roles with
 * `statistics.exact` see exact counts (`none`); the board and every publication get the cell-key
 * method: each published count carries a noise of at most `maxNoise` drawn from the p-table by a key that
 * depends only on the set of records counted, so asking twice gives the same figure and two overlapping
 * questions give independent noise — differences of answers reveal no small count.
 */
export const cellKeyProtection = z.object({
  method: z.literal('cellKey'),
  pTable: z.literal('v1').describe('the lookup table (value, cell key) → noise; see docs/ARCHITECTURE.md'),
  maxNoise: z.literal(2).describe('a published count differs from the exact one by at most this'),
  smallValues: z.literal('never 1 or 2').describe('1 and 2 are published as 0 or 3'),
  zero: z.literal('stays 0').describe('an empty cell is published as 0'),
  totals: z
    .literal('perturbed independently')
    .describe('every total and margin has its own noise: published tables need not add up'),
});

export const exactFigures = z.object({ method: z.literal('none').describe('exact counts') });

/** The network tables' protection: small cells withheld across the sums that link them. */
export const suppressionProtection = z.object({
  method: z.literal('suppression'),
  threshold: z.literal(3).describe('counts from 1 to threshold − 1 are withheld ("< 3")'),
  secondary: z.literal(true).describe('further counts withheld ("x") so the sums give none away'),
});

export const statisticsProtection = z
  .discriminatedUnion('method', [cellKeyProtection, suppressionProtection, exactFigures])
  .describe('how the figures of this answer are protected');
export type StatisticsProtection = z.infer<typeof statisticsProtection>;

export const cellKeyV1: z.infer<typeof cellKeyProtection> = {
  method: 'cellKey',
  pTable: 'v1',
  maxNoise: 2,
  smallValues: 'never 1 or 2',
  zero: 'stays 0',
  totals: 'perturbed independently',
};
export const noProtection: z.infer<typeof exactFigures> = { method: 'none' };
export const suppressionV1: z.infer<typeof suppressionProtection> = {
  method: 'suppression',
  threshold: 3,
  secondary: true,
};
