import * as s from '../../../shared/schemas/casework.js';
import { correctReferralBody } from '../../../shared/schemas/corrections.js';
import { caseRoutes } from '../casework/routes.js';
import { createReferral, listReferrals, removeReferral, updateReferral } from './service.js';

/** A household's referrals to partner organisations (sharing data needs a consent in force). */
export const referralRoutes = caseRoutes({
  path: 'referrals',
  create: { body: s.createReferralBody, response: s.referral, handler: createReferral },
  list: { response: s.referralList, handler: listReferrals },
  /** status, outcome, sharing for everyone on the case; the other fields of the create body as a correction */
  update: { body: correctReferralBody, response: s.referral, handler: updateReferral },
  remove: removeReferral,
});
