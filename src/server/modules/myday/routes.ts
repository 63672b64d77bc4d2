import type { FastifyInstance } from 'fastify';
import { myDay as myDaySchema } from '../../../shared/schemas/casework.js';
import { type ModuleDeps, responses, typed } from '../../platform/http.js';
import { ownRequest } from '../followups/own.js';
import { myDay } from './service.js';

export function myDayRoutes(app: FastifyInstance, { database }: ModuleDeps) {
  typed(app).get(
    '/api/my-day',
    {
      config: { permission: 'followup.own' },
      schema: { tags: ['myday'], response: responses({ 200: myDaySchema }) },
    },
    async (request) => myDay(ownRequest(database.db, request)),
  );
}
