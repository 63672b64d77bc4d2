import { and, asc, eq, max, ne } from 'drizzle-orm';
import type { CreateSiteBody, Site, UpdateSiteBody } from '../../../shared/schemas/sites.js';
import { referenceValues, sites } from '../../db/schema/index.js';
import { type ActorContext, audit, changedFields, writeTransaction } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, fieldError } from '../../platform/errors.js';

type Row = typeof sites.$inferSelect;

export function presentSite(row: Row): Site {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    openedOn: row.openedOn,
    closedOn: row.closedOn,
    districtCodes: row.districtCodes,
    organisationIds: row.organisationIds,
    sortOrder: row.sortOrder,
  };
}

export async function listSites(db: Db) {
  const rows = await db.select().from(sites).orderBy(asc(sites.sortOrder), asc(sites.name));
  return rows.map(presentSite);
}

/** Districts are referenced by code, organisations by id; both must exist in their reference lists. */
async function assertReferences(db: Db, districtCodes?: string[], organisationIds?: string[]) {
  if (districtCodes?.length) {
    const rows = await db
      .select({ code: referenceValues.code })
      .from(referenceValues)
      .where(eq(referenceValues.list, 'districts'));
    const known = new Set(rows.map((r) => r.code));
    const bad = districtCodes.findIndex((c) => !known.has(c));
    if (bad >= 0) throw fieldError('unknownDistrict', `districtCodes.${bad}`);
  }
  if (organisationIds?.length) {
    const rows = await db
      .select({ id: referenceValues.id })
      .from(referenceValues)
      .where(eq(referenceValues.list, 'organisations'));
    const known = new Set(rows.map((r) => r.id));
    const bad = organisationIds.findIndex((id) => !known.has(id));
    if (bad >= 0) {
      throw fieldError('unknownOrganisation', `organisationIds.${bad}`);
    }
  }
}

async function assertCodeFree(db: Db, code: string, exceptId?: string) {
  const [taken] = await db
    .select({ id: sites.id })
    .from(sites)
    .where(exceptId ? and(eq(sites.code, code), ne(sites.id, exceptId)) : eq(sites.code, code));
  if (taken) throw fieldError('codeTaken', 'code', undefined, 'CONFLICT');
}

export async function createSite(db: Db, ctx: ActorContext, body: CreateSiteBody) {
  await assertReferences(db, body.districtCodes, body.organisationIds);
  return writeTransaction(db, async (tx) => {
    await assertCodeFree(tx, body.code);
    const [{ top }] = await tx.select({ top: max(sites.sortOrder) }).from(sites);
    const [row] = await tx
      .insert(sites)
      .values({
        code: body.code,
        name: body.name,
        openedOn: body.openedOn,
        closedOn: body.closedOn ?? null,
        districtCodes: body.districtCodes ?? [],
        organisationIds: body.organisationIds ?? [],
        sortOrder: body.sortOrder ?? (top ?? -1) + 1,
      })
      .returning();
    await audit(tx, ctx, {
      action: 'site.created',
      entityType: 'site',
      entityId: row.id,
      siteId: row.id,
      fields: changedFields(body),
    });
    return presentSite(row);
  });
}

export async function updateSite(db: Db, ctx: ActorContext, id: string, body: UpdateSiteBody) {
  await assertReferences(db, body.districtCodes, body.organisationIds);
  return writeTransaction(db, async (tx) => {
    const [current] = await tx.select().from(sites).where(eq(sites.id, id));
    if (!current) throw new AppError('NOT_FOUND');
    if (body.code) await assertCodeFree(tx, body.code, id);
    const openedOn = body.openedOn ?? current.openedOn;
    const closedOn = body.closedOn === undefined ? current.closedOn : body.closedOn;
    if (closedOn && closedOn < openedOn) {
      throw fieldError('closedBeforeOpened', 'closedOn');
    }
    const [row] = await tx.update(sites).set(body).where(eq(sites.id, id)).returning();
    await audit(tx, ctx, {
      action: 'site.updated',
      entityType: 'site',
      entityId: id,
      siteId: id,
      fields: changedFields(body),
    });
    return presentSite(row);
  });
}
