import * as s from '../../../shared/schemas/casework.js';
import { caseRoutes } from '../casework/routes.js';
import { createCasePlan, listCasePlans, updateCasePlan } from './service.js';

/** KIM/MigraDo case plans of a household or one member. */
export const casePlanRoutes = caseRoutes({
  path: 'caseplans',
  create: { body: s.createCasePlanBody, response: s.casePlan, handler: createCasePlan },
  list: { response: s.casePlanList, handler: listCasePlans },
  update: { body: s.updateCasePlanBody, response: s.casePlan, handler: updateCasePlan },
});
