import { createNeedBody, need, needList } from '../../../shared/schemas/casework.js';
import { caseRoutes } from '../casework/routes.js';
import { createNeed, listNeeds } from './service.js';

/** A household's needs assessments: dated rows, never overwritten. */
export const needRoutes = caseRoutes({
  path: 'needs',
  create: { body: createNeedBody, response: need, handler: createNeed },
  list: { response: needList, handler: listNeeds },
});
