import type { FastifyInstance } from 'fastify';
import {
  contact,
  contactList,
  createAnonymousContactBody,
  createContactBody,
  listContactsQuery,
} from '../../../shared/schemas/contacts.js';
import { type ModuleDeps, responses, typed } from '../../platform/http.js';
import { caseRequest, householdSubRoutes } from '../casework/routes.js';
import { createAnonymousContact, createContact, listContacts } from './service.js';

const tags = ['contacts'];

export function contactRoutes(app: FastifyInstance, { database }: ModuleDeps) {
  const { db } = database;
  householdSubRoutes(app, db, {
    tags,
    path: 'contacts',
    create: { body: createContactBody, response: contact, handler: createContact },
    list: { querystring: listContactsQuery, response: contactList, handler: listContacts },
  });
  typed(app).post(
    '/api/contacts/anonymous',
    {
      config: { permission: 'household.write' },
      schema: { tags, body: createAnonymousContactBody, response: responses({ 201: contact }) },
    },
    async (request, reply) =>
      reply.status(201).send(await createAnonymousContact(caseRequest(db, request), request.body)),
  );
}
