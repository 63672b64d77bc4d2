import * as s from '../../../shared/schemas/casework.js';
import { caseRoutes } from '../casework/routes.js';
import { createFollowUp, listHouseholdFollowUps, listMyFollowUps, updateFollowUp } from './service.js';

/** Follow-ups of a household; `GET /api/followups` lists mine; any of my sites' is updated by its id. */
export const followUpRoutes = caseRoutes({
  path: 'followups',
  create: { body: s.createFollowUpBody, response: s.followUp, handler: createFollowUp },
  list: { response: s.followUpList, handler: listHouseholdFollowUps },
  across: { querystring: s.followUpsQuery, response: s.followUpList, handler: listMyFollowUps },
  byId: { body: s.updateFollowUpBody, response: s.followUp, handler: updateFollowUp },
});
