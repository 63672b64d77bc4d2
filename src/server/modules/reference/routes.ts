import type { FastifyInstance } from 'fastify';
import {
  createReferenceBody,
  referenceListParams,
  referenceValue,
  referenceValueList,
  referenceValueParams,
  reorderReferenceBody,
  updateReferenceBody,
} from '../../../shared/schemas/reference.js';
import { actorContext } from '../../platform/audit.js';
import { requestLanguage } from '../../platform/errors.js';
import { type ModuleDeps, responses, typed } from '../../platform/http.js';
import {
  createReference,
  listReference,
  presentReference,
  reorderReference,
  updateReference,
} from './service.js';

export function referenceRoutes(app: FastifyInstance, { database }: ModuleDeps) {
  const r = typed(app);
  const { db } = database;

  r.get(
    '/api/reference/:list',
    {
      config: { permission: 'reference.read' },
      schema: {
        tags: ['reference'],
        params: referenceListParams,
        response: responses({ 200: referenceValueList }),
      },
    },
    async (request) => {
      const lang = requestLanguage(request);
      return (await listReference(db, request.params.list)).map((row) => presentReference(row, lang));
    },
  );

  r.post(
    '/api/reference/:list',
    {
      config: { permission: 'reference.manage' },
      schema: {
        tags: ['reference'],
        params: referenceListParams,
        body: createReferenceBody,
        response: responses({ 201: referenceValue }),
      },
    },
    async (request, reply) => {
      const row = await createReference(db, actorContext(request), request.params.list, request.body);
      return reply.status(201).send(presentReference(row, requestLanguage(request)));
    },
  );

  r.put(
    '/api/reference/:list/order',
    {
      config: { permission: 'reference.manage' },
      schema: {
        tags: ['reference'],
        params: referenceListParams,
        body: reorderReferenceBody,
        response: responses({ 200: referenceValueList }),
      },
    },
    async (request) => {
      const rows = await reorderReference(db, actorContext(request), request.params.list, request.body.codes);
      const lang = requestLanguage(request);
      return rows.map((row) => presentReference(row, lang));
    },
  );

  r.patch(
    '/api/reference/:list/:code',
    {
      config: { permission: 'reference.manage' },
      schema: {
        tags: ['reference'],
        params: referenceValueParams,
        body: updateReferenceBody,
        response: responses({ 200: referenceValue }),
      },
    },
    async (request) => {
      const { list, code } = request.params;
      const row = await updateReference(db, actorContext(request), list, code, request.body);
      return presentReference(row, requestLanguage(request));
    },
  );
}
