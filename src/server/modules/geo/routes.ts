import type { FastifyError, FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorContext } from '../../platform/audit.js';
import { sendError } from '../../platform/errors.js';
import { type ModuleDeps, responses, typed } from '../../platform/http.js';
import * as geo from './service.js';

const tags = ['geo'];

/**
 * District boundaries for the statistics map. Without an upload the report draws a schematic map of the
 * configured districts; an administrator may upload real boundaries (GeoJSON, properties.code = the
 * district's code).
 */
export function geoRoutes(app: FastifyInstance, { database }: ModuleDeps) {
  const r = typed(app);
  const { db } = database;

  r.get(
    '/api/geo/districts',
    {
      // every signed-in role may read reference data; boundaries are not personal data
      config: { permission: 'reference.read' },
      schema: {
        tags,
        description: 'the uploaded district boundaries, or null (the report then draws a schematic map)',
        response: responses({ 200: z.any().describe('GeoJSON FeatureCollection or null') }),
      },
    },
    async () => geo.getDistrictMap(db),
  );

  r.put(
    '/api/geo/districts',
    {
      config: { permission: 'reference.manage' },
      bodyLimit: geo.maxGeoBytes,
      // a too large body is a named problem, not a bare 400
      errorHandler(error: FastifyError, request, reply) {
        if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
          return sendError(request, reply, 'VALIDATION', [{ path: 'body', code: geo.geoProblems.tooLarge }]);
        }
        return app.errorHandler(error, request, reply);
      },
      schema: {
        tags,
        description: `replaces the district boundaries (at most ${geo.maxGeoBytes / 1024 / 1024} MB)`,
        body: geo.districtCollection,
        response: responses({ 200: geo.geoSummary }),
      },
    },
    async (request) => geo.putDistrictMap(db, actorContext(request), request.body),
  );

  r.delete(
    '/api/geo/districts',
    {
      config: { permission: 'reference.manage' },
      schema: {
        tags,
        description: 'removes the uploaded boundaries (back to the schematic map)',
        response: responses({ 204: z.null() }),
      },
    },
    async (request, reply) => {
      await geo.deleteDistrictMap(db, actorContext(request));
      return reply.status(204).send(null);
    },
  );
}
