import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../../platform/http.js';

/** Routes of the partners module (network work, issue 9). */
export function partnerRoutes(_app: FastifyInstance, _deps: ModuleDeps) {}
