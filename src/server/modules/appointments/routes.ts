import type { FastifyInstance } from 'fastify';
import {
  appointment,
  appointmentList,
  appointmentsQuery,
  createAppointmentBody,
  recordIdParams,
  updateAppointmentBody,
} from '../../../shared/schemas/casework.js';
import { householdIdParams } from '../../../shared/schemas/households.js';
import { caseScope } from '../../platform/access.js';
import { actorContext } from '../../platform/audit.js';
import { type ModuleDeps, responses, typed } from '../../platform/http.js';
import { createAppointment, listAgenda, listHouseholdAppointments, updateAppointment } from './service.js';

const tags = ['appointments'];

export function appointmentRoutes(app: FastifyInstance, { database }: ModuleDeps) {
  const r = typed(app);
  const { db } = database;
  const read = { permission: 'household.read' as const };
  const write = { permission: 'household.write' as const };

  r.post(
    '/api/households/:id/appointments',
    {
      config: write,
      schema: {
        tags,
        params: householdIdParams,
        body: createAppointmentBody,
        response: responses({ 201: appointment }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createAppointment(
            db,
            actorContext(request),
            caseScope(request),
            request.params.id,
            request.body,
          ),
        ),
  );
  r.get(
    '/api/households/:id/appointments',
    {
      config: read,
      schema: { tags, params: householdIdParams, response: responses({ 200: appointmentList }) },
    },
    async (request) =>
      listHouseholdAppointments(db, actorContext(request), caseScope(request), request.params.id),
  );
  r.get(
    '/api/appointments',
    {
      config: read,
      schema: { tags, querystring: appointmentsQuery, response: responses({ 200: appointmentList }) },
    },
    async (request) => listAgenda(db, actorContext(request), caseScope(request), request.query),
  );
  r.patch(
    '/api/appointments/:id',
    {
      config: write,
      schema: {
        tags,
        params: recordIdParams,
        body: updateAppointmentBody,
        response: responses({ 200: appointment }),
      },
    },
    async (request) =>
      updateAppointment(db, actorContext(request), caseScope(request), request.params.id, request.body),
  );
}
