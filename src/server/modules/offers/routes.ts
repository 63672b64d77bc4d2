import type { FastifyInstance } from 'fastify';
import {
  createOfferBody,
  idParams,
  offerDetail,
  offerList,
  offerListQuery,
  updateOfferBody,
} from '../../../shared/schemas/network.js';
import { type ModuleDeps, responses, typed } from '../../platform/http.js';
import { networkActor } from '../network/scope.js';
import { createOffer, getOffer, listOffers, markOfferChecked, updateOffer } from './service.js';

const tags = ['offers'];

/** Angebote: the staff's searchable directory (network.read); writes by the partner's site. */
export function offerRoutes(app: FastifyInstance, { database, config }: ModuleDeps) {
  const r = typed(app);
  const { db } = database;
  const months = config.QUARTIER_OFFER_REVIEW_MONTHS;

  r.get(
    '/api/offers',
    {
      config: { permission: 'network.read' },
      schema: { tags, querystring: offerListQuery, response: responses({ 200: offerList }) },
    },
    async (request) => listOffers(db, request.query, months),
  );

  r.post(
    '/api/offers',
    {
      config: { permission: 'network.write' },
      schema: { tags, body: createOfferBody, response: responses({ 201: offerDetail }) },
    },
    async (request, reply) =>
      reply.status(201).send(await createOffer(networkActor(db, request), request.body, months)),
  );

  r.get(
    '/api/offers/:id',
    {
      config: { permission: 'network.read' },
      schema: { tags, params: idParams, response: responses({ 200: offerDetail }) },
    },
    async (request) => getOffer(db, request.params.id, months),
  );

  r.patch(
    '/api/offers/:id',
    {
      config: { permission: 'network.write' },
      schema: { tags, params: idParams, body: updateOfferBody, response: responses({ 200: offerDetail }) },
    },
    async (request) => updateOffer(networkActor(db, request), request.params.id, request.body, months),
  );

  r.post(
    '/api/offers/:id/checked',
    {
      config: { permission: 'network.write' },
      schema: { tags, params: idParams, response: responses({ 200: offerDetail }) },
    },
    async (request) => markOfferChecked(networkActor(db, request), request.params.id, months),
  );
}
