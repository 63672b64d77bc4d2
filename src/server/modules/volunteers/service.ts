import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type {
  CreateVolunteerBody,
  UpdateVolunteerBody,
  Volunteer,
  VolunteerListQuery,
} from '../../../shared/schemas/volunteers.js';
import { volunteerChecks, volunteers } from '../../db/schema/index.js';
import { audit, auditAccess, auditRead, changedFields, writeTransaction } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { fieldError } from '../../platform/errors.js';
import { nameKey } from '../households/name-key.js';
import { assertLanguages } from '../households/validate.js';
import { tolerantMatch } from '../network/search-key.js';
import { assertCodes } from '../reference/validate.js';
import { listAssignments } from './assignments.js';
import {
  assertPastDate,
  byName,
  conductState,
  presentCheck,
  presentListItem,
  presentListItems,
} from './present.js';
import { findVolunteer, targetSite, type VolunteerRequest, type VolunteerRow } from './scope.js';

type Fields = Partial<CreateVolunteerBody>;

/** Codes, languages and dates of a create or a patch (merged with the stored row for the date order). */
async function validate(db: Db, body: Fields, stored?: VolunteerRow) {
  assertLanguages(body.languages, 'languages');
  await assertCodes(db, [
    ...(body.districtCodes ?? []).map((code, i) => ({
      list: 'districts' as const,
      code,
      path: `districtCodes.${i}`,
    })),
    ...(body.interests ?? []).map((code, i) => ({
      list: 'life-areas' as const,
      code,
      path: `interests.${i}`,
    })),
  ]);
  assertPastDate(body.consentGivenOn, 'consentGivenOn');
  assertPastDate(body.consentWithdrawnOn, 'consentWithdrawnOn');
  const given = body.consentGivenOn !== undefined ? body.consentGivenOn : stored?.consentGivenOn;
  const withdrawn =
    body.consentWithdrawnOn !== undefined ? body.consentWithdrawnOn : stored?.consentWithdrawnOn;
  if (withdrawn && given && withdrawn < given) throw fieldError('beforeConsentGiven', 'consentWithdrawnOn');
}

const unique = <T>(xs: T[] | undefined) => (xs ? [...new Set(xs)] : undefined);

function columns(body: Fields) {
  return {
    firstName: body.firstName,
    lastName: body.lastName,
    firstKey: body.firstName === undefined ? undefined : nameKey(body.firstName),
    lastKey: body.lastName === undefined ? undefined : nameKey(body.lastName),
    email: body.email,
    phone: body.phone,
    languages: unique(body.languages),
    districtCodes: unique(body.districtCodes),
    skills: unique(body.skills),
    interests: unique(body.interests),
    status: body.status,
    source: body.source,
    availability: body.availability,
    hasRefugeeBackground: body.hasRefugeeBackground,
    consentGivenOn: body.consentGivenOn,
    consentWithdrawnOn: body.consentWithdrawnOn,
    note: body.note,
  };
}

export async function createVolunteer(req: VolunteerRequest, body: CreateVolunteerBody) {
  const siteId = targetSite(req, body.siteId);
  const id = await writeTransaction(req.db, async (tx) => {
    await validate(tx, body);
    const { firstName, lastName } = body;
    const [row] = await tx
      .insert(volunteers)
      .values({ ...columns(body), firstName, lastName, siteId, createdBy: req.userId })
      .returning({ id: volunteers.id });
    await audit(tx, req.ctx, {
      action: 'volunteer.created',
      entityType: 'volunteer',
      entityId: row.id,
      siteId,
      fields: changedFields(body),
    });
    return row.id;
  });
  return loadVolunteer(req.db, req, id);
}

export async function updateVolunteer(req: VolunteerRequest, id: string, body: UpdateVolunteerBody) {
  await writeTransaction(req.db, async (tx) => {
    const stored = await findVolunteer(tx, req, id, true);
    await validate(tx, body, stored);
    await tx
      .update(volunteers)
      .set({ ...columns(body), updatedAt: new Date() })
      .where(eq(volunteers.id, id));
    await audit(tx, req.ctx, {
      action: 'volunteer.updated',
      entityType: 'volunteer',
      entityId: id,
      siteId: stored.siteId,
      fields: changedFields(body),
    });
  });
  return loadVolunteer(req.db, req, id);
}

/** The whole record: fields, checks (newest first), assignments with what was released of households. */
export async function loadVolunteer(db: Db, req: VolunteerRequest, id: string): Promise<Volunteer> {
  const row = await findVolunteer(db, req, id);
  const checks = await db
    .select()
    .from(volunteerChecks)
    .where(eq(volunteerChecks.volunteerId, id))
    .orderBy(desc(volunteerChecks.date), desc(volunteerChecks.createdAt));
  const until =
    checks
      .filter((c) => c.kind === 'certificateOfConduct' && c.validUntil)
      .map((c) => c.validUntil as string)
      .sort()
      .at(-1) ?? null;
  return {
    ...presentListItem(row, until),
    conduct: { state: conductState(until), validUntil: until },
    email: row.email,
    phone: row.phone,
    skills: row.skills,
    interests: row.interests,
    source: row.source as Volunteer['source'],
    availability: row.availability as Volunteer['availability'],
    hasRefugeeBackground: row.hasRefugeeBackground,
    consentGivenOn: row.consentGivenOn,
    consentWithdrawnOn: row.consentWithdrawnOn,
    note: row.note,
    checks: checks.map(presentCheck),
    assignments: await listAssignments(db, [id]),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function getVolunteer(req: VolunteerRequest, id: string) {
  const volunteer = await loadVolunteer(req.db, req, id);
  await auditRead(req.db, req.ctx, 'volunteer', id, volunteer.siteId);
  return volunteer;
}

/**
 * The user's volunteers, filtered and paged. Sorting by name is done here with German collation
 * (PGlite has no ICU collations); a site keeps a few hundred volunteers, so the filtered set is small.
 */
export async function listVolunteers(req: VolunteerRequest, query: VolunteerListQuery) {
  if (query.siteId && !req.siteIds.includes(query.siteId)) throw fieldError('notYourSite', 'siteId');
  const siteIds = query.siteId ? [query.siteId] : req.siteIds;
  if (siteIds.length === 0) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  const where = and(
    inArray(volunteers.siteId, siteIds),
    query.status ? eq(volunteers.status, query.status) : undefined,
    query.language ? sql`${query.language} = ANY(${volunteers.languages})` : undefined,
    query.districtCode ? sql`${query.districtCode} = ANY(${volunteers.districtCodes})` : undefined,
    tolerantMatch(
      query.q,
      [volunteers.firstKey, volunteers.lastKey],
      [volunteers.firstName, volunteers.lastName],
    ) ?? undefined,
  );
  const order = query.sort === '-createdAt' ? desc(volunteers.createdAt) : asc(volunteers.createdAt);
  let rows = await req.db.select().from(volunteers).where(where).orderBy(order, asc(volunteers.id));
  if (query.sort === 'name') rows = rows.sort(byName);
  if (query.sort === '-name') rows = rows.sort((a, b) => byName(b, a));
  const start = (query.page - 1) * query.pageSize;
  const items = await presentListItems(req.db, rows.slice(start, start + query.pageSize));
  await auditAccess(req.db, req.ctx, {
    action: 'record.searched',
    entityType: 'volunteer',
    fields: Object.entries(query)
      .filter(([k, v]) => v !== undefined && !['page', 'pageSize', 'sort'].includes(k))
      .map(([k]) => k),
  });
  return { items, total: rows.length, page: query.page, pageSize: query.pageSize };
}
