import type { FastifyInstance } from 'fastify';
import { createTransferBody, transfer, transferList } from '../../../shared/schemas/casework.js';
import type { ModuleDeps } from '../../platform/http.js';
import { householdSubRoutes } from '../casework/routes.js';
import { listTransfers, transferHousehold } from './service.js';

export function transferRoutes(app: FastifyInstance, { database }: ModuleDeps) {
  // household.write on the route; the service also requires household.transfer (site leads), after
  // the household is found in scope: another site's household answers 404, not 403
  householdSubRoutes(app, database.db, {
    tags: ['transfers'],
    path: 'transfers',
    create: { body: createTransferBody, response: transfer, handler: transferHousehold },
    list: { response: transferList, handler: listTransfers },
  });
}
