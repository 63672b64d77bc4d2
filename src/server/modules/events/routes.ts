import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../../platform/http.js';

/** Routes of the events module (network work, issue 9). */
export function eventRoutes(_app: FastifyInstance, _deps: ModuleDeps) {}
