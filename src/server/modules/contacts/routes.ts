import type { FastifyInstance } from 'fastify';
import {
  contact,
  contactList,
  createAnonymousContactBody,
  createContactBody,
  listContactsQuery,
} from '../../../shared/schemas/contacts.js';
import { householdIdParams } from '../../../shared/schemas/households.js';
import { caseScope } from '../../platform/access.js';
import { actorContext } from '../../platform/audit.js';
import { type ModuleDeps, responses, typed } from '../../platform/http.js';
import { createAnonymousContact, createContact, listContacts } from './service.js';

const tags = ['contacts'];

export function contactRoutes(app: FastifyInstance, { database }: ModuleDeps) {
  const r = typed(app);
  const { db } = database;

  r.post(
    '/api/households/:id/contacts',
    {
      config: { permission: 'household.write' },
      schema: {
        tags,
        params: householdIdParams,
        body: createContactBody,
        response: responses({ 201: contact }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createContact(db, actorContext(request), caseScope(request), request.params.id, request.body),
        ),
  );
  r.get(
    '/api/households/:id/contacts',
    {
      config: { permission: 'household.read' },
      schema: {
        tags,
        params: householdIdParams,
        querystring: listContactsQuery,
        response: responses({ 200: contactList }),
      },
    },
    async (request) =>
      listContacts(db, actorContext(request), caseScope(request), request.params.id, request.query),
  );
  r.post(
    '/api/contacts/anonymous',
    {
      config: { permission: 'household.write' },
      schema: { tags, body: createAnonymousContactBody, response: responses({ 201: contact }) },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createAnonymousContact(db, actorContext(request), caseScope(request), request.body)),
  );
}
