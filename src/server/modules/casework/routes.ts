import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { recordIdParams, subIdParams } from '../../../shared/schemas/casework.js';
import { noContent } from '../../../shared/schemas/common.js';
import { removeRecordBody } from '../../../shared/schemas/corrections.js';
import { householdIdParams } from '../../../shared/schemas/households.js';
import { caseScope } from '../../platform/access.js';
import { actorContext } from '../../platform/audit.js';
import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/db/client.js';
import { type ModuleDeps, responses } from '../../platform/http.js';
import type { CorrectionRequest } from './correction.js';
import type { CaseRequest } from './write.js';

/** The request as a case-work service sees it: database, actor, scope. */
export function caseRequest(db: Db, request: FastifyRequest): CaseRequest {
  return { db, ctx: actorContext(request), scope: caseScope(request) };
}

/** A case request that also knows how long an author may correct their own records. */
export function correctionRequest(db: Db, config: Config, request: FastifyRequest): CorrectionRequest {
  return { ...caseRequest(db, request), correctionDays: config.QUARTIER_CORRECTION_DAYS };
}

type Out<R extends z.ZodType> = Promise<z.input<R>>;
type Schema = z.ZodType;
interface Io<B extends Schema, R extends Schema> {
  body: B;
  response: R;
}

export interface CaseRoutesSpec<
  CB extends Schema,
  CR extends Schema,
  LQ extends Schema,
  LR extends Schema,
  UB extends Schema,
  UR extends Schema,
  AQ extends Schema,
  AR extends Schema,
  OB extends Schema,
  OR extends Schema,
  KB extends Schema = z.ZodUnknown,
  KR extends Schema = z.ZodUnknown,
> {
  /** OpenAPI tags; default `[path]` */
  tags?: string[];
  /** the segment after `/api/households/:id/` (and after `/api/` for `across` and `byId`) */
  path: string;
  /** `POST /api/households/:id/<path>` (household.write) → 201 */
  create?: Io<CB, CR> & { handler: (req: CaseRequest, id: string, body: z.infer<CB>) => Out<CR> };
  /** `GET /api/households/:id/<path>` (household.read) → 200 */
  list?: {
    querystring?: LQ;
    response: LR;
    handler: (req: CaseRequest, id: string, q: z.infer<LQ>) => Out<LR>;
  };
  /**
   * `PATCH /api/households/:id/<path>/:subId` (household.write) → 200; with `action`,
   * `POST …/:subId/<action>` instead (withdrawing a consent is a named step, not a patch).
   */
  update?: Io<UB, UR> & {
    action?: string;
    handler: (req: CorrectionRequest, id: string, subId: string, body: z.infer<UB>) => Out<UR>;
  };
  /** `PATCH /api/households/:id/<path>/:subId` (household.write) → 200: a correction (`correction.ts`) */
  correct?: Io<KB, KR> & {
    handler: (req: CorrectionRequest, id: string, subId: string, body: z.infer<KB>) => Out<KR>;
  };
  /** `DELETE /api/households/:id/<path>/:subId` with `{reason}` (household.write) → 204 */
  remove?: (req: CorrectionRequest, id: string, subId: string, reason: string) => Promise<void>;
  /** `GET /api/<path>` (household.read): the records of all the user's sites, filtered by the query */
  across?: { querystring: AQ; response: AR; handler: (req: CaseRequest, q: z.infer<AQ>) => Out<AR> };
  /** `PATCH /api/<path>/:id` (household.write): a record addressed by its own id */
  byId?: Io<OB, OR> & { handler: (req: CaseRequest, id: string, body: z.infer<OB>) => Out<OR> };
}

/** `:id` and `:subId`, already checked by the route's params schema. */
type Ids = { id: string; subId: string };
type Handle = (req: CorrectionRequest, request: FastifyRequest, ids: Ids) => Promise<unknown>;

/**
 * The routes of a case record (needs, referrals, consents, follow-ups, …), each with its permission,
 * schemas and error responses, handing the service a `CaseRequest`. Use it as the module's routes:
 * `export const needRoutes = caseRoutes({ path: 'needs', create: {…}, list: {…} })`. The routes are
 * declared on the plain instance: the zod schemas still validate and serialise; the spec's handler
 * types carry the inferred shapes.
 */
