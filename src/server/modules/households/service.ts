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
import { householdListTotal } from './list-total.js';
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

const headName = sql<string>`(SELECT p.last_name || ', ' || p.first_name FROM persons p
  WHERE p.household_id = ${householdIdColumn}
  ORDER BY (p.role_in_household = 'head') DESC, p.left_on IS NOT NULL, p.created_at, p.id LIMIT 1)`;
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
  const search = q.q ? householdSearch(q.q) : null;
  if (search) filters.push(search.where);
  filters.push(restrictedFilter(scope, q.restricted === 'true'));
  const where = and(...filters);
  const sortColumn = {
    caseNumber: sql`${households.caseNumber}`,
    registeredOn: sql`${households.registeredOn}`,
    headName: sql`${headName} COLLATE ${sql.raw(germanCollation)}`,
    lastContactOn,
    status: sql`${households.status}`,
  }[q.sort];
  const rows = await db
    .select({
      id: households.id,
      caseNumber: households.caseNumber,
      siteId: households.siteId,
      category: households.category,
      registeredOn: households.registeredOn,
      districtCode: households.districtCode,
      status: households.status,
      headName,
      memberCount,
      lastContactOn,
    })
    .from(households)
    .where(where)
    .orderBy(
      // the best matches of a search first, then the chosen order among equally good ones
      ...(search ? [search.rank] : []),
      q.order === 'desc' ? sql`${sortColumn} DESC NULLS LAST` : asc(sortColumn),
      desc(households.id),
    )
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const total = await householdListTotal(db, scope.siteIds, q, where);
  const filterNames = Object.keys(q).filter((k) => !['page', 'pageSize', 'sort', 'order'].includes(k));
  await auditAccess(db, ctx, { action: 'record.searched', entityType: 'household', fields: filterNames });
  return {
    items: rows.map((r) => ({
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
