import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { errorResponse } from '../../shared/schemas/common.js';
import type { Config } from './config.js';
import type { Database } from './db/client.js';

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
