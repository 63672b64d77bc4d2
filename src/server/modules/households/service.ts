import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  CreateHouseholdBody,
  listHouseholdsQuery,
  UpdateHouseholdBody,
} from '../../../shared/schemas/households.js';
import { households, persons, recentHouseholds } from '../../db/schema/index.js';
import { inScope } from '../../platform/access.js';
import { audit, auditAccess, changedFields, writeTransaction } from '../../platform/audit.js';
import { fieldError } from '../../platform/errors.js';
import { type CaseRequest, caseWrite } from '../casework/write.js';
import { householdSearch } from './list-search.js';
import { countedTotal, householdListTotal } from './list-total.js';
import { germanCollation, nameKey } from './name-key.js';
import { presentHousehold } from './presenter.js';
import { findHouseholdInScope, loadMembers, nextCaseNumber } from './repository.js';
import { restrictedFilter } from './restriction.js';
import { assertHouseholdCodes, personCodeChecks } from './validate.js';
import { scheduleWelcomeVisit } from './welcome.js';

export function personValues(p: CreateHouseholdBody['members'][number], householdId: string) {
  return {
    householdId,
    firstName: p.firstName,
    lastName: p.lastName,
    originalScriptName: p.originalScriptName ?? null,
    birthDate: p.birthDate ?? null,
    birthYear: p.birthYear ?? (p.birthDate ? Number(p.birthDate.slice(0, 4)) : null),
    gender: p.gender ?? 'unspecified',
    nationality: p.nationality ?? null,
    languages: p.languages ?? [],
    residenceStatus: p.residenceStatus ?? null,
    residenceValidUntil: p.residenceValidUntil ?? null,
    residenceRequirement: p.residenceRequirement ?? null,
    roleInHousehold: p.roleInHousehold ?? 'other',
    firstKey: nameKey(p.firstName),
    lastKey: nameKey(p.lastName),
  };
}

export async function createHousehold({ db, ctx, scope }: CaseRequest, body: CreateHouseholdBody) {
  if (!inScope(scope, body.siteId)) {
    throw fieldError('notYourSite', 'siteId');
  }
  await assertHouseholdCodes(
    db,
    { ...body, subdistrictCode: body.address?.subdistrictCode },
    body.members.flatMap((m, i) => personCodeChecks(m, `members.${i}.`)),
  );
  return writeTransaction(db, async (tx) => {
    const caseNumber = await nextCaseNumber(tx, body.siteId, Number(body.registeredOn.slice(0, 4)));
    const [row] = await tx
      .insert(households)
      .values({
        caseNumber,
        siteId: body.siteId,
        registeredSiteId: body.siteId,
        category: body.category,
        registeredOn: body.registeredOn,
        districtCode: body.districtCode ?? null,
        street: body.address?.street ?? null,
        postcode: body.address?.postcode ?? null,
        city: body.address?.city ?? null,
        subdistrictCode: body.address?.subdistrictCode ?? null,
        movedInOn: body.movedInOn ?? null,
        languages: body.languages ?? [],
        createdBy: scope.userId,
      })
      .returning();
    const members = await tx
      .insert(persons)
      .values(body.members.map((m) => personValues(m, row.id)))
      .returning();
    if (row.movedInOn) await scheduleWelcomeVisit(tx, row, row.movedInOn, scope.userId);
    await audit(tx, ctx, {
      action: 'household.created',
      entityType: 'household',
      entityId: row.id,
      siteId: row.siteId,
      fields: changedFields(body),
    });
    return presentHousehold(row, members);
  });
}

/** The household with its members; the read is audited and the household joins my recently opened. */
export async function getHousehold({ db, ctx, scope }: CaseRequest, id: string) {
  const row = await findHouseholdInScope(db, scope, id, 'read');
  const members = await loadMembers(db, id);
  await writeTransaction(db, async (tx) => {
    await audit(tx, ctx, {
      action: 'record.read',
      entityType: 'household',
      entityId: id,
      siteId: row.siteId,
    });
    await tx
      .insert(recentHouseholds)
      .values({ userId: scope.userId, householdId: id })
      .onConflictDoUpdate({
        target: [recentHouseholds.userId, recentHouseholds.householdId],
        set: { openedAt: new Date() },
      });
  });
  return presentHousehold(row, members);
}

export function updateHousehold(req: CaseRequest, id: string, body: UpdateHouseholdBody) {
  return caseWrite(req, id, async (tx, current) => {
    const districtCode = body.districtCode === undefined ? current.districtCode : body.districtCode;
    await assertHouseholdCodes(tx, {
      category: body.category,
      districtCode: body.districtCode,
      subdistrictCode: body.address?.subdistrictCode ?? undefined,
      languages: body.languages,
    });
    if (body.address?.subdistrictCode && districtCode === null) {
      throw fieldError('requiredWithSubdistrict', 'districtCode');
    }
    const { address, ...rest } = body;
    const [row] = await tx
      .update(households)
      .set({ ...rest, ...(address ?? {}), updatedAt: new Date() })
      .where(eq(households.id, id))
      .returning();
    if (body.movedInOn && body.movedInOn !== current.movedInOn) {
      await scheduleWelcomeVisit(tx, row, body.movedInOn, req.scope.userId);
    }
    await audit(tx, req.ctx, {
      action: 'household.updated',
      entityType: 'household',
      entityId: id,
      siteId: row.siteId,
      fields: [...changedFields(rest), ...Object.keys(address ?? {}).map((k) => `address.${k}`)],
    });
    return presentHousehold(row, await loadMembers(tx, id));
  });
}

