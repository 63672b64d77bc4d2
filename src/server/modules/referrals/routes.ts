import type { FastifyInstance } from 'fastify';
import {
  createReferralBody,
  referral,
  referralList,
  subIdParams,
  updateReferralBody,
} from '../../../shared/schemas/casework.js';
import { householdIdParams } from '../../../shared/schemas/households.js';
import { caseScope } from '../../platform/access.js';
import { actorContext } from '../../platform/audit.js';
import { type ModuleDeps, responses, typed } from '../../platform/http.js';
import { createReferral, listReferrals, updateReferral } from './service.js';

const tags = ['referrals'];

export function referralRoutes(app: FastifyInstance, { database }: ModuleDeps) {
  const r = typed(app);
  const { db } = database;

  r.post(
    '/api/households/:id/referrals',
    {
      config: { permission: 'household.write' },
      schema: {
        tags,
        params: householdIdParams,
        body: createReferralBody,
        response: responses({ 201: referral }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createReferral(
            db,
            actorContext(request),
            caseScope(request),
            request.params.id,
            request.body,
          ),
        ),
  );
  r.get(
    '/api/households/:id/referrals',
    {
      config: { permission: 'household.read' },
      schema: { tags, params: householdIdParams, response: responses({ 200: referralList }) },
    },
    async (request) => listReferrals(db, actorContext(request), caseScope(request), request.params.id),
  );
  r.patch(
    '/api/households/:id/referrals/:subId',
    {
      config: { permission: 'household.write' },
      schema: { tags, params: subIdParams, body: updateReferralBody, response: responses({ 200: referral }) },
    },
    async (request) => {
      const { id, subId } = request.params;
      return updateReferral(db, actorContext(request), caseScope(request), id, subId, request.body);
    },
  );
}
