import { createTransferBody, transfer, transferList } from '../../../shared/schemas/casework.js';
import { caseRoutes } from '../casework/routes.js';
import { listTransfers, transferHousehold } from './service.js';

/**
 * Hand-overs to another site. The route needs household.write; the service also requires
 * household.transfer, after the household is found in scope (another site's household is a 404, not 403).
 */
export const transferRoutes = caseRoutes({
  path: 'transfers',
  create: { body: createTransferBody, response: transfer, handler: transferHousehold },
  list: { response: transferList, handler: listTransfers },
});
