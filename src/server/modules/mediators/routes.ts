import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../../platform/http.js';

/** Routes of the mediators module (network work, issue 9). */
export function mediatorRoutes(_app: FastifyInstance, _deps: ModuleDeps) {}
