import type { FastifyInstance } from 'fastify';
import { myDay as myDaySchema } from '../../../shared/schemas/casework.js';
import { idleVolunteers as idleSchema } from '../../../shared/schemas/myday.js';
import { type ModuleDeps, responses, typed } from '../../platform/http.js';
import { ownRequest } from '../followups/own.js';
import { volunteerRequest } from '../volunteers/scope.js';
import { myDay } from './service.js';
import { idleVolunteers } from './volunteers.js';

export function myDayRoutes(app: FastifyInstance, { database }: ModuleDeps) {
  typed(app).get(
    '/api/my-day',
    {
      config: { permission: 'followup.own' },
      schema: { tags: ['myday'], response: responses({ 200: myDaySchema }) },
    },
    async (request) => myDay(ownRequest(database.db, request)),
  );
  typed(app).get(
    '/api/start/idle-volunteers',
    {
      config: { permission: 'volunteer.read' },
      schema: { tags: ['myday'], response: responses({ 200: idleSchema }) },
    },
    async (request) => idleVolunteers(await volunteerRequest(database.db, request)),
  );
}
