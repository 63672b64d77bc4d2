import type { FastifyInstance } from 'fastify';
import {
  consent,
  consentList,
  createConsentBody,
  subIdParams,
  withdrawConsentBody,
} from '../../../shared/schemas/casework.js';
import { householdIdParams } from '../../../shared/schemas/households.js';
import { caseScope } from '../../platform/access.js';
import { actorContext } from '../../platform/audit.js';
import { type ModuleDeps, responses, typed } from '../../platform/http.js';
import { createConsent, listConsents, withdrawConsent } from './service.js';

const tags = ['consent'];

export function consentRoutes(app: FastifyInstance, { database }: ModuleDeps) {
  const r = typed(app);
  const { db } = database;

  r.post(
    '/api/households/:id/consents',
    {
      config: { permission: 'household.write' },
      schema: {
        tags,
        params: householdIdParams,
        body: createConsentBody,
        response: responses({ 201: consent }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createConsent(db, actorContext(request), caseScope(request), request.params.id, request.body),
        ),
  );
  r.get(
    '/api/households/:id/consents',
    {
      config: { permission: 'household.read' },
      schema: { tags, params: householdIdParams, response: responses({ 200: consentList }) },
    },
    async (request) => listConsents(db, actorContext(request), caseScope(request), request.params.id),
  );
  r.post(
    '/api/households/:id/consents/:subId/withdraw',
    {
      config: { permission: 'household.write' },
      schema: { tags, params: subIdParams, body: withdrawConsentBody, response: responses({ 200: consent }) },
    },
    async (request) => {
      const { id, subId } = request.params;
      return withdrawConsent(db, actorContext(request), caseScope(request), id, subId, request.body);
    },
  );
}
