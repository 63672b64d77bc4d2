import type { FastifyInstance } from 'fastify';
import * as s from '../../../shared/schemas/casework.js';
import { type ModuleDeps, responses, typed } from '../../platform/http.js';
import { caseRoutes } from '../casework/routes.js';
import { listMyFollowUps, ownRequest, updateFollowUp } from './own.js';
import { createFollowUp, listHouseholdFollowUps } from './service.js';

/** Follow-ups of a household (case work). */
const householdFollowUpRoutes = caseRoutes({
  path: 'followups',
  create: { body: s.createFollowUpBody, response: s.followUp, handler: createFollowUp },
  list: { response: s.followUpList, handler: listHouseholdFollowUps },
});

/**
 * `GET /api/followups` lists mine, `PATCH /api/followups/:id` updates one (`{done: false}` reopens):
 * for every staff role (followup.own), case content only within case scope.
 */
export function followUpRoutes(app: FastifyInstance, deps: ModuleDeps) {
  householdFollowUpRoutes(app, deps);
  const { db } = deps.database;
  typed(app).get(
    '/api/followups',
    {
      config: { permission: 'followup.own' },
      schema: {
        tags: ['followups'],
        querystring: s.followUpsQuery,
        response: responses({ 200: s.followUpList }),
      },
    },
    (request) => listMyFollowUps(ownRequest(db, request), request.query),
  );
  typed(app).patch(
    '/api/followups/:id',
    {
      config: { permission: 'followup.own' },
      schema: {
        tags: ['followups'],
        params: s.recordIdParams,
        body: s.updateFollowUpBody,
        response: responses({ 200: s.followUp }),
      },
    },
    (request) => updateFollowUp(ownRequest(db, request), request.params.id, request.body),
  );
}
