import type { FastifyContextConfig, FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Permission } from '../../shared/permissions.js';
import { errorResponse, noContent } from '../../shared/schemas/common.js';
import { type ActorContext, actorContext } from './audit.js';
import type { Config } from './config.js';
import type { Database, Db } from './db/client.js';

/** What every module's routes receive. */
export interface ModuleDeps {
  database: Database;
  config: Config;
}

export type Router = ReturnType<FastifyInstance['withTypeProvider']> & FastifyInstance;

export function typed(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

/** Success responses plus the error shapes every route may answer with (for validation and OpenAPI). */
export function responses<T extends Record<number, z.ZodType>>(ok: T) {
  return {
    ...ok,
    400: errorResponse,
    401: errorResponse,
    403: errorResponse,
    404: errorResponse,
    409: errorResponse,
    429: errorResponse,
  };
}

type Out<R extends z.ZodType> = Promise<z.input<R>>;

/** A write route's declaration: its permission (`config`), OpenAPI tags and summary, request schemas. */
export interface WriteRouteSpec<P extends z.ZodType, B extends z.ZodType> {
  config: FastifyContextConfig;
  tags: string[];
  summary?: string;
  params?: P;
  body?: B;
}

/** The handler of a write route: the request (for actor and scope) and its checked params and body. */
type WriteHandler<P extends z.ZodType, B extends z.ZodType, T> = (
  request: FastifyRequest,
  params: z.infer<P>,
  body: z.infer<B>,
) => Promise<T>;

function writeSchema<P extends z.ZodType, B extends z.ZodType>(spec: WriteRouteSpec<P, B>) {
  const { tags, summary, params, body } = spec;
  return {
    tags,
    ...(summary ? { summary } : {}),
    ...(params ? { params } : {}),
    ...(body ? { body } : {}),
  };
}

/** `POST <url>` that creates a record and answers 201 with it (a sub-record: `…/:id/participants`). */
export function createRoute<P extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  app: FastifyInstance,
  url: string,
  spec: WriteRouteSpec<P, B> & { response: R },
  handler: WriteHandler<P, B, z.input<R>>,
) {
  app.route({
    method: 'POST',
    url,
    config: spec.config,
    schema: { ...writeSchema(spec), response: responses({ 201: spec.response }) },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await handler(request, request.params as z.infer<P>, request.body as z.infer<B>)),
  });
}

/** `DELETE <url>` that removes a record and answers 204 without a body. */
export function deleteRoute<P extends z.ZodType, B extends z.ZodType>(
  app: FastifyInstance,
  url: string,
  spec: WriteRouteSpec<P, B>,
  handler: WriteHandler<P, B, void>,
) {
  app.route({
    method: 'DELETE',
    url,
    config: spec.config,
    schema: { ...writeSchema(spec), response: responses({ 204: noContent }) },
    handler: async (request, reply) => {
      await handler(request, request.params as z.infer<P>, request.body as z.infer<B>);
      return reply.status(204).send(null);
    },
  });
}

/** The three routes of an administered list (sites, users): list, create (201), update by `:id`. */
export interface ResourceSpec<
  LQ extends z.ZodType,
  LR extends z.ZodType,
  CB extends z.ZodType,
  CR extends z.ZodType,
  UB extends z.ZodType,
  UR extends z.ZodType,
> {
  tags: string[];
  /** e.g. `/api/sites`; update is `PATCH <path>/:id` */
  path: string;
  /** the list's permission; create and update need `manage` */
  read: Permission;
  manage: Permission;
  list: { querystring?: LQ; response: LR; handler: (db: Db, q: z.infer<LQ>) => Out<LR> };
  create: { body: CB; response: CR; handler: (db: Db, ctx: ActorContext, body: z.infer<CB>) => Out<CR> };
  update: {
    params: z.ZodType<{ id: string }>;
    body: UB;
    response: UR;
    handler: (db: Db, ctx: ActorContext, id: string, body: z.infer<UB>) => Out<UR>;
  };
}

/**
 * Declares an administered list's routes, each with its permission, schemas and error responses.
 * Use it as the module's routes: `export const siteRoutes = resourceRoutes({ … })`.
 */
export function resourceRoutes<
  LQ extends z.ZodType,
  LR extends z.ZodType,
  CB extends z.ZodType,
  CR extends z.ZodType,
  UB extends z.ZodType,
  UR extends z.ZodType,
>(spec: ResourceSpec<LQ, LR, CB, CR, UB, UR>) {
  const { tags, path, list, create, update } = spec;
  return (app: FastifyInstance, { database: { db } }: ModuleDeps) => {
    const query = list.querystring ? { querystring: list.querystring } : {};
    app.route({
      method: 'GET',
      url: path,
      config: { permission: spec.read },
      schema: { tags, ...query, response: responses({ 200: list.response }) },
      handler: (request) => list.handler(db, request.query as z.infer<LQ>),
    });
    app.route({
      method: 'POST',
      url: path,
      config: { permission: spec.manage },
      schema: { tags, body: create.body, response: responses({ 201: create.response }) },
      handler: async (request, reply) =>
        reply.status(201).send(await create.handler(db, actorContext(request), request.body as z.infer<CB>)),
    });
    app.route({
      method: 'PATCH',
      url: `${path}/:id`,
      config: { permission: spec.manage },
      schema: {
        tags,
        params: update.params,
        body: update.body,
        response: responses({ 200: update.response }),
      },
      handler: (request) => {
        const { id } = request.params as { id: string };
        return update.handler(db, actorContext(request), id, request.body as z.infer<UB>);
      },
    });
  };
}
