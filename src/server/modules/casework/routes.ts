import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { recordIdParams, subIdParams } from '../../../shared/schemas/casework.js';
import { householdIdParams } from '../../../shared/schemas/households.js';
import { caseScope } from '../../platform/access.js';
import { actorContext } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { responses } from '../../platform/http.js';
import type { CaseRequest } from './write.js';

/** The request as a case-work service sees it: database, actor, scope. */
export function caseRequest(db: Db, request: FastifyRequest): CaseRequest {
  return { db, ctx: actorContext(request), scope: caseScope(request) };
}

const read = { permission: 'household.read' } as const;
const write = { permission: 'household.write' } as const;

type Out<R extends z.ZodType> = Promise<z.input<R>>;

interface WriteSpec<B extends z.ZodType, R extends z.ZodType> {
  body: B;
  response: R;
}
interface ListSpec<Q extends z.ZodType, R extends z.ZodType> {
  querystring?: Q;
  response: R;
}

export interface HouseholdSubSpec<
  CB extends z.ZodType,
  CR extends z.ZodType,
  LQ extends z.ZodType,
  LR extends z.ZodType,
  UB extends z.ZodType,
  UR extends z.ZodType,
> {
  tags: string[];
  /** the segment after `/api/households/:id/` */
  path: string;
  /** `POST …/<path>` (household.write) → 201 */
  create?: WriteSpec<CB, CR> & { handler: (req: CaseRequest, id: string, body: z.infer<CB>) => Out<CR> };
  /** `GET …/<path>` (household.read) → 200 */
  list?: ListSpec<LQ, LR> & { handler: (req: CaseRequest, id: string, query: z.infer<LQ>) => Out<LR> };
  /**
   * `PATCH …/<path>/:subId` (household.write) → 200; with `action`, `POST …/<path>/:subId/<action>`
   * instead (e.g. withdrawing a consent is a named step, not a patch).
   */
  update?: WriteSpec<UB, UR> & {
    action?: string;
    handler: (req: CaseRequest, id: string, subId: string, body: z.infer<UB>) => Out<UR>;
  };
}

/** `:id` and `:subId`, already checked by the route's params schema. */
type Ids = { id: string; subId: string };

/**
 * The routes of a household sub-record (needs, referrals, consents, …): every one with its permission,
 * its schemas and the error responses, handing the service a `CaseRequest`. The routes are declared
 * on the plain instance: the zod schemas still validate and serialise, the spec's handler types carry
 * the inferred shapes.
 */
export function householdSubRoutes<
  CB extends z.ZodType,
  CR extends z.ZodType,
  LQ extends z.ZodType = z.ZodUnknown,
  LR extends z.ZodType = z.ZodUnknown,
  UB extends z.ZodType = z.ZodUnknown,
  UR extends z.ZodType = z.ZodUnknown,
>(app: FastifyInstance, db: Db, spec: HouseholdSubSpec<CB, CR, LQ, LR, UB, UR>) {
  const { tags, create, list, update } = spec;
  const base = `/api/households/:id/${spec.path}`;
  if (create) {
    app.route({
      method: 'POST',
      url: base,
      config: write,
      schema: {
        tags,
        params: householdIdParams,
        body: create.body,
        response: responses({ 201: create.response }),
      },
      handler: async (request, reply) => {
        const { id } = request.params as Ids;
        const created = await create.handler(caseRequest(db, request), id, request.body as z.infer<CB>);
        return reply.status(201).send(created);
      },
    });
  }
  if (list) {
    const query = list.querystring ? { querystring: list.querystring } : {};
    app.route({
      method: 'GET',
      url: base,
      config: read,
      schema: { tags, params: householdIdParams, ...query, response: responses({ 200: list.response }) },
      handler: async (request) =>
        list.handler(caseRequest(db, request), (request.params as Ids).id, request.query as z.infer<LQ>),
    });
  }
  if (update) {
    app.route({
      method: update.action ? 'POST' : 'PATCH',
      url: update.action ? `${base}/:subId/${update.action}` : `${base}/:subId`,
      config: write,
      schema: { tags, params: subIdParams, body: update.body, response: responses({ 200: update.response }) },
      handler: async (request) => {
        const { id, subId } = request.params as Ids;
        return update.handler(caseRequest(db, request), id, subId, request.body as z.infer<UB>);
      },
    });
  }
}

/**
 * Records addressed by their own id across the user's sites (appointments, follow-ups):
 * `GET /api/<path>` (household.read) and `PATCH /api/<path>/:id` (household.write).
 */
export function caseRecordRoutes<
  Q extends z.ZodType,
  LR extends z.ZodType,
  B extends z.ZodType,
  R extends z.ZodType,
>(
  app: FastifyInstance,
  db: Db,
  spec: {
    tags: string[];
    path: string;
    list: { querystring: Q; response: LR; handler: (req: CaseRequest, query: z.infer<Q>) => Out<LR> };
    update: WriteSpec<B, R> & { handler: (req: CaseRequest, id: string, body: z.infer<B>) => Out<R> };
  },
) {
  const { tags, list, update } = spec;
  app.route({
    method: 'GET',
    url: `/api/${spec.path}`,
    config: read,
    schema: { tags, querystring: list.querystring, response: responses({ 200: list.response }) },
    handler: async (request) => list.handler(caseRequest(db, request), request.query as z.infer<Q>),
  });
  app.route({
    method: 'PATCH',
    url: `/api/${spec.path}/:id`,
    config: write,
    schema: {
      tags,
      params: recordIdParams,
      body: update.body,
      response: responses({ 200: update.response }),
    },
    handler: async (request) =>
      update.handler(caseRequest(db, request), (request.params as Ids).id, request.body as z.infer<B>),
  });
}
