import {
  consent,
  consentList,
  createConsentBody,
  withdrawConsentBody,
} from '../../../shared/schemas/casework.js';
import { correctConsentBody } from '../../../shared/schemas/corrections.js';
import { caseRoutes } from '../casework/routes.js';
import { correctConsent, createConsent, listConsents, removeConsent, withdrawConsent } from './service.js';

/**
 * A household's consents; a consent that ends is withdrawn. One recorded in error is corrected or deleted
 * with a reason (author's window, or site lead).
 */
export const consentRoutes = caseRoutes({
  tags: ['consent'],
  path: 'consents',
  create: { body: createConsentBody, response: consent, handler: createConsent },
  list: { response: consentList, handler: listConsents },
  update: { action: 'withdraw', body: withdrawConsentBody, response: consent, handler: withdrawConsent },
  correct: { body: correctConsentBody, response: consent, handler: correctConsent },
  remove: removeConsent,
});
