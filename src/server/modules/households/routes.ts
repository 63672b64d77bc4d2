import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { removeRecordBody } from '../../../shared/schemas/corrections.js';
import * as s from '../../../shared/schemas/households.js';
import { fastSerializerCompiler } from '../../platform/fast-serializer.js';
import { createRoute, deleteRoute, type ModuleDeps, responses, typed } from '../../platform/http.js';
import { caseRequest, correctionRequest } from '../casework/routes.js';
import type { CaseRequest } from '../casework/write.js';
import { addMember, moveMember, removeMember, updateMember } from './members.js';
import { restrictionRoutes } from './restriction-routes.js';
import { checkDuplicates, searchPersons } from './search.js';
import { createHousehold, getHousehold, listHouseholds, updateHousehold } from './service.js';

const tags = ['households'];

/** A member's service call: household, person and the checked body in, the person out. */
type MemberChange<B extends z.ZodType> = (
  req: CaseRequest,
  id: string,
  personId: string,
  body: z.infer<B>,
) => Promise<s.Person>;

export function householdRoutes(app: FastifyInstance, { database, config }: ModuleDeps) {
  restrictionRoutes(app, { database, config });
  const r = typed(app);
  const { db } = database;
  const read = { permission: 'household.read' as const };
  const write = { permission: 'household.write' as const };
  /** A change to one member (`…/members/:personId…`) that answers with the person. */
  const memberChange = <B extends z.ZodType>(
    method: 'PATCH' | 'POST',
    url: string,
    body: B,
    change: MemberChange<B>,
  ) =>
    app.route({
      method,
      url,
      config: write,
      schema: { tags, params: s.memberParams, body, response: responses({ 200: s.person }) },
      handler: (request) => {
        const { id, personId } = request.params as z.infer<typeof s.memberParams>;
        return change(caseRequest(db, request), id, personId, request.body as z.infer<B>);
      },
    });

  r.get(
    '/api/households',
    {
      config: read,
      schema: { tags, querystring: s.listHouseholdsQuery, response: responses({ 200: s.householdList }) },
      serializerCompiler: fastSerializerCompiler,
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
  createRoute(
    app,
    '/api/households/:id/members',
    { config: write, tags, params: s.householdIdParams, body: s.personInput, response: s.person },
    (request, { id }, body) => addMember(caseRequest(db, request), id, body),
  );
  memberChange('PATCH', '/api/households/:id/members/:personId', s.updatePersonBody, updateMember);
  // a person recorded in error: the author within QUARTIER_CORRECTION_DAYS, the site lead always (correction.ts)
  deleteRoute(
    app,
    '/api/households/:id/members/:personId',
    { config: write, tags, params: s.memberParams, body: removeRecordBody },
    (request, { id, personId }, body) =>
      removeMember(correctionRequest(db, config, request), id, personId, body.reason),
  );
  memberChange('POST', '/api/households/:id/members/:personId/move', s.moveMemberBody, moveMember);
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
