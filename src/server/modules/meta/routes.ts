import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { metaResponse } from '../../../shared/schemas/auth.js';
import { type ModuleDeps, responses, typed } from '../../platform/http.js';
import { isDemo } from '../../setup/settings.js';

export const version = '0.1.0';

export function metaRoutes(app: FastifyInstance, { database, config }: ModuleDeps) {
  const r = typed(app);

  r.get(
    '/api/health',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['meta'],
        response: responses({ 200: z.object({ status: z.literal('ok'), engine: z.string() }) }),
      },
    },
    async () => ({ status: 'ok' as const, engine: database.engine }),
  );

  r.get(
    '/api/meta',
    {
      config: { permission: 'public' },
      schema: { tags: ['meta'], response: responses({ 200: metaResponse }) },
    },
    async () => ({
      name: 'Quartier',
      version,
      demo: await isDemo(database.db),
      languages: ['de', 'en'],
      idleTimeoutMinutes: config.QUARTIER_SESSION_IDLE_MINUTES,
      correctionDays: config.QUARTIER_CORRECTION_DAYS,
    }),
  );

  r.get(
    '/api/openapi.json',
    {
      config: { permission: 'public' },
      schema: { hide: true, response: { 200: z.looseObject({ openapi: z.string() }) } },
    },
    async () => app.swagger() as unknown as { openapi: string },
  );
}
