import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { FieldIssueCode } from '../../../shared/field-issues.js';
import { appSettings, referenceValues } from '../../db/schema/index.js';
import { type ActorContext, audit, writeTransaction } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, type FieldIssue } from '../../platform/errors.js';
import { getSetting, setSetting } from '../../setup/settings.js';

/** Where the uploaded district boundaries live (one JSON text in app_settings). */
export const geoSettingKey = 'geo.districts';

/** Upload limits: the request body, and the number of coordinate pairs over all polygons. */
export const maxGeoBytes = 5 * 1024 * 1024;
export const maxGeoPoints = 250_000;
export const maxGeoFeatures = 500;

/** Stable problem texts (the web shows its own wording for them). */
/** Field-issue codes of an uploaded map (texts in `shared/field-issues.ts`). */
export const geoProblems = {
  tooLarge: 'geoTooLarge',
  tooManyPoints: 'geoTooManyPoints',
  ringNotClosed: 'geoRingNotClosed',
  unknownDistrict: 'unknownDistrict',
  duplicateDistrict: 'geoDuplicateDistrict',
} as const satisfies Record<string, FieldIssueCode>;

const position = z.array(z.number().finite()).min(2).max(3);
/** A linear ring: at least four positions, the last one equal to the first. */
const ring = z
  .array(position)
  .min(4)
  .refine((r) => r[0]?.[0] === r.at(-1)?.[0] && r[0]?.[1] === r.at(-1)?.[1], geoProblems.ringNotClosed);
const polygon = z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) });
const multiPolygon = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(ring).min(1)).min(1),
});

export const districtFeature = z.object({
  type: z.literal('Feature'),
  properties: z.looseObject({
    code: z.string().trim().min(1).max(40).describe('the district’s code in the reference list'),
  }),
  geometry: z.discriminatedUnion('type', [polygon, multiPolygon]),
});

function pointCount(fc: { features: z.infer<typeof districtFeature>[] }): number {
  let n = 0;
  for (const f of fc.features) {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const p of polygons) for (const r of p) n += r.length;
  }
  return n;
}

/** The PUT body: a GeoJSON FeatureCollection of district polygons. */
export const districtCollection = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(districtFeature).min(1).max(maxGeoFeatures),
  })
  .superRefine((fc, ctx) => {
    if (pointCount(fc) > maxGeoPoints) {
      ctx.addIssue({ code: 'custom', path: ['features'], message: geoProblems.tooManyPoints });
    }
  })
  .describe('GeoJSON FeatureCollection; each feature a Polygon or MultiPolygon with properties.code');
export type DistrictCollection = z.infer<typeof districtCollection>;

export const geoSummary = z.object({
  features: z.number().int(),
  codes: z.array(z.string()),
});

export async function getDistrictMap(db: Db): Promise<DistrictCollection | null> {
  const text = await getSetting(db, geoSettingKey);
  return text ? (JSON.parse(text) as DistrictCollection) : null;
}

/**
 * Stores the boundaries after checking that every feature names a configured district, once.
 * Only the fields a map needs are kept (type, properties.code and .name, geometry).
 */
export async function putDistrictMap(db: Db, ctx: ActorContext, body: DistrictCollection) {
  const known = new Set(
    (
      await db
        .select({ code: referenceValues.code })
        .from(referenceValues)
        .where(eq(referenceValues.list, 'districts'))
    ).map((r) => r.code),
  );
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  body.features.forEach((f, i) => {
    const path = `features.${i}.properties.code`;
    const code = f.properties.code;
    if (!known.has(code)) issues.push({ path, code: geoProblems.unknownDistrict });
    else if (seen.has(code)) issues.push({ path, code: geoProblems.duplicateDistrict });
    seen.add(code);
  });
  if (issues.length) throw new AppError('VALIDATION', issues.slice(0, 20));

  const stored: DistrictCollection = {
    type: 'FeatureCollection',
    features: body.features.map((f) => ({
      type: 'Feature',
      properties: {
        code: f.properties.code,
        ...(typeof f.properties.name === 'string' ? { name: f.properties.name.slice(0, 200) } : {}),
      },
      geometry: f.geometry,
    })),
  };
  return writeTransaction(db, async (tx) => {
    await setSetting(tx, geoSettingKey, JSON.stringify(stored));
    await audit(tx, ctx, {
      action: 'geo.updated',
      entityType: 'reference',
      entityId: geoSettingKey,
      fields: ['features'],
    });
    return { features: stored.features.length, codes: stored.features.map((f) => f.properties.code) };
  });
}

/** Back to the schematic map. */
export async function deleteDistrictMap(db: Db, ctx: ActorContext) {
  await writeTransaction(db, async (tx) => {
    const removed = await tx
      .delete(appSettings)
      .where(eq(appSettings.key, geoSettingKey))
      .returning({ key: appSettings.key });
    if (removed.length === 0) throw new AppError('NOT_FOUND');
    await audit(tx, ctx, {
      action: 'geo.updated',
      entityType: 'reference',
      entityId: geoSettingKey,
      fields: ['removed'],
    });
  });
}
