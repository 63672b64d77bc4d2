import type { FastifyInstance } from 'fastify';
import { restriction, restrictionBody } from '../../../shared/schemas/corrections.js';
import { householdIdParams } from '../../../shared/schemas/households.js';
import { type ModuleDeps, responses, typed } from '../../platform/http.js';
import { caseRequest } from '../casework/routes.js';
import { liftRestriction, restrictHousehold } from './restriction.js';

/** `POST|DELETE /api/households/:id/restriction {reason}`: restrict processing (Art. 18) and lift it. */
export function restrictionRoutes(app: FastifyInstance, { database: { db } }: ModuleDeps) {
  const schema = {
    tags: ['households'],
    params: householdIdParams,
    body: restrictionBody,
    response: responses({ 200: restriction }),
  };
  const config = { permission: 'household.restrict' as const };
  typed(app).post(
    '/api/households/:id/restriction',
    { config, schema: { ...schema, summary: 'Restrict the processing of a household (Art. 18 GDPR)' } },
    (request) => restrictHousehold(caseRequest(db, request), request.params.id, request.body.reason),
  );
  typed(app).delete(
    '/api/households/:id/restriction',
    { config, schema: { ...schema, summary: 'Lift the restriction of a household' } },
    (request) => liftRestriction(caseRequest(db, request), request.params.id, request.body.reason),
  );
}
