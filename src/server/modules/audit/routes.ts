import type { FastifyInstance } from 'fastify';
import { auditList, auditQuery } from '../../../shared/schemas/audit.js';
import { actorContext, audit, auditAccess } from '../../platform/audit.js';
import { type ModuleDeps, responses, typed } from '../../platform/http.js';
import { listAudit } from './service.js';

export function auditRoutes(app: FastifyInstance, { database }: ModuleDeps) {
  const r = typed(app);
  const { db } = database;

  r.get(
    '/api/audit',
    {
      config: { permission: 'audit.read' },
      schema: { tags: ['audit'], querystring: auditQuery, response: responses({ 200: auditList }) },
    },
    async (request) => {
      const result = await listAudit(db, request.query);
      // Reading the trail is itself recorded: who looked at whose activity.
      const fields = Object.keys(request.query).filter((k) => k !== 'page' && k !== 'pageSize');
      await auditAccess(db, actorContext(request), { action: 'audit.read', entityType: 'audit', fields });
      return result;
    },
  );
}
