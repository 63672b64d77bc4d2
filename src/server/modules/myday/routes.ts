import type { FastifyInstance } from 'fastify';
import { myDay as myDaySchema } from '../../../shared/schemas/casework.js';
import { caseScope } from '../../platform/access.js';
import { actorContext } from '../../platform/audit.js';
import { type ModuleDeps, responses, typed } from '../../platform/http.js';
import { myDay } from './service.js';

const tags = ['myday'];

export function myDayRoutes(app: FastifyInstance, { database }: ModuleDeps) {
  const r = typed(app);
  const { db } = database;

  r.get(
    '/api/my-day',
    { config: { permission: 'household.read' }, schema: { tags, response: responses({ 200: myDaySchema }) } },
    async (request) => myDay(db, actorContext(request), caseScope(request)),
  );
}
