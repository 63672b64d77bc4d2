import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import type { FastifySchema } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { sessionCookie } from '../auth/sessions.js';
import { operationId, summaryFor } from './operations.js';

const sessionScheme = 'session';

type OperationSchema = FastifySchema & { summary?: string; operationId?: string; security?: unknown[] };

/**
 * The @fastify/swagger registration: the zod transform, then per operation a summary, an operationId
 * and `security: []` for public routes, so no route file has to carry them. Security is declared once,
 * globally: the session cookie. Writes also need the `x-csrf-token` header (the login answer's
 * `csrfToken`); OpenAPI has no way to say "and this header on writes", so the description says it.
 */
export function swaggerOptions(version: string): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Quartier API',
        version,
        description:
          'Local integration network for refugees. Sign in with POST /api/auth/login; the session ' +
          `travels in the httpOnly cookie \`${sessionCookie}\`. Every POST, PUT, PATCH and DELETE also ` +
          'needs the header `x-csrf-token` with the `csrfToken` of the login answer.',
      },
      servers: [{ url: '/', description: 'The Quartier server that serves this document' }],
      components: {
        securitySchemes: {
          [sessionScheme]: { type: 'apiKey', in: 'cookie', name: sessionCookie },
        },
      },
      security: [{ [sessionScheme]: [] }],
    },
    transform: (input) => {
      const { schema, url } = jsonSchemaTransform(input);
      const { route } = input;
      const method = (Array.isArray(route.method) ? route.method : [route.method]).find((m) => m !== 'HEAD');
      const own = (schema ?? {}) as OperationSchema;
      const result: OperationSchema = {
        ...own,
        summary: summaryFor(method ?? 'GET', route.url, own.summary),
        operationId: own.operationId ?? operationId(method ?? 'GET', route.url),
      };
      if (route.config?.permission === 'public') result.security = [];
      return { schema: result, url };
    },
  };
}