/** Spelled out: in a one-table query Drizzle writes a bare "id", which inside the sub-queries means theirs. */
const householdIdColumn = sql.raw('"households"."id"');

const memberCount = sql<number>`(SELECT count(*)::int FROM persons p
  WHERE p.household_id = ${householdIdColumn} AND p.left_on IS NULL)`;
const lastContactOn = sql<
  string | null
>`(SELECT max(c.date)::text FROM contacts c WHERE c.household_id = ${householdIdColumn})`;

export async function listHouseholds(
  { db, ctx, scope }: CaseRequest,
  q: z.infer<typeof listHouseholdsQuery>,
) {
  if (scope.siteIds.length === 0) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const filters: SQL[] = [inArray(households.siteId, scope.siteIds)];
  if (q.siteId) filters.push(eq(households.siteId, q.siteId));
  if (q.status) filters.push(eq(households.status, q.status));
  if (q.category) filters.push(eq(households.category, q.category));
  if (q.districtCode) filters.push(eq(households.districtCode, q.districtCode));
  const sites = q.siteId ? scope.siteIds.filter((id) => id === q.siteId) : scope.siteIds;
  const search = q.q ? householdSearch(q.q, sites) : null;
  if (search?.kind === 'caseNumber') filters.push(search.where);
  if (search?.kind === 'none') filters.push(sql`false`);
  filters.push(restrictedFilter(scope, q.restricted === 'true'));
  const where = and(...filters);
  const sortColumn = {
    caseNumber: sql`${households.caseNumber}`,
    registeredOn: sql`${households.registeredOn}`,
    headName: sql`${households.headName} COLLATE ${sql.raw(germanCollation)}`,
    lastContactOn,
    status: sql`${households.status}`,
  }[q.sort];
  const matches = search?.kind === 'names' ? sql`(${search.matches}) AS m` : null;
  const rank = search?.kind === 'names' ? sql`m.rank` : search?.kind === 'caseNumber' ? search.rank : null;
  const counted = search ? null : countedTotal(scope.siteIds, q);
  const columns = {
    id: households.id,
    caseNumber: households.caseNumber,
    siteId: households.siteId,
    category: households.category,
    registeredOn: households.registeredOn,
    districtCode: households.districtCode,
    status: households.status,
    headName: households.headName,
    memberCount,
    lastContactOn,
    // a search counts its matches in the same statement that ranks them (it reads them all anyway)
    ...(search ? { matched: sql<number>`count(*) OVER ()` } : {}),
    // otherwise the total comes from household_counts, in the same round trip as the page
    ...(counted ? { matched: counted } : {}),
  };
  const from = db.select(columns).from(households);
  const joined = matches ? from.innerJoin(matches, sql`m.household_id = ${householdIdColumn}`) : from;
  const rows = await joined
    .where(where)
    .orderBy(
      // the best matches of a search first, then the chosen order among equally good ones
      ...(rank ? [rank] : []),
      q.order === 'desc' ? sql`${sortColumn} DESC NULLS LAST` : asc(sortColumn),
      desc(households.id),
    )
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const total =
    search || counted
      ? await pageTotal(db, rows, matches, where, q.page)
      : await householdListTotal(db, scope.siteIds, q, where);
  const filterNames = Object.keys(q).filter((k) => !['page', 'pageSize', 'sort', 'order'].includes(k));
  await auditAccess(db, ctx, { action: 'record.searched', entityType: 'household', fields: filterNames });
  return {
    items: rows.map(({ matched: _, ...r }: { matched?: number } & (typeof rows)[number]) => ({
      ...r,
      status: r.status as 'active',
      headName: r.headName ?? '',
      memberCount: Number(r.memberCount),
    })),
    total: Number(total),
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** The total the page carries (a search's `count(*) OVER ()`, or the counted total); counted again only for a page behind the last. */
async function pageTotal(
  db: CaseRequest['db'],
  rows: { matched?: number }[],
  matches: SQL | null,
  where: SQL | undefined,
  page: number,
): Promise<number> {
  if (rows.length > 0) return Number(rows[0].matched);
  if (page === 1) return 0;
  const from = db.select({ n: sql<number>`count(*)::int` }).from(households);
  const [{ n }] = await (matches
    ? from.innerJoin(matches, sql`m.household_id = ${householdIdColumn}`)
    : from
  ).where(where);
  return Number(n);
}
