import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../../platform/http.js';

/** Routes of the network module (network work, issue 9). */
export function networkRoutes(_app: FastifyInstance, _deps: ModuleDeps) {}
