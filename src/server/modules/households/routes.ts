import type { FastifyInstance } from 'fastify';
import { noContent } from '../../../shared/schemas/common.js';
import { removeRecordBody } from '../../../shared/schemas/corrections.js';
import * as s from '../../../shared/schemas/households.js';
import { type ModuleDeps, responses, typed } from '../../platform/http.js';
import { caseRequest, correctionRequest } from '../casework/routes.js';
import { addMember, moveMember, removeMember, updateMember } from './members.js';
import { restrictionRoutes } from './restriction-routes.js';
import { checkDuplicates, searchPersons } from './search.js';
import { createHousehold, getHousehold, listHouseholds, updateHousehold } from './service.js';

const tags = ['households'];

export function householdRoutes(app: FastifyInstance, { database, config }: ModuleDeps) {
  restrictionRoutes(app, { database, config });
  const r = typed(app);
  const { db } = database;
  const read = { permission: 'household.read' as const };
  const write = { permission: 'household.write' as const };

  r.get(
    '/api/households',
    {
      config: read,
      schema: { tags, querystring: s.listHouseholdsQuery, response: responses({ 200: s.householdList }) },
    },
    async (request) => listHouseholds(caseRequest(db, request), request.query),
  );
  r.post(
    '/api/households',
    {
      config: write,
      schema: { tags, body: s.createHouseholdBody, response: responses({ 201: s.household }) },
    },
    async (request, reply) =>
      reply.status(201).send(await createHousehold(caseRequest(db, request), request.body)),
  );
  r.get(
    '/api/households/:id',
    {
      config: read,
      schema: { tags, params: s.householdIdParams, response: responses({ 200: s.household }) },
    },
    async (request) => getHousehold(caseRequest(db, request), request.params.id),
  );
  r.patch(
    '/api/households/:id',
    {
      config: write,
      schema: {
        tags,
        params: s.householdIdParams,
        body: s.updateHouseholdBody,
        response: responses({ 200: s.household }),
      },
    },
    async (request) => updateHousehold(caseRequest(db, request), request.params.id, request.body),
  );
  r.post(
    '/api/households/:id/members',
    {
      config: write,
      schema: {
        tags,
        params: s.householdIdParams,
        body: s.personInput,
        response: responses({ 201: s.person }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addMember(caseRequest(db, request), request.params.id, request.body)),
  );
  r.patch(
    '/api/households/:id/members/:personId',
    {
      config: write,
      schema: {
        tags,
        params: s.memberParams,
        body: s.updatePersonBody,
        response: responses({ 200: s.person }),
      },
    },
    async (request) => {
      const { id, personId } = request.params;
      return updateMember(caseRequest(db, request), id, personId, request.body);
    },
  );
  // a person recorded in error: the author within QUARTIER_CORRECTION_DAYS, the site lead always (correction.ts)
  r.delete(
    '/api/households/:id/members/:personId',
    {
      config: write,
      schema: {
        tags,
        params: s.memberParams,
        body: removeRecordBody,
        response: responses({ 204: noContent }),
      },
    },
    async (request, reply) => {
      const { id, personId } = request.params;
      await removeMember(correctionRequest(db, config, request), id, personId, request.body.reason);
      return reply.status(204).send(null);
    },
  );
  r.post(
    '/api/households/:id/members/:personId/move',
    {
      config: write,
      schema: {
        tags,
        params: s.memberParams,
        body: s.moveMemberBody,
        response: responses({ 200: s.person }),
      },
    },
    async (request) => {
      const { id, personId } = request.params;
      return moveMember(caseRequest(db, request), id, personId, request.body);
    },
  );
  r.get(
    '/api/persons/search',
    {
      config: read,
      schema: { tags, querystring: s.personSearchQuery, response: responses({ 200: s.personSearchResult }) },
    },
    async (request) => searchPersons(caseRequest(db, request), request.query),
  );
  r.get(
    '/api/persons/duplicates',
    {
      config: read,
      schema: {
        tags,
        querystring: s.personSearchQuery,
        response: responses({ 200: s.duplicateCheckResult }),
      },
    },
    async (request) => checkDuplicates(caseRequest(db, request), request.query),
  );
}
