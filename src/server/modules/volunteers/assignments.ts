import { and, desc, eq, inArray } from 'drizzle-orm';
import { todayBerlin } from '../../../shared/dates.js';
import type {
  Assignment,
  CreateAssignmentBody,
  ProposeVolunteerBody,
  UpdateAssignmentBody,
} from '../../../shared/schemas/volunteers.js';
import { events, households, offers, volunteerAssignments, volunteers } from '../../db/schema/index.js';
import { type AuditTx, audit, auditAccess, changedFields, writeTransaction } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { type CaseRequest, caseWrite } from '../casework/write.js';
import { assertPlanDate } from './present.js';
import { assertVolunteerConsent, releasedHouseholds, unsafeHouseholdForVolunteers } from './release.js';
import { findVolunteer, type VolunteerRequest } from './scope.js';

/** The assignments of volunteers, newest first, with titles and the released view of households. */
export async function listAssignments(db: Db, volunteerIds: string[], ids?: string[]): Promise<Assignment[]> {
  if (volunteerIds.length === 0) return [];
  const rows = await db
    .select({
      a: volunteerAssignments,
      caseNumber: households.caseNumber,
      householdLanguages: households.languages,
      offerTitle: offers.title,
      eventTitle: events.title,
    })
    .from(volunteerAssignments)
    .leftJoin(households, eq(households.id, volunteerAssignments.householdId))
    .leftJoin(offers, eq(offers.id, volunteerAssignments.offerId))
    .leftJoin(events, eq(events.id, volunteerAssignments.eventId))
    .where(
      and(
        inArray(volunteerAssignments.volunteerId, volunteerIds),
        ids ? inArray(volunteerAssignments.id, ids) : undefined,
      ),
    )
    .orderBy(desc(volunteerAssignments.startsOn), desc(volunteerAssignments.createdAt));
  const homes = new Map<string, { id: string; caseNumber: string; languages: string[] }>();
  for (const r of rows) {
    if (r.a.householdId && r.caseNumber)
      homes.set(r.a.householdId, {
        id: r.a.householdId,
        caseNumber: r.caseNumber,
        languages: r.householdLanguages ?? [],
      });
  }
  const released = await releasedHouseholds(db, [...homes.values()]);
  return rows.map(({ a, offerTitle, eventTitle }) => ({
    id: a.id,
    volunteerId: a.volunteerId,
    kind: a.kind as Assignment['kind'],
    status: a.status as Assignment['status'],
    startsOn: a.startsOn,
    endsOn: a.endsOn,
    householdId: a.householdId,
    offerId: a.offerId,
    eventId: a.eventId,
    targetTitle: offerTitle ?? eventTitle ?? null,
    household: a.householdId ? (released.get(a.householdId) ?? null) : null,
    note: a.note,
    createdAt: a.createdAt.toISOString(),
  }));
}

async function presentOne(db: Db, volunteerId: string, id: string) {
  const [one] = await listAssignments(db, [volunteerId], [id]);
  return one;
}

function assertPeriod(startsOn: string, endsOn: string | null | undefined) {
  assertPlanDate(startsOn, 'startsOn');
  assertPlanDate(endsOn, 'endsOn');
  if (endsOn && endsOn < startsOn) throw fieldError('endNotAfterStart', 'endsOn');
}

/** Exactly one of household, offer, event; the household only with its consent (else 409, nothing written). */
async function assignmentTarget(tx: Db, siteId: string, body: CreateAssignmentBody) {
  const given = (['householdId', 'offerId', 'eventId'] as const).filter((k) => body[k]);
  if (given.length !== 1) throw fieldError('exactlyOneTarget', given[1] ?? 'householdId');
  if (body.householdId) {
    await unsafeHouseholdForVolunteers(tx, [siteId], { id: body.householdId }, true);
    await assertVolunteerConsent(tx, body.householdId, 'householdId');
    return { kind: 'mentorship' as const, householdId: body.householdId };
  }
  if (body.offerId) {
    const [offer] = await tx.select({ id: offers.id }).from(offers).where(eq(offers.id, body.offerId));
    if (!offer) throw fieldError('unknownOffer', 'offerId');
    return { kind: 'offer' as const, offerId: body.offerId };
  }
  const eventId = body.eventId as string;
  const [event] = await tx.select({ id: events.id }).from(events).where(eq(events.id, eventId));
  if (!event) throw fieldError('unknownEvent', 'eventId');
  return { kind: 'event' as const, eventId };
}

