import type { FastifyInstance } from 'fastify';
import { createNeedBody, need, needList } from '../../../shared/schemas/casework.js';
import type { ModuleDeps } from '../../platform/http.js';
import { householdSubRoutes } from '../casework/routes.js';
import { createNeed, listNeeds } from './service.js';

export function needRoutes(app: FastifyInstance, { database }: ModuleDeps) {
  householdSubRoutes(app, database.db, {
    tags: ['needs'],
    path: 'needs',
    create: { body: createNeedBody, response: need, handler: createNeed },
    list: { response: needList, handler: listNeeds },
  });
}
