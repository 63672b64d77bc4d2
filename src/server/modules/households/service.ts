import { eq } from 'drizzle-orm';
import type { CreateHouseholdBody, UpdateHouseholdBody } from '../../../shared/schemas/households.js';
import { households, persons, recentHouseholds } from '../../db/schema/index.js';
import { inScope } from '../../platform/access.js';
import { audit, auditAccess, changedFields, writeTransaction } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { fieldError } from '../../platform/errors.js';
import { type CaseRequest, caseWrite } from '../casework/write.js';
import {
  type ListQuery,
  type ListValues,
  listValues,
  listWhere,
  type RestrictedMode,
  restrictedMode,
  searchMatches,
} from './list-filters.js';
import { preparedPage } from './list-query.js';
import { type HouseholdSearch, householdSearch } from './list-search.js';
import { cachedSearchPage } from './list-search-cached.js';
import { searchPageQuery } from './list-search-page.js';
import { householdListTotal, isCounted, pageKeys } from './list-total.js';
import { nameKey } from './name-key.js';
import { presentHousehold } from './presenter.js';
import { findHouseholdInScope, loadMembers, nextCaseNumber } from './repository.js';
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

/** A page and its total ranked by the database (no search, or a search the cache does not keep). */
async function rankedPage(
  db: Db,
  q: ListQuery,
  mode: RestrictedMode,
  search: HouseholdSearch | null,
  values: ListValues,
  n: number,
) {
  const found =
    search?.kind === 'none'
      ? []
      : search
        ? await searchPageQuery(db, q, n, mode, search).execute(values)
        : await preparedPage(db, q, n, mode).execute(values);
  const total =
    found.length > 0 && found[0].matched !== undefined
      ? Number(found[0].matched)
      : (search || isCounted(q)) && q.page === 1
        ? 0
        : await householdListTotal(db, values, {
            where: listWhere(q, n, mode, search),
            matches: searchMatches(search),
          });
  return { rows: found.map(({ matched: _, ...r }) => r), total };
}

/**
 * A page of the list. Without a search the page and its total are one prepared statement per shape
 * (`list-query.ts`); a search runs its own statement, which counts its matches as it ranks them.
 */
export async function listHouseholds({ db, ctx, scope }: CaseRequest, q: ListQuery) {
  if (scope.siteIds.length === 0) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const sites = q.siteId ? scope.siteIds.filter((id) => id === q.siteId) : scope.siteIds;
  const search = q.q ? householdSearch(q.q, sites) : null;
  const mode = restrictedMode(scope, q);
  const values = listValues(scope, q);
  const n = scope.siteIds.length;
  const cached =
    search && search.kind !== 'none'
      ? await cachedSearchPage(db, q, scope.siteIds, sites, mode, search, values)
      : null;
  const { rows, total } = cached ?? (await rankedPage(db, q, mode, search, values, n));
  const filterNames = Object.keys(q).filter((k) => !pageKeys.has(k));
  await auditAccess(db, ctx, { action: 'record.searched', entityType: 'household', fields: filterNames });
  return {
    items: rows.map((r) => ({
      ...r,
      status: r.status as 'active',
      headName: r.headName ?? '',
      memberCount: Number(r.memberCount),
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
