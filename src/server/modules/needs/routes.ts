import type { FastifyInstance } from 'fastify';
import { createNeedBody, need, needList } from '../../../shared/schemas/casework.js';
import { householdIdParams } from '../../../shared/schemas/households.js';
import { caseScope } from '../../platform/access.js';
import { actorContext } from '../../platform/audit.js';
import { type ModuleDeps, responses, typed } from '../../platform/http.js';
import { createNeed, listNeeds } from './service.js';

const tags = ['needs'];

export function needRoutes(app: FastifyInstance, { database }: ModuleDeps) {
  const r = typed(app);
  const { db } = database;

  r.post(
    '/api/households/:id/needs',
    {
      config: { permission: 'household.write' },
      schema: { tags, params: householdIdParams, body: createNeedBody, response: responses({ 201: need }) },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createNeed(db, actorContext(request), caseScope(request), request.params.id, request.body),
        ),
  );
  r.get(
    '/api/households/:id/needs',
    {
      config: { permission: 'household.read' },
      schema: { tags, params: householdIdParams, response: responses({ 200: needList }) },
    },
    async (request) => listNeeds(db, actorContext(request), caseScope(request), request.params.id),
  );
}
