import type { FastifyInstance } from 'fastify';
import {
  createPartnerBody,
  createPartnerContactBody,
  idParams,
  partner,
  partnerContact,
  partnerContactList,
  partnerList,
  partnerListQuery,
  updatePartnerBody,
} from '../../../shared/schemas/network.js';
import { createRoute, type ModuleDeps, responses, typed } from '../../platform/http.js';
import { networkActor } from '../network/scope.js';
import { addPartnerContact, listPartnerContacts } from './contacts.js';
import { createPartner, getPartner, listPartners, updatePartner } from './service.js';

const tags = ['partners'];
const read = { permission: 'network.read' } as const;
const write = { permission: 'network.write' } as const;

/** Kooperationspartner*innen: a city-wide directory (network.read); writes by the responsible site. */
export function partnerRoutes(app: FastifyInstance, { database }: ModuleDeps) {
  const r = typed(app);
  const { db } = database;

  r.get(
    '/api/partners',
    {
      config: read,
      schema: { tags, querystring: partnerListQuery, response: responses({ 200: partnerList }) },
    },
    async (request) => listPartners(db, request.query),
  );

  r.post(
    '/api/partners',
    {
      config: write,
      schema: { tags, body: createPartnerBody, response: responses({ 201: partner }) },
    },
    async (request, reply) =>
      reply.status(201).send(await createPartner(networkActor(db, request), request.body)),
  );

  r.get(
    '/api/partners/:id',
    {
      config: read,
      schema: { tags, params: idParams, response: responses({ 200: partner }) },
    },
    async (request) => getPartner(db, request.params.id),
  );

  r.patch(
    '/api/partners/:id',
    {
      config: write,
      schema: { tags, params: idParams, body: updatePartnerBody, response: responses({ 200: partner }) },
    },
    async (request) => updatePartner(networkActor(db, request), request.params.id, request.body),
  );

  r.get(
    '/api/partners/:id/contacts',
    {
      config: read,
      schema: { tags, params: idParams, response: responses({ 200: partnerContactList }) },
    },
    async (request) => listPartnerContacts(db, request.params.id),
  );

  createRoute(
    app,
    '/api/partners/:id/contacts',
    { config: write, tags, params: idParams, body: createPartnerContactBody, response: partnerContact },
    (request, { id }, body) => addPartnerContact(networkActor(db, request), id, body),
  );
}
