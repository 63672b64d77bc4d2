import type { FastifyInstance } from 'fastify';
import { myDay as myDaySchema } from '../../../shared/schemas/casework.js';
import { type ModuleDeps, responses, typed } from '../../platform/http.js';
import { caseRequest } from '../casework/routes.js';
import { myDay } from './service.js';

export function myDayRoutes(app: FastifyInstance, { database }: ModuleDeps) {
  typed(app).get(
    '/api/my-day',
    {
      config: { permission: 'household.read' },
      schema: { tags: ['myday'], response: responses({ 200: myDaySchema }) },
    },
    async (request) => myDay(caseRequest(database.db, request)),
  );
}
