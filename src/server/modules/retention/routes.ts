import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import * as s from '../../../shared/schemas/retention.js';
import { actorContext } from '../../platform/audit.js';
import { requestLanguage } from '../../platform/errors.js';
import { type ModuleDeps, responses, typed } from '../../platform/http.js';
import { caseRequest } from '../casework/routes.js';
import { effectiveRules, replaceRules } from './rules.js';
import { anonymiseOnRequest, applyRetention, previewRetention } from './service.js';

const tags = ['retention'];

export function retentionRoutes(app: FastifyInstance, { database }: ModuleDeps) {
  const r = typed(app);
  const { db } = database;
  r.get(
    '/api/retention/rules',
    {
      config: { permission: 'retention.read' },
      schema: {
        tags,
        summary: 'Retention rules per household category',
        response: responses({ 200: s.retentionRuleList }),
      },
    },
    async (request) => effectiveRules(db, requestLanguage(request)),
  );
  r.put(
    '/api/retention/rules',
    {
      config: { permission: 'retention.manage' },
      schema: {
        tags,
        summary: 'Replace the retention rules (a category left out uses the defaults)',
        body: s.retentionRulesBody,
        response: responses({ 200: s.retentionRuleList }),
      },
    },
    async (request) => {
      await replaceRules(db, actorContext(request), request.body);
      return effectiveRules(db, requestLanguage(request));
    },
  );
  r.get(
    '/api/retention/preview',
    {
      config: { permission: 'retention.read' },
      schema: {
        tags,
        summary: 'What the retention would anonymise today',
        response: responses({ 200: s.retentionPreview }),
      },
    },
    async () => previewRetention(db),
  );
  r.post(
    '/api/retention/apply',
    {
      config: { permission: 'retention.apply' },
      schema: {
        tags,
        summary: 'Anonymise what is due under the retention rules',
        body: z.object({}).optional(),
        response: responses({ 200: s.retentionResult }),
      },
    },
    async (request) => applyRetention(db, actorContext(request)),
  );
  r.post(
    '/api/households/:id/anonymise',
    {
      config: { permission: 'household.anonymise' },
      schema: {
        tags,
        summary: 'Erase the personal data of a household on request (Art. 17 GDPR)',
        params: s.anonymiseParams,
        body: s.anonymiseBody,
        response: responses({ 200: s.anonymiseResult }),
      },
    },
    async (request) => anonymiseOnRequest(caseRequest(db, request), request.params.id),
  );
}
