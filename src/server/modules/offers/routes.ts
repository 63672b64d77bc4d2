import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../../platform/http.js';

/** Routes of the offers module (network work, issue 9). */
export function offerRoutes(_app: FastifyInstance, _deps: ModuleDeps) {}
