import {
  consent,
  consentList,
  createConsentBody,
  withdrawConsentBody,
} from '../../../shared/schemas/casework.js';
import { caseRoutes } from '../casework/routes.js';
import { createConsent, listConsents, withdrawConsent } from './service.js';

/** A household's consents; a consent is withdrawn, never edited or deleted. */
export const consentRoutes = caseRoutes({
  tags: ['consent'],
  path: 'consents',
  create: { body: createConsentBody, response: consent, handler: createConsent },
  list: { response: consentList, handler: listConsents },
  update: { action: 'withdraw', body: withdrawConsentBody, response: consent, handler: withdrawConsent },
});
