import type { FastifyInstance } from 'fastify';
import {
  createReferralBody,
  referral,
  referralList,
  updateReferralBody,
} from '../../../shared/schemas/casework.js';
import type { ModuleDeps } from '../../platform/http.js';
import { householdSubRoutes } from '../casework/routes.js';
import { createReferral, listReferrals, updateReferral } from './service.js';

export function referralRoutes(app: FastifyInstance, { database }: ModuleDeps) {
  householdSubRoutes(app, database.db, {
    tags: ['referrals'],
    path: 'referrals',
    create: { body: createReferralBody, response: referral, handler: createReferral },
    list: { response: referralList, handler: listReferrals },
    update: { body: updateReferralBody, response: referral, handler: updateReferral },
  });
}
