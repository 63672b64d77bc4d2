import type { FastifyInstance } from 'fastify';
import * as s from '../../../shared/schemas/casework.js';
import type { ModuleDeps } from '../../platform/http.js';
import { caseRecordRoutes, householdSubRoutes } from '../casework/routes.js';
import { createFollowUp, listHouseholdFollowUps, listMyFollowUps, updateFollowUp } from './service.js';

const tags = ['followups'];

export function followUpRoutes(app: FastifyInstance, { database }: ModuleDeps) {
  householdSubRoutes(app, database.db, {
    tags,
    path: 'followups',
    create: { body: s.createFollowUpBody, response: s.followUp, handler: createFollowUp },
    list: { response: s.followUpList, handler: listHouseholdFollowUps },
  });
  // my follow-ups across my sites, and any follow-up of my sites by its own id
  caseRecordRoutes(app, database.db, {
    tags,
    path: 'followups',
    list: { querystring: s.followUpsQuery, response: s.followUpList, handler: listMyFollowUps },
    update: { body: s.updateFollowUpBody, response: s.followUp, handler: updateFollowUp },
  });
}
