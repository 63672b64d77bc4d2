import type { FastifyInstance } from 'fastify';
import {
  createSiteBody,
  site,
  siteIdParams,
  siteList,
  updateSiteBody,
} from '../../../shared/schemas/sites.js';
import { actorContext } from '../../platform/audit.js';
import { type ModuleDeps, responses, typed } from '../../platform/http.js';
import { createSite, listSites, updateSite } from './service.js';

export function siteRoutes(app: FastifyInstance, { database }: ModuleDeps) {
  const r = typed(app);
  const { db } = database;

  r.get(
    '/api/sites',
    {
      config: { permission: 'site.read' },
      schema: { tags: ['sites'], response: responses({ 200: siteList }) },
    },
    async () => listSites(db),
  );

  r.post(
    '/api/sites',
    {
      config: { permission: 'site.manage' },
      schema: { tags: ['sites'], body: createSiteBody, response: responses({ 201: site }) },
    },
    async (request, reply) =>
      reply.status(201).send(await createSite(db, actorContext(request), request.body)),
  );

  r.patch(
    '/api/sites/:id',
    {
      config: { permission: 'site.manage' },
      schema: {
        tags: ['sites'],
        params: siteIdParams,
        body: updateSiteBody,
        response: responses({ 200: site }),
      },
    },
    async (request) => updateSite(db, actorContext(request), request.params.id, request.body),
  );
}