export function caseRoutes<
  CB extends Schema,
  CR extends Schema,
  LQ extends Schema = z.ZodUnknown,
  LR extends Schema = z.ZodUnknown,
  UB extends Schema = z.ZodUnknown,
  UR extends Schema = z.ZodUnknown,
  AQ extends Schema = z.ZodUnknown,
  AR extends Schema = z.ZodUnknown,
  OB extends Schema = z.ZodUnknown,
  OR extends Schema = z.ZodUnknown,
  KB extends Schema = z.ZodUnknown,
  KR extends Schema = z.ZodUnknown,
>(spec: CaseRoutesSpec<CB, CR, LQ, LR, UB, UR, AQ, AR, OB, OR, KB, KR>) {
  const { path, create, list, update, correct, remove, across, byId } = spec;
  const tags = spec.tags ?? [path];
  const base = `/api/households/:id/${path}`;
  return (app: FastifyInstance, { database, config }: ModuleDeps) => {
    const add = (
      method: 'GET' | 'POST' | 'PATCH',
      url: string,
      write: boolean,
      schema: object,
      handle: Handle,
    ) =>
      app.route({
        method,
        url,
        config: { permission: write ? 'household.write' : 'household.read' },
        schema: { tags, ...schema },
        handler: (request) =>
          handle(correctionRequest(database.db, config, request), request, request.params as Ids),
      });
    if (create) {
      const schema = {
        params: householdIdParams,
        body: create.body,
        response: responses({ 201: create.response }),
      };
      app.route({
        method: 'POST',
        url: base,
        config: { permission: 'household.write' },
        schema: { tags, ...schema },
        handler: async (request, reply: FastifyReply) => {
          const { id } = request.params as Ids;
          const req = caseRequest(database.db, request);
          return reply.status(201).send(await create.handler(req, id, request.body as z.infer<CB>));
        },
      });
    }
    if (list) {
      const query = list.querystring ? { querystring: list.querystring } : {};
      const schema = { params: householdIdParams, ...query, response: responses({ 200: list.response }) };
      add('GET', base, false, schema, (req, r, { id }) => list.handler(req, id, r.query as z.infer<LQ>));
    }
    if (update) {
      const url = update.action ? `${base}/:subId/${update.action}` : `${base}/:subId`;
      const schema = {
        params: subIdParams,
        body: update.body,
        response: responses({ 200: update.response }),
      };
      add(update.action ? 'POST' : 'PATCH', url, true, schema, (req, r, { id, subId }) =>
        update.handler(req, id, subId, r.body as z.infer<UB>),
      );
    }
    if (correct) {
      const schema = {
        params: subIdParams,
        body: correct.body,
        response: responses({ 200: correct.response }),
      };
      add('PATCH', `${base}/:subId`, true, schema, (req, r, { id, subId }) =>
        correct.handler(req, id, subId, r.body as z.infer<KB>),
      );
    }
    if (remove) {
      app.route({
        method: 'DELETE',
        url: `${base}/:subId`,
        config: { permission: 'household.write' },
        schema: {
          tags,
          params: subIdParams,
          body: removeRecordBody,
          response: responses({ 204: noContent }),
        },
        handler: async (request, reply: FastifyReply) => {
          const { id, subId } = request.params as Ids;
          const { reason } = request.body as { reason: string };
          await remove(correctionRequest(database.db, config, request), id, subId, reason);
          return reply.status(204).send(null);
        },
      });
    }
    if (across) {
      const schema = { querystring: across.querystring, response: responses({ 200: across.response }) };
      add('GET', `/api/${path}`, false, schema, (req, r) => across.handler(req, r.query as z.infer<AQ>));
    }
    if (byId) {
      const schema = { params: recordIdParams, body: byId.body, response: responses({ 200: byId.response }) };
      add('PATCH', `/api/${path}/:id`, true, schema, (req, r, { id }) =>
        byId.handler(req, id, r.body as z.infer<OB>),
      );
    }
  };
}
