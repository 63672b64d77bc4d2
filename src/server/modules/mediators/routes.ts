import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { uuid } from '../../../shared/schemas/common.js';
import {
  availableList,
  availableQuery,
  booking,
  bookingList,
  bookingsQuery,
  createBookingBody,
  createMediatorBody,
  figuresQuery,
  mediatorFigures as figuresResponse,
  mediator,
  mediatorList,
  mediatorsQuery,
  updateBookingBody,
  updateMediatorBody,
} from '../../../shared/schemas/mediators.js';
import { caseScope } from '../../platform/access.js';
import { actorContext } from '../../platform/audit.js';
import { currentUser } from '../../platform/auth/guard.js';
import { type ModuleDeps, responses, typed } from '../../platform/http.js';
import { assertLanguage } from '../households/validate.js';
import { availableMediators } from './available.js';
import { mediatorFigures } from './figures.js';
import { createMediator, getMediator, listMediators, updateMediator } from './pool.js';
import { type Booker, createBooking, listBookings, updateBooking } from './service.js';

const tags = ['mediators'];
const idParams = z.object({ id: uuid });
const read = { permission: 'mediator.read' as const };
const manage = { permission: 'mediator.manage' as const };
const book = { permission: 'mediator.book' as const };

function booker(request: FastifyRequest): Booker {
  const user = currentUser(request);
  return { ctx: actorContext(request), role: user.role, siteIds: user.siteIds, scope: caseScope(request) };
}

/** Language mediators (Sprachmittler*innen): the pool, availability, bookings and their figures. */
export function mediatorRoutes(app: FastifyInstance, { database }: ModuleDeps) {
  const r = typed(app);
  const { db } = database;

  r.get(
    '/api/mediators',
    {
      config: read,
      schema: { tags, querystring: mediatorsQuery, response: responses({ 200: mediatorList }) },
    },
    async (request) => {
      assertLanguage(request.query.language, 'language');
      return listMediators(db, request.query);
    },
  );
  r.post(
    '/api/mediators',
    { config: manage, schema: { tags, body: createMediatorBody, response: responses({ 201: mediator }) } },
    async (request, reply) =>
      reply.status(201).send(await createMediator(db, actorContext(request), request.body)),
  );
  // static paths before /:id
  r.get(
    '/api/mediators/available',
    {
      config: book,
      schema: { tags, querystring: availableQuery, response: responses({ 200: availableList }) },
    },
    async (request) => availableMediators(db, request.query),
  );
  r.get(
    '/api/mediators/figures',
    {
      config: { permission: 'statistics.read' as const },
      schema: { tags, querystring: figuresQuery, response: responses({ 200: figuresResponse }) },
    },
    async (request) => {
      const user = currentUser(request);
      return mediatorFigures(db, { role: user.role, siteIds: user.siteIds }, request.query);
    },
  );
  r.get(
    '/api/mediators/:id',
    { config: read, schema: { tags, params: idParams, response: responses({ 200: mediator }) } },
    async (request) => getMediator(db, request.params.id),
  );
  r.patch(
    '/api/mediators/:id',
    {
      config: manage,
      schema: { tags, params: idParams, body: updateMediatorBody, response: responses({ 200: mediator }) },
    },
    async (request) => updateMediator(db, actorContext(request), request.params.id, request.body),
  );

  r.post(
    '/api/mediator-bookings',
    { config: book, schema: { tags, body: createBookingBody, response: responses({ 201: booking }) } },
    async (request, reply) => reply.status(201).send(await createBooking(db, booker(request), request.body)),
  );
  r.get(
    '/api/mediator-bookings',
    { config: book, schema: { tags, querystring: bookingsQuery, response: responses({ 200: bookingList }) } },
    async (request) => listBookings(db, booker(request), request.query),
  );
  r.patch(
    '/api/mediator-bookings/:id',
    {
      config: book,
      schema: { tags, params: idParams, body: updateBookingBody, response: responses({ 200: booking }) },
    },
    async (request) => updateBooking(db, booker(request), request.params.id, request.body),
  );
}
