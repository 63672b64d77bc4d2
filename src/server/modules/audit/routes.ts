import type { FastifyInstance } from 'fastify';
import { auditList, auditQuery } from '../../../shared/schemas/audit.js';
import { actorContext } from '../../platform/audit.js';
import { type ModuleDeps, responses, typed } from '../../platform/http.js';
import { listAudit } from './service.js';

export function auditRoutes(app: FastifyInstance, { database }: ModuleDeps) {
  typed(app).get(
    '/api/audit',
    {
      config: { permission: 'audit.read' },
      schema: { tags: ['audit'], querystring: auditQuery, response: responses({ 200: auditList }) },
    },
    async (request) => listAudit(database.db, actorContext(request), request.query),
  );
}
