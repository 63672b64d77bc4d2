import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { createParticipantBody, EventParticipant } from '../../../shared/schemas/events.js';
import { eventParticipants, volunteers } from '../../db/schema/index.js';
import {
  type ActorContext,
  audit,
  auditAccess,
  changedFields,
  writeTransaction,
} from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { findEventInScope, type NetworkScope } from './scope.js';
import { assertEventDate } from './validate.js';

type CreateParticipantBody = z.infer<typeof createParticipantBody>;

function present(row: typeof eventParticipants.$inferSelect): EventParticipant {
  return {
    id: row.id,
    eventId: row.eventId,
    name: row.name,
    group: row.participantGroup as EventParticipant['group'],
    volunteerId: row.volunteerId,
    consentedOn: row.consentedOn,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Named participants: only people who agreed to be named; reading them is audited. */
export async function listParticipants(db: Db, ctx: ActorContext, scope: NetworkScope, eventId: string) {
  const event = await findEventInScope(db, scope, eventId);
  const rows = await db
    .select()
    .from(eventParticipants)
    .where(eq(eventParticipants.eventId, eventId))
    .orderBy(asc(eventParticipants.createdAt), asc(eventParticipants.id));
  await auditAccess(db, ctx, {
    action: 'record.read',
    entityType: 'eventParticipant',
    entityId: eventId,
    siteId: event.siteId,
  });
  return rows.map(present);
}

export async function addParticipant(
  db: Db,
  ctx: ActorContext,
  scope: NetworkScope,
  eventId: string,
  body: CreateParticipantBody,
) {
  await findEventInScope(db, scope, eventId);
  assertEventDate(body.consentedOn, 'consentedOn');
  if (body.volunteerId) {
    const [v] = await db
      .select({ id: volunteers.id })
      .from(volunteers)
      .where(eq(volunteers.id, body.volunteerId));
    if (!v) throw fieldError('unknownVolunteer', 'volunteerId');
  }
  return writeTransaction(db, async (tx) => {
    const event = await findEventInScope(tx, scope, eventId, true);
    const [row] = await tx
      .insert(eventParticipants)
      .values({
        eventId,
        name: body.name,
        participantGroup: body.group,
        volunteerId: body.volunteerId ?? null,
        consentedOn: body.consentedOn,
      })
      .returning();
    if (!row) throw new Error('participant not inserted');
    await audit(tx, ctx, {
      action: 'event.participant_added',
      entityType: 'eventParticipant',
      entityId: row.id,
      siteId: event.siteId,
      fields: changedFields(body),
    });
    return present(row);
  });
}

export async function removeParticipant(
  db: Db,
  ctx: ActorContext,
  scope: NetworkScope,
  eventId: string,
  participantId: string,
) {
  return writeTransaction(db, async (tx) => {
    const event = await findEventInScope(tx, scope, eventId, true);
    const deleted = await tx
      .delete(eventParticipants)
      .where(and(eq(eventParticipants.id, participantId), eq(eventParticipants.eventId, eventId)))
      .returning({ id: eventParticipants.id });
    if (deleted.length === 0) throw new AppError('NOT_FOUND');
    await audit(tx, ctx, {
      action: 'event.participant_removed',
      entityType: 'eventParticipant',
      entityId: participantId,
      siteId: event.siteId,
    });
  });
}
