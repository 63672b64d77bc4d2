import type { FastifyInstance } from 'fastify';
import {
  createFollowUpBody,
  followUp,
  followUpList,
  followUpsQuery,
  recordIdParams,
  updateFollowUpBody,
} from '../../../shared/schemas/casework.js';
import { householdIdParams } from '../../../shared/schemas/households.js';
import { caseScope } from '../../platform/access.js';
import { actorContext } from '../../platform/audit.js';
import { type ModuleDeps, responses, typed } from '../../platform/http.js';
import { createFollowUp, listHouseholdFollowUps, listMyFollowUps, updateFollowUp } from './service.js';

const tags = ['followups'];

export function followUpRoutes(app: FastifyInstance, { database }: ModuleDeps) {
  const r = typed(app);
  const { db } = database;
  const read = { permission: 'household.read' as const };
  const write = { permission: 'household.write' as const };

  r.post(
    '/api/households/:id/followups',
    {
      config: write,
      schema: {
        tags,
        params: householdIdParams,
        body: createFollowUpBody,
        response: responses({ 201: followUp }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createFollowUp(
            db,
            actorContext(request),
            caseScope(request),
            request.params.id,
            request.body,
          ),
        ),
  );
  r.get(
    '/api/households/:id/followups',
    { config: read, schema: { tags, params: householdIdParams, response: responses({ 200: followUpList }) } },
    async (request) =>
      listHouseholdFollowUps(db, actorContext(request), caseScope(request), request.params.id),
  );
  r.get(
    '/api/followups',
    {
      config: read,
      schema: { tags, querystring: followUpsQuery, response: responses({ 200: followUpList }) },
    },
    async (request) => listMyFollowUps(db, actorContext(request), caseScope(request), request.query.due),
  );
  r.patch(
    '/api/followups/:id',
    {
      config: write,
      schema: {
        tags,
        params: recordIdParams,
        body: updateFollowUpBody,
        response: responses({ 200: followUp }),
      },
    },
    async (request) =>
      updateFollowUp(db, actorContext(request), caseScope(request), request.params.id, request.body),
  );
}
