import { and, asc, eq, gte, lte, min } from 'drizzle-orm';
import { todayBerlin } from '../../../shared/dates.js';
import type {
  Certificate,
  CreateHoursBody,
  HoursEntry,
  HoursYear,
} from '../../../shared/schemas/volunteers.js';
import { assignmentKinds } from '../../../shared/schemas/volunteers.js';
import { sites, volunteerAssignments, volunteerHours } from '../../db/schema/index.js';
import { audit, auditRead, changedFields, writeTransaction } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { fieldError } from '../../platform/errors.js';
import { assertPastDate } from './present.js';
import { findVolunteer, type VolunteerRequest } from './scope.js';

/** Hours given on a day, logged by the coordinator on the volunteer's behalf. */
export async function logHours(req: VolunteerRequest, volunteerId: string, body: CreateHoursBody) {
  assertPastDate(body.date, 'date');
  const id = await writeTransaction(req.db, async (tx) => {
    const volunteer = await findVolunteer(tx, req, volunteerId, true);
    if (body.assignmentId) {
      const [a] = await tx
        .select({ startsOn: volunteerAssignments.startsOn })
        .from(volunteerAssignments)
        .where(
          and(
            eq(volunteerAssignments.id, body.assignmentId),
            eq(volunteerAssignments.volunteerId, volunteerId),
          ),
        );
      if (!a) throw fieldError('unknownAssignment', 'assignmentId');
    }
    const [row] = await tx
      .insert(volunteerHours)
      .values({
        volunteerId,
        assignmentId: body.assignmentId ?? null,
        date: body.date,
        hours: Math.round(body.hours * 100) / 100,
        note: body.note ?? null,
        loggedBy: req.userId,
      })
      .returning({ id: volunteerHours.id });
    await audit(tx, req.ctx, {
      action: 'volunteer.hours_logged',
      entityType: 'volunteerHours',
      entityId: row.id,
      siteId: volunteer.siteId,
      fields: changedFields(body),
    });
    return row.id;
  });
  const year = Number(body.date.slice(0, 4));
  return (await yearEntries(req.db, volunteerId, year)).find((e) => e.id === id) as HoursEntry;
}

async function yearEntries(db: Db, volunteerId: string, year: number): Promise<HoursEntry[]> {
  const rows = await db
    .select({ h: volunteerHours, kind: volunteerAssignments.kind })
    .from(volunteerHours)
    .leftJoin(volunteerAssignments, eq(volunteerAssignments.id, volunteerHours.assignmentId))
    .where(
      and(
        eq(volunteerHours.volunteerId, volunteerId),
        gte(volunteerHours.date, `${year}-01-01`),
        lte(volunteerHours.date, `${year}-12-31`),
      ),
    )
    .orderBy(asc(volunteerHours.date), asc(volunteerHours.createdAt));
  return rows.map(({ h, kind }) => ({
    id: h.id,
    date: h.date,
    hours: Number(h.hours),
    assignmentId: h.assignmentId,
    kind: (kind ?? null) as HoursEntry['kind'],
    note: h.note,
  }));
}

/** Sums in quarter hours (exact in binary), per assignment kind in a fixed order, none last. */
function sums(items: HoursEntry[]) {
  const quarters = (xs: HoursEntry[]) => xs.reduce((s, e) => s + Math.round(e.hours * 4), 0) / 4;
  const byKind = [...assignmentKinds, null]
    .map((kind) => ({ kind, hours: quarters(items.filter((e) => e.kind === kind)) }))
    .filter((k) => k.hours > 0);
  return { byKind, total: quarters(items) };
}

export async function hoursOfYear(
  req: VolunteerRequest,
  volunteerId: string,
  year?: number,
): Promise<HoursYear> {
  const volunteer = await findVolunteer(req.db, req, volunteerId);
  const y = year ?? Number(todayBerlin().slice(0, 4));
  const items = await yearEntries(req.db, volunteerId, y);
  await auditRead(req.db, req.ctx, 'volunteerHours', volunteerId, volunteer.siteId);
  return { year: y, items, ...sums(items) };
}

/** The data of the Ehrenamtsnachweis of a year: the hours per kind of assignment and the total. */
export async function certificateOfYear(
  req: VolunteerRequest,
  volunteerId: string,
  year?: number,
): Promise<Certificate> {
  const volunteer = await findVolunteer(req.db, req, volunteerId);
  const y = year ?? Number(todayBerlin().slice(0, 4));
  const items = await yearEntries(req.db, volunteerId, y);
  const [site] = await req.db.select({ name: sites.name }).from(sites).where(eq(sites.id, volunteer.siteId));
  const [first] = await req.db
    .select({ on: min(volunteerAssignments.startsOn) })
    .from(volunteerAssignments)
    .where(eq(volunteerAssignments.volunteerId, volunteerId));
  await auditRead(req.db, req.ctx, 'volunteer', volunteerId, volunteer.siteId);
  return {
    year: y,
    firstName: volunteer.firstName,
    lastName: volunteer.lastName,
    siteName: site.name,
    firstActiveOn: first?.on ?? null,
    ...sums(items),
    issuedOn: todayBerlin(),
  };
}
