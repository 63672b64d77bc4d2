import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../../platform/http.js';

/** Routes of the volunteers module (network work, issue 9). */
export function volunteerRoutes(_app: FastifyInstance, _deps: ModuleDeps) {}
