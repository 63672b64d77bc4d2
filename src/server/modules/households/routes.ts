import type { FastifyInstance } from 'fastify';
import {
  createHouseholdBody,
  duplicateCheckResult,
  household,
  householdIdParams,
  householdList,
  listHouseholdsQuery,
  memberParams,
  moveMemberBody,
  person,
  personInput,
  personSearchQuery,
  personSearchResult,
  updateHouseholdBody,
  updatePersonBody,
} from '../../../shared/schemas/households.js';
import { type ModuleDeps, responses, typed } from '../../platform/http.js';
import { caseRequest } from '../casework/routes.js';
import { addMember, moveMember, updateMember } from './members.js';
import { checkDuplicates, searchPersons } from './search.js';
import { createHousehold, getHousehold, listHouseholds, updateHousehold } from './service.js';

const tags = ['households'];

export function householdRoutes(app: FastifyInstance, { database }: ModuleDeps) {
  const r = typed(app);
  const { db } = database;
  const read = { permission: 'household.read' as const };
  const write = { permission: 'household.write' as const };

  r.get(
    '/api/households',
    {
      config: read,
      schema: { tags, querystring: listHouseholdsQuery, response: responses({ 200: householdList }) },
    },
    async (request) => listHouseholds(caseRequest(db, request), request.query),
  );
  r.post(
    '/api/households',
    { config: write, schema: { tags, body: createHouseholdBody, response: responses({ 201: household }) } },
    async (request, reply) =>
      reply.status(201).send(await createHousehold(caseRequest(db, request), request.body)),
  );
  r.get(
    '/api/households/:id',
    { config: read, schema: { tags, params: householdIdParams, response: responses({ 200: household }) } },
    async (request) => getHousehold(caseRequest(db, request), request.params.id),
  );
  r.patch(
    '/api/households/:id',
    {
      config: write,
      schema: {
        tags,
        params: householdIdParams,
        body: updateHouseholdBody,
        response: responses({ 200: household }),
      },
    },
    async (request) => updateHousehold(caseRequest(db, request), request.params.id, request.body),
  );
  r.post(
    '/api/households/:id/members',
    {
      config: write,
      schema: { tags, params: householdIdParams, body: personInput, response: responses({ 201: person }) },
    },
    async (request, reply) =>
      reply.status(201).send(await addMember(caseRequest(db, request), request.params.id, request.body)),
  );
  r.patch(
    '/api/households/:id/members/:personId',
    {
      config: write,
      schema: { tags, params: memberParams, body: updatePersonBody, response: responses({ 200: person }) },
    },
    async (request) => {
      const { id, personId } = request.params;
      return updateMember(caseRequest(db, request), id, personId, request.body);
    },
  );
  r.post(
    '/api/households/:id/members/:personId/move',
    {
      config: write,
      schema: { tags, params: memberParams, body: moveMemberBody, response: responses({ 200: person }) },
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
      schema: { tags, querystring: personSearchQuery, response: responses({ 200: personSearchResult }) },
    },
    async (request) => searchPersons(caseRequest(db, request), request.query),
  );
  r.get(
    '/api/persons/duplicates',
    {
      config: read,
      schema: { tags, querystring: personSearchQuery, response: responses({ 200: duplicateCheckResult }) },
    },
    async (request) => checkDuplicates(caseRequest(db, request), request.query),
  );
}
