import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type {
  CreatePartnerBody,
  Partner,
  PartnerListQuery,
  UpdatePartnerBody,
} from '../../../shared/schemas/network.js';
import { partners, sites } from '../../db/schema/index.js';
import { audit, changedFields, writeTransaction } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { mayWriteSite, type NetworkActor } from '../network/scope.js';
import { germanCollator, searchKey, tolerantMatch } from '../network/search-key.js';
import { assertCodes } from '../reference/validate.js';

type Row = typeof partners.$inferSelect;

const lastContactOn = sql<
  string | null
>`(SELECT max(pc.date)::text FROM partner_contacts pc WHERE pc.partner_id = "partners"."id")`;
const offerCount = sql<number>`(SELECT count(*)::int FROM offers o WHERE o.partner_id = "partners"."id")`;

function present(row: Row, extra: { lastContactOn: string | null; offerCount: number }): Partner {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as Partner['kind'],
    districtCodes: row.districtCodes,
    siteId: row.siteId,
    contactPersons: row.contactPersons as Partner['contactPersons'],
    tags: row.tags,
    note: row.note,
    lastContactOn: extra.lastContactOn,
    offerCount: Number(extra.offerCount),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function fetchPresented(db: Db, ids: string[]): Promise<Map<string, Partner>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ row: partners, lastContactOn, offerCount })
    .from(partners)
    .where(inArray(partners.id, ids));
  return new Map(rows.map((r) => [r.row.id, present(r.row, r)]));
}

export async function getPartner(db: Db, id: string): Promise<Partner> {
  const found = (await fetchPresented(db, [id])).get(id);
  if (!found) throw new AppError('NOT_FOUND');
  return found;
}

type SortKey = { id: string; name: string; kind: string; lastContactOn: string | null; updatedAt: Date };

function compare(field: PartnerListQuery['sort'], a: SortKey, b: SortKey): number {
  switch (field) {
    case 'kind':
      return a.kind.localeCompare(b.kind);
    case 'lastContactOn':
      // never contacted sorts before any date (ascending: the most overdue first)
      return (a.lastContactOn ?? '').localeCompare(b.lastContactOn ?? '');
    case 'updatedAt':
      return a.updatedAt.getTime() - b.updatedAt.getTime();
    default:
      return 0;
  }
}

/**
 * The directory, filtered in SQL; the matching rows' sort keys are ordered in TypeScript with German
 * collation (PGlite has no ICU collations), then only the page is loaded in full.
 */
export async function listPartners(db: Db, q: PartnerListQuery) {
  const filters: (SQL | undefined)[] = [
    q.kind ? eq(partners.kind, q.kind) : undefined,
    q.siteId ? eq(partners.siteId, q.siteId) : undefined,
    q.districtCode ? sql`${q.districtCode} = ANY(${partners.districtCodes})` : undefined,
    tolerantMatch(q.q, [partners.nameKey], [partners.name]) ?? undefined,
    q.noContactSince
      ? sql`NOT EXISTS (SELECT 1 FROM partner_contacts pc WHERE pc.partner_id = "partners"."id" AND pc.date >= ${q.noContactSince})`
      : undefined,
  ];
  const keys: SortKey[] = await db
    .select({
      id: partners.id,
      name: partners.name,
      kind: partners.kind,
      lastContactOn,
      updatedAt: partners.updatedAt,
    })
    .from(partners)
    .where(and(...filters));
  const dir = q.order === 'desc' ? -1 : 1;
  keys.sort(
    (a, b) =>
      dir * (compare(q.sort, a, b) || germanCollator.compare(a.name, b.name)) || a.id.localeCompare(b.id),
  );
  const pageIds = keys.slice((q.page - 1) * q.pageSize, q.page * q.pageSize).map((k) => k.id);
  const byId = await fetchPresented(db, pageIds);
  return {
    items: pageIds.flatMap((id) => byId.get(id) ?? []),
    total: keys.length,
    page: q.page,
    pageSize: q.pageSize,
  };
}

async function assertSite(db: Db, actor: NetworkActor, siteId: string) {
  const [site] = await db.select({ id: sites.id }).from(sites).where(eq(sites.id, siteId));
  if (!site) throw fieldError('unknownSite', 'siteId');
  if (!mayWriteSite(actor, siteId)) throw fieldError('notYourSite', 'siteId', undefined, 'FORBIDDEN');
}

function assertDistricts(db: Db, codes: string[] | undefined) {
  return assertCodes(
    db,
    (codes ?? []).map((code, i) => ({ list: 'districts' as const, code, path: `districtCodes.${i}` })),
  );
}

const unique = <T>(values: T[]) => [...new Set(values)];

export async function createPartner(actor: NetworkActor, body: CreatePartnerBody): Promise<Partner> {
  await assertSite(actor.db, actor, body.siteId);
  await assertDistricts(actor.db, body.districtCodes);
  const id = await writeTransaction(actor.db, async (tx) => {
    const [row] = await tx
      .insert(partners)
      .values({
        name: body.name,
        nameKey: searchKey(body.name),
        kind: body.kind,
        districtCodes: unique(body.districtCodes ?? []),
        siteId: body.siteId,
        contactPersons: body.contactPersons ?? [],
        tags: unique(body.tags ?? []),
        note: body.note ?? null,
        createdBy: actor.userId,
      })
      .returning({ id: partners.id });
    await audit(tx, actor.ctx, {
      action: 'partner.created',
      entityType: 'partner',
      entityId: row.id,
      siteId: body.siteId,
      fields: changedFields(body),
    });
    return row.id;
  });
  return getPartner(actor.db, id);
}

/** The partner for a write: 404 if unknown, 403 if it belongs to a site the actor does not work for. */
export async function writablePartner(db: Db, actor: NetworkActor, id: string, path?: string): Promise<Row> {
  const [row] = await db.select().from(partners).where(eq(partners.id, id));
  if (!row) throw path ? fieldError('unknownPartner', path) : new AppError('NOT_FOUND');
  if (!mayWriteSite(actor, row.siteId)) {
    throw path ? fieldError('notYourSite', path, undefined, 'FORBIDDEN') : new AppError('FORBIDDEN');
  }
  return row;
}

export async function updatePartner(actor: NetworkActor, id: string, body: UpdatePartnerBody) {
  const current = await writablePartner(actor.db, actor, id);
  if (body.siteId && body.siteId !== current.siteId) await assertSite(actor.db, actor, body.siteId);
  await assertDistricts(actor.db, body.districtCodes);
  await writeTransaction(actor.db, async (tx) => {
    await tx
      .update(partners)
      .set({
        ...(body.name !== undefined ? { name: body.name, nameKey: searchKey(body.name) } : {}),
        ...(body.kind !== undefined ? { kind: body.kind } : {}),
        ...(body.districtCodes !== undefined ? { districtCodes: unique(body.districtCodes) } : {}),
        ...(body.siteId !== undefined ? { siteId: body.siteId } : {}),
        ...(body.contactPersons !== undefined ? { contactPersons: body.contactPersons } : {}),
        ...(body.tags !== undefined ? { tags: unique(body.tags) } : {}),
        ...(body.note !== undefined ? { note: body.note } : {}),
        updatedAt: new Date(),
      })
      .where(eq(partners.id, id));
    await audit(tx, actor.ctx, {
      action: 'partner.updated',
      entityType: 'partner',
      entityId: id,
      siteId: body.siteId ?? current.siteId,
      fields: changedFields(body),
    });
  });
  return getPartner(actor.db, id);
}
