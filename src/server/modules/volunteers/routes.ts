import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { householdIdParams } from '../../../shared/schemas/households.js';
import {
  assignment,
  assignmentIdParams,
  certificate,
  createAssignmentBody,
  createCheckBody,
  createHoursBody,
  createVolunteerBody,
  hoursEntry,
  hoursQuery,
  hoursYear,
  householdLookupQuery,
  matchList,
  matchQuery,
  proposeVolunteerBody,
  releasedHousehold,
  updateAssignmentBody,
  updateVolunteerBody,
  volunteer,
  volunteerCheck,
  volunteerIdParams,
  volunteerList,
  volunteerListQuery,
  volunteerStart,
} from '../../../shared/schemas/volunteers.js';
import { createRoute, type ModuleDeps, responses, typed } from '../../platform/http.js';
import { caseRequest } from '../casework/routes.js';
import { createAssignment, lookupHousehold, proposeVolunteer, updateAssignment } from './assignments.js';
import { addCheck } from './checks.js';
import { certificateOfYear, hoursOfYear, logHours } from './hours.js';
import { matchVolunteers } from './match.js';
import { type VolunteerRequest, volunteerRequest } from './scope.js';
import { createVolunteer, getVolunteer, listVolunteers, updateVolunteer } from './service.js';
import { volunteerStartPage } from './start.js';

const read = { permission: 'volunteer.read' } as const;
const write = { permission: 'volunteer.write' } as const;
const propose = { permission: 'volunteer.propose' } as const;
const tags = ['volunteers'];

/** Routes of the volunteers module (Ehrenamt, issue 9 section 3). */
export function volunteerRoutes(plain: FastifyInstance, { database, config }: ModuleDeps) {
  const app = typed(plain);
  const { db } = database;
  const vr = (request: Parameters<typeof volunteerRequest>[1]) => volunteerRequest(db, request);
  /** A volunteer's figures of one year (`?year=`, default this year): the hours and their certificate. */
  const yearRoute = <R extends z.ZodType>(
    url: string,
    response: R,
    handler: (req: VolunteerRequest, id: string, year?: number) => Promise<z.input<R>>,
  ) =>
    plain.route({
      method: 'GET',
      url,
      config: read,
      schema: {
        tags,
        params: volunteerIdParams,
        querystring: hoursQuery,
        response: responses({ 200: response }),
      },
      handler: async (request) => {
        const { id } = request.params as z.infer<typeof volunteerIdParams>;
        const { year } = request.query as z.infer<typeof hoursQuery>;
        return handler(await vr(request), id, year);
      },
    });

  app.get(
    '/api/volunteers',
    {
      config: read,
      schema: { tags, querystring: volunteerListQuery, response: responses({ 200: volunteerList }) },
    },
    async (request) => listVolunteers(await vr(request), request.query),
  );
  app.post(
    '/api/volunteers',
    { config: write, schema: { tags, body: createVolunteerBody, response: responses({ 201: volunteer }) } },
    async (request, reply) => reply.status(201).send(await createVolunteer(await vr(request), request.body)),
  );
  app.get(
    '/api/volunteers/match',
    { config: read, schema: { tags, querystring: matchQuery, response: responses({ 200: matchList }) } },
    async (request) => matchVolunteers(await vr(request), request.query),
  );
  app.get(
    '/api/volunteers/start',
    { config: read, schema: { tags, response: responses({ 200: volunteerStart }) } },
    async (request) => volunteerStartPage(await vr(request)),
  );
  app.get(
    '/api/volunteers/household-lookup',
    {
      config: write,
      schema: { tags, querystring: householdLookupQuery, response: responses({ 200: releasedHousehold }) },
    },
    async (request) => lookupHousehold(await vr(request), request.query.caseNumber),
  );
  app.get(
    '/api/volunteers/:id',
    { config: read, schema: { tags, params: volunteerIdParams, response: responses({ 200: volunteer }) } },
    async (request) => getVolunteer(await vr(request), request.params.id),
  );
  app.patch(
    '/api/volunteers/:id',
    {
      config: write,
      schema: {
        tags,
        params: volunteerIdParams,
        body: updateVolunteerBody,
        response: responses({ 200: volunteer }),
      },
    },
    async (request) => updateVolunteer(await vr(request), request.params.id, request.body),
  );
  createRoute(
    plain,
    '/api/volunteers/:id/checks',
    { config: write, tags, params: volunteerIdParams, body: createCheckBody, response: volunteerCheck },
    async (request, { id }, body) =>
      addCheck(await vr(request), id, body, config.QUARTIER_CONDUCT_RECHECK_YEARS),
  );
  createRoute(
    plain,
    '/api/volunteers/:id/assignments',
    { config: write, tags, params: volunteerIdParams, body: createAssignmentBody, response: assignment },
    async (request, { id }, body) => createAssignment(await vr(request), id, body),
  );
  app.patch(
    '/api/volunteers/:id/assignments/:assignmentId',
    {
      config: write,
      schema: {
        tags,
        params: assignmentIdParams,
        body: updateAssignmentBody,
        response: responses({ 200: assignment }),
      },
    },
    async (request) =>
      updateAssignment(await vr(request), request.params.id, request.params.assignmentId, request.body),
  );
  createRoute(
    plain,
    '/api/volunteers/:id/hours',
    { config: write, tags, params: volunteerIdParams, body: createHoursBody, response: hoursEntry },
    async (request, { id }, body) => logHours(await vr(request), id, body),
  );
  yearRoute('/api/volunteers/:id/hours', hoursYear, hoursOfYear);
  yearRoute('/api/volunteers/:id/certificate', certificate, certificateOfYear);
  // case work side: a caseworker proposes a volunteer for a household of their scope
  createRoute(
    plain,
    '/api/households/:id/volunteer-proposals',
    { config: propose, tags, params: householdIdParams, body: proposeVolunteerBody, response: assignment },
    (request, { id }, body) => proposeVolunteer(caseRequest(db, request), id, body),
  );
}
