import type { FastifyInstance } from 'fastify';
import {
  createActionBody,
  createEventBody,
  createParticipantBody,
  eventAction,
  eventActionList,
  eventDetail,
  eventIdParams,
  eventList,
  eventParticipant,
  eventParticipantList,
  eventParticipantParams,
  eventStaffList,
  eventStaffQuery,
  eventsStart,
  listEventsQuery,
  updateEventBody,
} from '../../../shared/schemas/events.js';
import { actorContext } from '../../platform/audit.js';
import { createRoute, deleteRoute, type ModuleDeps, responses, typed } from '../../platform/http.js';
import { createAction, listActions, listStaff, eventsStart as startOf } from './actions.js';
import { addParticipant, listParticipants, removeParticipant } from './participants.js';
import { networkScope } from './scope.js';
import { createEvent, getEvent, listEvents, updateEvent } from './service.js';

const tags = ['events'];

/** Routes of the events module: events and series, named participants, agreed actions (issue 9). */
export function eventRoutes(app: FastifyInstance, { database }: ModuleDeps) {
  const r = typed(app);
  const { db } = database;
  const read = { permission: 'network.read' as const };
  const write = { permission: 'network.write' as const };

  r.get(
    '/api/events',
    { config: read, schema: { tags, querystring: listEventsQuery, response: responses({ 200: eventList }) } },
    async (request) => listEvents(db, networkScope(request), request.query),
  );
  r.post(
    '/api/events',
    { config: write, schema: { tags, body: createEventBody, response: responses({ 201: eventDetail }) } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createEvent(db, actorContext(request), networkScope(request), request.body)),
  );
  r.get(
    '/api/events/start',
    { config: read, schema: { tags, response: responses({ 200: eventsStart }) } },
    async (request) => startOf(db, networkScope(request)),
  );
  r.get(
    '/api/events/staff',
    {
      config: read,
      schema: { tags, querystring: eventStaffQuery, response: responses({ 200: eventStaffList }) },
    },
    async (request) => listStaff(db, networkScope(request), request.query.siteId),
  );
  r.get(
    '/api/events/:id',
    { config: read, schema: { tags, params: eventIdParams, response: responses({ 200: eventDetail }) } },
    async (request) => getEvent(db, networkScope(request), request.params.id),
  );
  r.patch(
    '/api/events/:id',
    {
      config: write,
      schema: {
        tags,
        params: eventIdParams,
        body: updateEventBody,
        response: responses({ 200: eventDetail }),
      },
    },
    async (request) =>
      updateEvent(db, actorContext(request), networkScope(request), request.params.id, request.body),
  );
  r.get(
    '/api/events/:id/participants',
    {
      config: read,
      schema: { tags, params: eventIdParams, response: responses({ 200: eventParticipantList }) },
    },
    async (request) => listParticipants(db, actorContext(request), networkScope(request), request.params.id),
  );
  createRoute(
    app,
    '/api/events/:id/participants',
    { config: write, tags, params: eventIdParams, body: createParticipantBody, response: eventParticipant },
    (request, { id }, body) => addParticipant(db, actorContext(request), networkScope(request), id, body),
  );
  deleteRoute(
    app,
    '/api/events/:id/participants/:participantId',
    { config: write, tags, params: eventParticipantParams },
    (request, { id, participantId }) =>
      removeParticipant(db, actorContext(request), networkScope(request), id, participantId),
  );
  r.get(
    '/api/events/:id/actions',
    { config: read, schema: { tags, params: eventIdParams, response: responses({ 200: eventActionList }) } },
    async (request) => listActions(db, networkScope(request), request.params.id),
  );
  createRoute(
    app,
    '/api/events/:id/actions',
    { config: write, tags, params: eventIdParams, body: createActionBody, response: eventAction },
    (request, { id }, body) => createAction(db, actorContext(request), networkScope(request), id, body),
  );
}
