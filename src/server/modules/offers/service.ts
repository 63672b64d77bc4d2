import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { addDays, addMonths, todayBerlin } from '../../../shared/dates.js';
import type {
  CreateOfferBody,
  Offer,
  OfferDetail,
  OfferListQuery,
  UpdateOfferBody,
} from '../../../shared/schemas/network.js';
import { offers, partners, referrals } from '../../db/schema/index.js';
import { audit, changedFields, writeTransaction } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, fieldErrors } from '../../platform/errors.js';
import { sameColumns } from '../../platform/present.js';
import { assertLanguages } from '../households/validate.js';
import type { NetworkActor } from '../network/scope.js';
import { germanCollator, searchKey, tolerantMatch } from '../network/search-key.js';
import { assertPlausibleDate } from '../network/validate.js';
import { writablePartner } from '../partners/service.js';
import { assertCodes } from '../reference/validate.js';

type Row = typeof offers.$inferSelect;

/** The day before which an offer's last check makes it due for review. */
export function staleBefore(reviewMonths: number, today = todayBerlin()): string {
  return addMonths(today, -reviewMonths);
}

/** Ended offers need no review; any other not checked since the cut-off is flagged. */
const staleSql = (cutoff: string) =>
  sql`(${offers.status} <> 'ended' AND ${offers.lastCheckedOn} < ${cutoff})`;

function present(row: Row, partner: { name: string; siteId: string }, cutoff: string): Offer {
  return {
    ...sameColumns(row, [
      'id',
      'title',
      'partnerId',
      'description',
      'lifeAreas',
      'languages',
      'districtCode',
      'address',
      'openingHours',
      'appointmentOnly',
      'free',
      'accessible',
      'lastCheckedOn',
    ]),
    partnerName: partner.name,
    siteId: partner.siteId,
    targetGroups: row.targetGroups as Offer['targetGroups'],
    status: row.status as Offer['status'],
    stale: row.status !== 'ended' && row.lastCheckedOn < cutoff,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function fetchPresented(db: Db, ids: string[], cutoff: string): Promise<Map<string, Offer>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ row: offers, name: partners.name, siteId: partners.siteId })
    .from(offers)
    .innerJoin(partners, eq(partners.id, offers.partnerId))
    .where(inArray(offers.id, ids));
  return new Map(rows.map((r) => [r.row.id, present(r.row, r, cutoff)]));
}

export async function getOffer(db: Db, id: string, reviewMonths: number): Promise<OfferDetail> {
  const found = (await fetchPresented(db, [id], staleBefore(reviewMonths))).get(id);
  if (!found) throw new AppError('NOT_FOUND');
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(referrals)
    .where(eq(referrals.offerId, id));
  return { ...found, referralCount: Number(n) };
}

type SortKey = Pick<Row, 'id' | 'title' | 'lastCheckedOn' | 'districtCode' | 'status' | 'updatedAt'>;

function compare(field: OfferListQuery['sort'], a: SortKey, b: SortKey): number {
  switch (field) {
    case 'lastCheckedOn':
      return a.lastCheckedOn.localeCompare(b.lastCheckedOn);
    case 'districtCode':
      return a.districtCode.localeCompare(b.districtCode);
    case 'status':
      return a.status.localeCompare(b.status);
    case 'updatedAt':
      return a.updatedAt.getTime() - b.updatedAt.getTime();
    default:
      return 0;
  }
}

/** The offers directory: filters in SQL, German alphabetical order in TypeScript, then the page. */
export async function listOffers(db: Db, q: OfferListQuery, reviewMonths: number) {
  const cutoff = staleBefore(reviewMonths);
  const filters: (SQL | undefined)[] = [
    q.districtCode ? eq(offers.districtCode, q.districtCode) : undefined,
    q.status ? eq(offers.status, q.status) : undefined,
    q.partnerId ? eq(offers.partnerId, q.partnerId) : undefined,
    q.lifeArea ? sql`${q.lifeArea} = ANY(${offers.lifeAreas})` : undefined,
    q.language ? sql`${q.language} = ANY(${offers.languages})` : undefined,
    // "all" addresses every group: an offer for everyone also serves women, families …
    q.targetGroup
      ? sql`(${q.targetGroup} = ANY(${offers.targetGroups}) OR 'all' = ANY(${offers.targetGroups}))`
      : undefined,
    q.stale === 'true' ? staleSql(cutoff) : q.stale === 'false' ? sql`NOT ${staleSql(cutoff)}` : undefined,
    tolerantMatch(q.q, [offers.titleKey, partners.nameKey], [offers.title, partners.name]) ?? undefined,
  ];
  const keys: SortKey[] = await db
    .select({
      id: offers.id,
      title: offers.title,
      lastCheckedOn: offers.lastCheckedOn,
      districtCode: offers.districtCode,
      status: offers.status,
      updatedAt: offers.updatedAt,
    })
    .from(offers)
    .innerJoin(partners, eq(partners.id, offers.partnerId))
    .where(and(...filters));
  const dir = q.order === 'desc' ? -1 : 1;
  keys.sort(
    (a, b) =>
      dir * (compare(q.sort, a, b) || germanCollator.compare(a.title, b.title)) || a.id.localeCompare(b.id),
  );
  const pageIds = keys.slice((q.page - 1) * q.pageSize, q.page * q.pageSize).map((k) => k.id);
  const byId = await fetchPresented(db, pageIds, cutoff);
  return {
    items: pageIds.flatMap((id) => byId.get(id) ?? []),
    total: keys.length,
    page: q.page,
    pageSize: q.pageSize,
  };
}

type OfferValues = Partial<UpdateOfferBody>;

