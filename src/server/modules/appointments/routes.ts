import * as s from '../../../shared/schemas/casework.js';
import { correctAppointmentBody } from '../../../shared/schemas/corrections.js';
import { caseRoutes } from '../casework/routes.js';
import * as service from './service.js';

/** A household's appointments; `GET /api/appointments` is the agenda of my sites (a day, a site). */
export const appointmentRoutes = caseRoutes({
  path: 'appointments',
  create: { body: s.createAppointmentBody, response: s.appointment, handler: service.createAppointment },
  list: { response: s.appointmentList, handler: service.listHouseholdAppointments },
  across: { querystring: s.appointmentsQuery, response: s.appointmentList, handler: service.listAgenda },
  byId: { body: s.updateAppointmentBody, response: s.appointment, handler: service.updateAppointment },
  correct: { body: correctAppointmentBody, response: s.appointment, handler: service.correctAppointment },
  remove: service.removeAppointment,
});
