import { and, arrayContains, eq } from 'drizzle-orm';
import type {
  AvailabilitySlot,
  CreateMediatorBody,
  Mediator,
  MediatorKind,
  MediatorsQuery,
  UpdateMediatorBody,
} from '../../../shared/schemas/mediators.js';
import { mediators } from '../../db/schema/index.js';
import { type ActorContext, audit, changedFields, writeTransaction } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { germanCollator } from '../households/name-key.js';
import { assertLanguages } from '../households/validate.js';
import { searchKey, tolerantMatch } from '../network/search-key.js';
import { assertCodes } from '../reference/validate.js';

export type MediatorRow = typeof mediators.$inferSelect;

/** German collation for every list of names: the one collator of all name lists. */
export const byName = germanCollator;

/** One phonetic skeleton per word ("Amina Al-Hassan" → "amn al hsn"), so a query word meets any name word. */
export const mediatorNameKey = searchKey;

export function presentMediator(row: MediatorRow): Mediator {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as MediatorKind,
    languages: row.languages,
    districtCodes: row.districtCodes,
    rate: row.rate,
    availability: row.availability as AvailabilitySlot[],
    phone: row.phone,
    email: row.email,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function assertMediatorCodes(db: Db, body: Partial<CreateMediatorBody>) {
  assertLanguages(body.languages, 'languages');
  await assertCodes(
    db,
    (body.districtCodes ?? []).map((code, i) => ({
      list: 'districts' as const,
      code,
      path: `districtCodes.${i}`,
    })),
  );
}

const unique = <T>(xs: T[] | undefined) => (xs ? [...new Set(xs)] : undefined);

export async function createMediator(db: Db, ctx: ActorContext, body: CreateMediatorBody) {
  await assertMediatorCodes(db, body);
  return writeTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(mediators)
      .values({
        name: body.name,
        nameKey: mediatorNameKey(body.name),
        kind: body.kind,
        languages: unique(body.languages),
        districtCodes: unique(body.districtCodes),
        availability: body.availability,
        rate: body.rate ?? null,
        phone: body.phone ?? null,
        email: body.email ?? null,
        active: body.active,
        createdBy: ctx.actorId,
      })
      .returning();
    await audit(tx, ctx, {
      action: 'mediator.created',
      entityType: 'mediator',
      entityId: row.id,
      fields: changedFields(body),
    });
    return presentMediator(row);
  });
}

export async function updateMediator(db: Db, ctx: ActorContext, id: string, body: UpdateMediatorBody) {
  await assertMediatorCodes(db, body);
  return writeTransaction(db, async (tx) => {
    const [current] = await tx.select().from(mediators).where(eq(mediators.id, id)).for('update');
    if (!current) throw new AppError('NOT_FOUND');
    const [row] = await tx
      .update(mediators)
      .set({
        ...body,
        languages: unique(body.languages),
        districtCodes: unique(body.districtCodes),
        ...(body.name !== undefined ? { nameKey: mediatorNameKey(body.name) } : {}),
        updatedAt: new Date(),
      })
      .where(eq(mediators.id, id))
      .returning();
    await audit(tx, ctx, {
      action: 'mediator.updated',
      entityType: 'mediator',
      entityId: id,
      fields: changedFields(body),
    });
    return presentMediator(row);
  });
}

export async function getMediator(db: Db, id: string) {
  const [row] = await db.select().from(mediators).where(eq(mediators.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  return presentMediator(row);
}

/**
 * The pool, filtered; sorted by name in German collation in TypeScript (the pool is a few hundred rows
 * at most per city, and PGlite has no ICU collation), then paged.
 */
export async function listMediators(db: Db, q: MediatorsQuery) {
  const where = and(
    q.active === 'all' ? undefined : eq(mediators.active, q.active === 'true'),
    q.kind ? eq(mediators.kind, q.kind) : undefined,
    q.language ? arrayContains(mediators.languages, [q.language]) : undefined,
    q.districtCode ? arrayContains(mediators.districtCodes, [q.districtCode]) : undefined,
    tolerantMatch(q.q, [mediators.nameKey], [mediators.name]) ?? undefined,
  );
  const rows = await db.select().from(mediators).where(where).limit(5000);
  const dir = q.sort === '-name' ? -1 : 1;
  rows.sort((a, b) => dir * (byName.compare(a.name, b.name) || a.id.localeCompare(b.id)));
  const start = (q.page - 1) * q.pageSize;
  return {
    items: rows.slice(start, start + q.pageSize).map(presentMediator),
    total: rows.length,
    page: q.page,
    pageSize: q.pageSize,
  };
}
