import { createNeedBody, need, needList } from '../../../shared/schemas/casework.js';
import { correctNeedBody } from '../../../shared/schemas/corrections.js';
import { caseRoutes } from '../casework/routes.js';
import { correctNeed, createNeed, listNeeds, removeNeed } from './service.js';

/** A household's needs assessments: dated rows, never overwritten. */
export const needRoutes = caseRoutes({
  path: 'needs',
  create: { body: createNeedBody, response: need, handler: createNeed },
  list: { response: needList, handler: listNeeds },
  correct: { body: correctNeedBody, response: need, handler: correctNeed },
  remove: removeNeed,
});
