import type { FastifyInstance } from 'fastify';
import { createTransferBody, transfer, transferList } from '../../../shared/schemas/casework.js';
import { householdIdParams } from '../../../shared/schemas/households.js';
import { caseScope } from '../../platform/access.js';
import { actorContext } from '../../platform/audit.js';
import { type ModuleDeps, responses, typed } from '../../platform/http.js';
import { listTransfers, transferHousehold } from './service.js';

const tags = ['transfers'];

export function transferRoutes(app: FastifyInstance, { database }: ModuleDeps) {
  const r = typed(app);
  const { db } = database;

  // household.write, and the service admits only site leads (the role comes from request.user)
  r.post(
    '/api/households/:id/transfers',
    {
      config: { permission: 'household.write' },
      schema: {
        tags,
        params: householdIdParams,
        body: createTransferBody,
        response: responses({ 201: transfer }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await transferHousehold(
            db,
            actorContext(request),
            caseScope(request),
            request.params.id,
            request.body,
          ),
        ),
  );
  r.get(
    '/api/households/:id/transfers',
    {
      config: { permission: 'household.read' },
      schema: { tags, params: householdIdParams, response: responses({ 200: transferList }) },
    },
    async (request) => listTransfers(db, actorContext(request), caseScope(request), request.params.id),
  );
}
