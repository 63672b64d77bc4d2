import type { FastifyInstance } from 'fastify';
import {
  consent,
  consentList,
  createConsentBody,
  withdrawConsentBody,
} from '../../../shared/schemas/casework.js';
import type { ModuleDeps } from '../../platform/http.js';
import { householdSubRoutes } from '../casework/routes.js';
import { createConsent, listConsents, withdrawConsent } from './service.js';

export function consentRoutes(app: FastifyInstance, { database }: ModuleDeps) {
  householdSubRoutes(app, database.db, {
    tags: ['consent'],
    path: 'consents',
    create: { body: createConsentBody, response: consent, handler: createConsent },
    list: { response: consentList, handler: listConsents },
    update: { action: 'withdraw', body: withdrawConsentBody, response: consent, handler: withdrawConsent },
  });
}
