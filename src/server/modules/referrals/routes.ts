import * as s from '../../../shared/schemas/casework.js';
import { caseRoutes } from '../casework/routes.js';
import { createReferral, listReferrals, updateReferral } from './service.js';

/** A household's referrals to partner organisations (sharing data needs a consent in force). */
export const referralRoutes = caseRoutes({
  path: 'referrals',
  create: { body: s.createReferralBody, response: s.referral, handler: createReferral },
  list: { response: s.referralList, handler: listReferrals },
  update: { body: s.updateReferralBody, response: s.referral, handler: updateReferral },
});
