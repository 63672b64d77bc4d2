import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as s from '../../../shared/schemas/emergency-access.js';
import { householdIdParams } from '../../../shared/schemas/households.js';
import { caseScope } from '../../platform/access.js';
import { actorContext } from '../../platform/audit.js';
import { currentUser } from '../../platform/auth/guard.js';
import type { Db } from '../../platform/db/client.js';
import { createRoute, type ModuleDeps, responses, typed } from '../../platform/http.js';
import {
  type EmergencyRequest,
  grantEmergencyAccess,
  grantEmergencyAccessByCase,
  listEmergencyGrants,
  myEmergencyGrants,
} from './service.js';

const tags = ['emergency-access'];

export function emergencyAccessRoutes(app: FastifyInstance, { database, config }: ModuleDeps) {
  const r = typed(app);
  const { db } = database;
  const grantRequest = (d: Db, request: FastifyRequest): EmergencyRequest => ({
    db: d,
    ctx: actorContext(request),
    scope: caseScope(request),
    hours: config.QUARTIER_EMERGENCY_ACCESS_HOURS,
  });
  const grant = { permission: 'household.emergency' as const };

  createRoute(
    app,
    '/api/households/:id/emergency-access',
    {
      config: grant,
      tags,
      summary: "Break the glass: read another site's household for a limited time, with a reason",
      params: householdIdParams,
      body: s.emergencyAccessBody,
      response: s.emergencyGrant,
    },
    (request, { id }, body) => grantEmergencyAccess(grantRequest(db, request), id, body),
  );
  createRoute(
    app,
    '/api/emergency-access',
    {
      config: grant,
      tags,
      summary: "Break the glass by case number: read another site's household for a limited time",
      body: s.emergencyAccessByCaseBody,
      response: s.emergencyGrant,
    },
    (request, _params, body) => grantEmergencyAccessByCase(grantRequest(db, request), body),
  );
  r.get(
    '/api/emergency-access/mine',
    {
      config: grant,
      schema: {
        tags,
        summary: 'My valid emergency grants',
        response: responses({ 200: s.myEmergencyGrantList }),
      },
    },
    async (request) => myEmergencyGrants(db, caseScope(request)),
  );
  r.get(
    '/api/emergency-access',
    {
      config: { permission: 'emergency.read' },
      schema: {
        tags,
        summary: "Emergency grants on the viewer's sites (DPO: all sites), newest first",
        querystring: s.emergencyGrantsQuery,
        response: responses({ 200: s.emergencyGrantList }),
      },
    },
    async (request) => {
      const user = currentUser(request);
      return listEmergencyGrants(
        db,
        actorContext(request),
        { role: user.role, siteIds: user.siteIds },
        request.query.active === '1',
      );
    },
  );
}
