import { createHmac, randomBytes } from 'node:crypto';
import { appSettings } from '../../db/schema/index.js';
import type { Db } from '../../platform/db/client.js';
import { getSetting } from '../../setup/settings.js';

/**
 * The cell-key method (as the statistical offices use it for the 2022 census), p-table "v1".
 *
 * - Record key: every counted record (household, person, contact, reason) has a 32-bit key, the first
 *   32 bits of the md5 of its id (SQL `stat_key`, migration 0017). The rollups keep the exact sum of their
 *   records' keys next to each count, so a report cell's key sum is the sum over the rollup rows it adds up.
 * - Cell key: HMAC-SHA-256 of the key sum modulo 2^32 under the installation's secret, as a number in
 *   [0, 1). It depends only on which records the cell counts: the same set always gets the same key, a set
 *   with one record more or less an unrelated one. Without the secret nobody can compute it from ids.
 * - Noise: the p-table maps (exact value, cell key) to the published value. At most ±2; 0 stays 0; 1 and
 *   2 become 0 or 3 (unbiased: 1 → 0 with 2/3, 3 with 1/3; 2 → 0 with 1/3, 3 with 2/3); 3 → 3, 4 or 5;
 *   4 → 3, 4 or 5; from 5 on −2…+2 with 10/20/40/20/10 %. Nothing is published as 1 or 2 or below 0.
 * - Totals, margins and cumulative values are cells of their own (their own record set, their own key):
 *   they are perturbed independently, so published tables need not add up.
 */

/** [noise, probability] per exact value (5 stands for every value from 5 on). */
export const pTableV1: Record<number, [number, number][]> = {
  0: [[0, 1]],
  1: [
    [-1, 2 / 3],
    [2, 1 / 3],
  ],
  2: [
    [-2, 1 / 3],
    [1, 2 / 3],
  ],
  3: [
    [0, 0.8],
    [1, 0.15],
    [2, 0.05],
  ],
  4: [
    [-1, 0.2],
    [0, 0.6],
    [1, 0.2],
  ],
  5: [
    [-2, 0.1],
    [-1, 0.2],
    [0, 0.4],
    [1, 0.2],
    [2, 0.1],
  ],
};

/** The published value of an exact count with cell key `u` in [0, 1). */
export function noisyCount(value: number, u: number): number {
  const row = pTableV1[Math.min(value, 5)];
  let upTo = 0;
  for (const [noise, p] of row) {
    upTo += p;
    if (u < upTo) return value + noise;
  }
  return value + row[row.length - 1][0];
}

const two32 = 2 ** 32;

/** The cell key of a key sum (any non-negative integer; only its value modulo 2^32 matters). */
export function cellKey(secret: string, keySum: number): number {
  const digest = createHmac('sha256', secret)
    .update(`v1|${keySum % two32}`)
    .digest();
  return digest.readUInt32BE(0) / two32;
}

export const cellKeySecretSetting = 'statistics.cellKeySecret';
const secrets = new WeakMap<object, Promise<string>>();

async function storedSecret(db: Db): Promise<string> {
  await db
    .insert(appSettings)
    .values({ key: cellKeySecretSetting, value: randomBytes(32).toString('hex') })
    .onConflictDoNothing();
  const value = await getSetting(db, cellKeySecretSetting);
  if (!value) throw new Error('cell key secret missing');
  return value;
}

/**
 * The installation's secret: QUARTIER_CELL_KEY_SECRET when set, else a random one made on first use and
 * kept in app_settings (so it survives restarts and backups; changing it changes every noise at once).
 */
export function cellKeySecret(db: Db): Promise<string> {
  const fromEnv = process.env.QUARTIER_CELL_KEY_SECRET;
  if (fromEnv) return Promise.resolve(fromEnv);
  let secret = secrets.get(db);
  if (!secret) {
    secret = storedSecret(db);
    secrets.set(db, secret);
    secret.catch(() => secrets.delete(db));
  }
  return secret;
}
