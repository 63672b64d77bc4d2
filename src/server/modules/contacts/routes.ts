import type { FastifyInstance } from 'fastify';
import * as s from '../../../shared/schemas/contacts.js';
import { correctContactBody } from '../../../shared/schemas/corrections.js';
import { type ModuleDeps, responses, typed } from '../../platform/http.js';
import { caseRequest, caseRoutes } from '../casework/routes.js';
import { correctContact, removeContact } from './correction.js';
import { createAnonymousContact, createContact, listContacts } from './service.js';

const householdContacts = caseRoutes({
  path: 'contacts',
  create: { body: s.createContactBody, response: s.contact, handler: createContact },
  list: { querystring: s.listContactsQuery, response: s.contactList, handler: listContacts },
  correct: { body: correctContactBody, response: s.contact, handler: correctContact },
  remove: removeContact,
});

/** A household's contacts, and one-off advice without a household (counted as other advice seekers). */
export function contactRoutes(app: FastifyInstance, deps: ModuleDeps) {
  householdContacts(app, deps);
  typed(app).post(
    '/api/contacts/anonymous',
    {
      config: { permission: 'household.write' },
      schema: {
        tags: ['contacts'],
        body: s.createAnonymousContactBody,
        response: responses({ 201: s.contact }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createAnonymousContact(caseRequest(deps.database.db, request), request.body)),
  );
}
