import type { FastifyInstance } from 'fastify';
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
import { type ModuleDeps, responses, typed } from '../../platform/http.js';
import { caseRequest } from '../casework/routes.js';
import { createAssignment, lookupHousehold, proposeVolunteer, updateAssignment } from './assignments.js';
import { addCheck } from './checks.js';
import { certificateOfYear, hoursOfYear, logHours } from './hours.js';
import { matchVolunteers } from './match.js';
import { volunteerRequest } from './scope.js';
import { createVolunteer, getVolunteer, listVolunteers, updateVolunteer } from './service.js';
import { volunteerStartPage } from './start.js';

const read = { permission: 'volunteer.read' } as const;
const write = { permission: 'volunteer.write' } as const;
const tags = ['volunteers'];

/** Routes of the volunteers module (Ehrenamt, issue 9 section 3). */
export function volunteerRoutes(plain: FastifyInstance, { database, config }: ModuleDeps) {
  const app = typed(plain);
  const { db } = database;
  const vr = (request: Parameters<typeof volunteerRequest>[1]) => volunteerRequest(db, request);

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
  app.post(
    '/api/volunteers/:id/checks',
    {
      config: write,
      schema: {
        tags,
        params: volunteerIdParams,
        body: createCheckBody,
        response: responses({ 201: volunteerCheck }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addCheck(
            await vr(request),
            request.params.id,
            request.body,
            config.QUARTIER_CONDUCT_RECHECK_YEARS,
          ),
        ),
  );
  app.post(
    '/api/volunteers/:id/assignments',
    {
      config: write,
      schema: {
        tags,
        params: volunteerIdParams,
        body: createAssignmentBody,
        response: responses({ 201: assignment }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createAssignment(await vr(request), request.params.id, request.body)),
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
  app.post(
    '/api/volunteers/:id/hours',
    {
      config: write,
      schema: {
        tags,
        params: volunteerIdParams,
        body: createHoursBody,
        response: responses({ 201: hoursEntry }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await logHours(await vr(request), request.params.id, request.body)),
  );
  app.get(
    '/api/volunteers/:id/hours',
    {
      config: read,
      schema: {
        tags,
        params: volunteerIdParams,
        querystring: hoursQuery,
        response: responses({ 200: hoursYear }),
      },
    },
    async (request) => hoursOfYear(await vr(request), request.params.id, request.query.year),
  );
  app.get(
    '/api/volunteers/:id/certificate',
    {
      config: read,
      schema: {
        tags,
        params: volunteerIdParams,
        querystring: hoursQuery,
        response: responses({ 200: certificate }),
      },
    },
    async (request) => certificateOfYear(await vr(request), request.params.id, request.query.year),
  );
  // case work side: a caseworker proposes a volunteer for a household of their scope
  app.post(
    '/api/households/:id/volunteer-proposals',
    {
      config: { permission: 'volunteer.propose' },
      schema: {
        tags,
        params: householdIdParams,
        body: proposeVolunteerBody,
        response: responses({ 201: assignment }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await proposeVolunteer(caseRequest(db, request), request.params.id, request.body)),
  );
}