/** Opening hours XOR "by appointment only": exactly one of them describes when the offer is open. */
function assertSchedule(openingHours: string | null | undefined, appointmentOnly: boolean) {
  const hasHours = !!openingHours?.trim();
  if (hasHours === appointmentOnly) {
    throw fieldErrors([
      { path: 'openingHours', code: 'hoursOrAppointment' },
      { path: 'appointmentOnly', code: 'hoursOrAppointment' },
    ]);
  }
}

async function assertOfferCodes(db: Db, v: OfferValues) {
  assertLanguages(v.languages, 'languages');
  await assertCodes(db, [
    { list: 'districts', code: v.districtCode, path: 'districtCode' },
    ...(v.lifeAreas ?? []).map((code, i) => ({ list: 'life-areas' as const, code, path: `lifeAreas.${i}` })),
  ]);
  if (v.lastCheckedOn) assertPlausibleDate(v.lastCheckedOn, 'lastCheckedOn', addDays(todayBerlin(), 1));
}

const unique = <T>(values: T[]) => [...new Set(values)];

export async function createOffer(actor: NetworkActor, body: CreateOfferBody, reviewMonths: number) {
  const partner = await writablePartner(actor.db, actor, body.partnerId, 'partnerId');
  const appointmentOnly = body.appointmentOnly ?? false;
  assertSchedule(body.openingHours, appointmentOnly);
  await assertOfferCodes(actor.db, body);
  const id = await writeTransaction(actor.db, async (tx) => {
    const [row] = await tx
      .insert(offers)
      .values({
        title: body.title,
        titleKey: searchKey(body.title),
        partnerId: body.partnerId,
        description: body.description ?? null,
        lifeAreas: unique(body.lifeAreas),
        targetGroups: unique(body.targetGroups),
        languages: unique(body.languages ?? []),
        districtCode: body.districtCode,
        address: body.address ?? null,
        openingHours: appointmentOnly ? null : (body.openingHours ?? null),
        appointmentOnly,
        free: body.free ?? true,
        accessible: body.accessible ?? false,
        status: body.status ?? 'active',
        lastCheckedOn: body.lastCheckedOn ?? todayBerlin(),
        createdBy: actor.userId,
      })
      .returning({ id: offers.id });
    await audit(tx, actor.ctx, {
      action: 'offer.created',
      entityType: 'offer',
      entityId: row.id,
      siteId: partner.siteId,
      fields: changedFields(body),
    });
    return row.id;
  });
  return getOffer(actor.db, id, reviewMonths);
}

async function writableOffer(actor: NetworkActor, id: string) {
  const [row] = await actor.db.select().from(offers).where(eq(offers.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  const partner = await writablePartner(actor.db, actor, row.partnerId);
  return { row, partner };
}

export async function updateOffer(
  actor: NetworkActor,
  id: string,
  body: UpdateOfferBody,
  reviewMonths: number,
) {
  const { row, partner } = await writableOffer(actor, id);
  // moving an offer to another partner needs the right to write that partner, too
  const target =
    body.partnerId && body.partnerId !== row.partnerId
      ? await writablePartner(actor.db, actor, body.partnerId, 'partnerId')
      : partner;
  const appointmentOnly = body.appointmentOnly ?? row.appointmentOnly;
  // switching to "by appointment" drops the hours unless new ones are sent (which the check refuses)
  const openingHours =
    body.openingHours !== undefined
      ? body.openingHours
      : body.appointmentOnly === true
        ? null
        : row.openingHours;
  assertSchedule(openingHours, appointmentOnly);
  await assertOfferCodes(actor.db, body);
  await writeTransaction(actor.db, async (tx) => {
    await tx
      .update(offers)
      .set({
        ...(body.title !== undefined ? { title: body.title, titleKey: searchKey(body.title) } : {}),
        ...(body.partnerId !== undefined ? { partnerId: body.partnerId } : {}),
        ...(body.description !== undefined ? { description: body.description } : {}),
        ...(body.lifeAreas !== undefined ? { lifeAreas: unique(body.lifeAreas) } : {}),
        ...(body.targetGroups !== undefined ? { targetGroups: unique(body.targetGroups) } : {}),
        ...(body.languages !== undefined ? { languages: unique(body.languages) } : {}),
        ...(body.districtCode !== undefined ? { districtCode: body.districtCode } : {}),
        ...(body.address !== undefined ? { address: body.address } : {}),
        ...(body.free !== undefined ? { free: body.free } : {}),
        ...(body.accessible !== undefined ? { accessible: body.accessible } : {}),
        ...(body.status !== undefined ? { status: body.status } : {}),
        ...(body.lastCheckedOn !== undefined ? { lastCheckedOn: body.lastCheckedOn } : {}),
        openingHours: appointmentOnly ? null : openingHours,
        appointmentOnly,
        updatedAt: new Date(),
      })
      .where(eq(offers.id, id));
    await audit(tx, actor.ctx, {
      action: 'offer.updated',
      entityType: 'offer',
      entityId: id,
      siteId: target.siteId,
      fields: changedFields(body),
    });
  });
  return getOffer(actor.db, id, reviewMonths);
}

/** "Als geprüft markieren": the offer was checked today. */
export async function markOfferChecked(actor: NetworkActor, id: string, reviewMonths: number) {
  const { partner } = await writableOffer(actor, id);
  await writeTransaction(actor.db, async (tx) => {
    await tx
      .update(offers)
      .set({ lastCheckedOn: todayBerlin(), updatedAt: new Date() })
      .where(eq(offers.id, id));
    await audit(tx, actor.ctx, {
      action: 'offer.checked',
      entityType: 'offer',
      entityId: id,
      siteId: partner.siteId,
      fields: ['lastCheckedOn'],
    });
  });
  return getOffer(actor.db, id, reviewMonths);
}
