import type { FastifyInstance } from 'fastify';
import * as s from '../../../shared/schemas/casework.js';
import type { ModuleDeps } from '../../platform/http.js';
import { caseRecordRoutes, householdSubRoutes } from '../casework/routes.js';
import { createAppointment, listAgenda, listHouseholdAppointments, updateAppointment } from './service.js';

const tags = ['appointments'];

export function appointmentRoutes(app: FastifyInstance, { database }: ModuleDeps) {
  householdSubRoutes(app, database.db, {
    tags,
    path: 'appointments',
    create: { body: s.createAppointmentBody, response: s.appointment, handler: createAppointment },
    list: { response: s.appointmentList, handler: listHouseholdAppointments },
  });
  // the agenda of my sites, and any appointment of my sites by its own id
  caseRecordRoutes(app, database.db, {
    tags,
    path: 'appointments',
    list: { querystring: s.appointmentsQuery, response: s.appointmentList, handler: listAgenda },
    update: { body: s.updateAppointmentBody, response: s.appointment, handler: updateAppointment },
  });
}
