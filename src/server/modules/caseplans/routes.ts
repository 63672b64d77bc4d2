import type { FastifyInstance } from 'fastify';
import {
  casePlan,
  casePlanList,
  createCasePlanBody,
  subIdParams,
  updateCasePlanBody,
} from '../../../shared/schemas/casework.js';
import { householdIdParams } from '../../../shared/schemas/households.js';
import { caseScope } from '../../platform/access.js';
import { actorContext } from '../../platform/audit.js';
import { type ModuleDeps, responses, typed } from '../../platform/http.js';
import { createCasePlan, listCasePlans, updateCasePlan } from './service.js';

const tags = ['caseplans'];

export function casePlanRoutes(app: FastifyInstance, { database }: ModuleDeps) {
  const r = typed(app);
  const { db } = database;

  r.post(
    '/api/households/:id/caseplans',
    {
      config: { permission: 'household.write' },
      schema: {
        tags,
        params: householdIdParams,
        body: createCasePlanBody,
        response: responses({ 201: casePlan }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createCasePlan(
            db,
            actorContext(request),
            caseScope(request),
            request.params.id,
            request.body,
          ),
        ),
  );
  r.get(
    '/api/households/:id/caseplans',
    {
      config: { permission: 'household.read' },
      schema: { tags, params: householdIdParams, response: responses({ 200: casePlanList }) },
    },
    async (request) => listCasePlans(db, actorContext(request), caseScope(request), request.params.id),
  );
  r.patch(
    '/api/households/:id/caseplans/:subId',
    {
      config: { permission: 'household.write' },
      schema: { tags, params: subIdParams, body: updateCasePlanBody, response: responses({ 200: casePlan }) },
    },
    async (request) => {
      const { id, subId } = request.params;
      return updateCasePlan(db, actorContext(request), caseScope(request), id, subId, request.body);
    },
  );
}