export async function createAssignment(
  req: VolunteerRequest,
  volunteerId: string,
  body: CreateAssignmentBody,
) {
  assertPeriod(body.startsOn, body.endsOn);
  const id = await writeTransaction(req.db, async (tx) => {
    const volunteer = await findVolunteer(tx, req, volunteerId, true);
    const target = await assignmentTarget(tx, volunteer.siteId, body);
    const [row] = await tx
      .insert(volunteerAssignments)
      .values({
        volunteerId,
        ...target,
        startsOn: body.startsOn,
        endsOn: body.endsOn ?? null,
        status: 'active',
        note: body.note ?? null,
        createdBy: req.userId,
      })
      .returning({ id: volunteerAssignments.id });
    await audit(tx, req.ctx, {
      action: 'volunteer.assignment_created',
      entityType: 'volunteerAssignment',
      entityId: row.id,
      siteId: volunteer.siteId,
      fields: changedFields(body),
    });
    return row.id;
  });
  return presentOne(req.db, volunteerId, id);
}

const nextStatuses: Record<string, string[]> = {
  proposed: ['active', 'ended'],
  active: ['ended'],
  ended: [],
};

/** The coordinator confirms a proposal (→ active) or ends an assignment; a confirmation re-checks consent. */
export async function updateAssignment(
  req: VolunteerRequest,
  volunteerId: string,
  assignmentId: string,
  body: UpdateAssignmentBody,
) {
  await writeTransaction(req.db, async (tx) => {
    const volunteer = await findVolunteer(tx, req, volunteerId, true);
    const [row] = await tx
      .select()
      .from(volunteerAssignments)
      .where(
        and(eq(volunteerAssignments.id, assignmentId), eq(volunteerAssignments.volunteerId, volunteerId)),
      )
      .for('update');
    if (!row) throw new AppError('NOT_FOUND');
    if (!nextStatuses[row.status]?.includes(body.status))
      throw fieldError('assignmentStatusChange', 'status', undefined, 'CONFLICT');
    const endsOn =
      body.endsOn !== undefined ? body.endsOn : body.status === 'ended' ? todayBerlin() : row.endsOn;
    if (endsOn) {
      assertPlanDate(endsOn, 'endsOn');
      if (endsOn < row.startsOn) throw fieldError('endNotAfterStart', 'endsOn');
    }
    if (body.status === 'active' && row.householdId) {
      await unsafeHouseholdForVolunteers(tx, [volunteer.siteId], { id: row.householdId }, true);
      await assertVolunteerConsent(tx, row.householdId, 'status');
    }
    await tx
      .update(volunteerAssignments)
      .set({ status: body.status, endsOn })
      .where(eq(volunteerAssignments.id, assignmentId));
    await audit(tx, req.ctx, {
      action: 'volunteer.assignment_updated',
      entityType: 'volunteerAssignment',
      entityId: assignmentId,
      siteId: volunteer.siteId,
      fields: changedFields(body),
    });
  });
  return presentOne(req.db, volunteerId, assignmentId);
}

/**
 * A caseworker proposes a volunteer of the household's site (`volunteer.propose`): the household is
 * locked in the caseworker's scope by `caseWrite`, the consent is checked as for an assignment.
 */
export function proposeVolunteer(req: CaseRequest, householdId: string, body: ProposeVolunteerBody) {
  return caseWrite(req, householdId, async (tx: AuditTx, h) => {
    const [volunteer] = await tx
      .select({ id: volunteers.id })
      .from(volunteers)
      .where(and(eq(volunteers.id, body.volunteerId), eq(volunteers.siteId, h.siteId)));
    if (!volunteer) throw fieldError('unknownVolunteer', 'volunteerId');
    await assertVolunteerConsent(tx, householdId, 'volunteerId');
    const [row] = await tx
      .insert(volunteerAssignments)
      .values({
        volunteerId: body.volunteerId,
        householdId,
        kind: 'mentorship',
        startsOn: todayBerlin(),
        status: 'proposed',
        note: body.note ?? null,
        createdBy: req.scope.userId,
      })
      .returning({ id: volunteerAssignments.id });
    await audit(tx, req.ctx, {
      action: 'volunteer.proposed',
      entityType: 'volunteerAssignment',
      entityId: row.id,
      siteId: h.siteId,
      fields: changedFields(body),
    });
    return presentOne(tx, body.volunteerId, row.id);
  });
}

/** The coordinator types a case number: the household's released fields, or 409 without consent. */
export async function lookupHousehold(req: VolunteerRequest, caseNumber: string) {
  const h = await unsafeHouseholdForVolunteers(req.db, req.siteIds, { caseNumber });
  await assertVolunteerConsent(req.db, h.id, 'caseNumber');
  const released = (await releasedHouseholds(req.db, [h])).get(h.id);
  await auditAccess(req.db, req.ctx, {
    action: 'record.read',
    entityType: 'household',
    entityId: h.id,
    siteId: h.siteId,
    fields: ['contactName', 'phone', 'languages'],
  });
  return released as NonNullable<typeof released>;
}
