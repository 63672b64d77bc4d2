import type { FastifyInstance } from 'fastify';
import {
  casePlan,
  casePlanList,
  createCasePlanBody,
  updateCasePlanBody,
} from '../../../shared/schemas/casework.js';
import type { ModuleDeps } from '../../platform/http.js';
import { householdSubRoutes } from '../casework/routes.js';
import { createCasePlan, listCasePlans, updateCasePlan } from './service.js';

export function casePlanRoutes(app: FastifyInstance, { database }: ModuleDeps) {
  householdSubRoutes(app, database.db, {
    tags: ['caseplans'],
    path: 'caseplans',
    create: { body: createCasePlanBody, response: casePlan, handler: createCasePlan },
    list: { response: casePlanList, handler: listCasePlans },
    update: { body: updateCasePlanBody, response: casePlan, handler: updateCasePlan },
  });
}
