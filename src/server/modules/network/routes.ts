import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can, cityWideRoles } from '../../../shared/permissions.js';
import { gapList, surveyQuery, surveyResponse } from '../../../shared/schemas/network.js';
import { currentUser } from '../../platform/auth/guard.js';
import { type ModuleDeps, responses, typed } from '../../platform/http.js';
import { networkGaps, networkSurvey, type SurveyViewer } from './service.js';

const tags = ['network'];

function viewer(request: FastifyRequest): SurveyViewer {
  const user = currentUser(request);
  return {
    siteIds: user.siteIds,
    cityWide: cityWideRoles.includes(user.role),
    exact: can(user.role, 'statistics.exact'),
  };
}

/** The network survey (Bestandserhebung): aggregates per district, no names. */
export function networkRoutes(app: FastifyInstance, { database }: ModuleDeps) {
  const r = typed(app);
  const { db } = database;

  r.get(
    '/api/network/gaps',
    {
      config: { permission: 'network.survey' },
      schema: { tags, querystring: surveyQuery, response: responses({ 200: gapList }) },
    },
    async (request) => networkGaps(db, viewer(request), request.query),
  );

  r.get(
    '/api/network/survey',
    {
      config: { permission: 'network.survey' },
      schema: { tags, querystring: surveyQuery, response: responses({ 200: surveyResponse }) },
    },
    async (request) => networkSurvey(db, viewer(request), request.query),
  );
}
