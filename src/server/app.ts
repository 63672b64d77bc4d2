import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyServerOptions, type RouteOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { appointmentRoutes } from './modules/appointments/routes.js';
import { auditRoutes } from './modules/audit/routes.js';
import { authRoutes } from './modules/auth/routes.js';
import { casePlanRoutes } from './modules/caseplans/routes.js';
import { consentRoutes } from './modules/consent/routes.js';
import { contactRoutes } from './modules/contacts/routes.js';
import { emergencyAccessRoutes } from './modules/emergency-access/routes.js';
import { eventRoutes } from './modules/events/routes.js';
import { followUpRoutes } from './modules/followups/routes.js';
import { geoRoutes } from './modules/geo/routes.js';
import { householdRoutes } from './modules/households/routes.js';
import { attachSearchCache } from './modules/households/search-cache.js';
import { mediatorRoutes } from './modules/mediators/routes.js';
import { metaRoutes, version } from './modules/meta/routes.js';
import { myDayRoutes } from './modules/myday/routes.js';
import { needRoutes } from './modules/needs/routes.js';
import { networkRoutes } from './modules/network/routes.js';
import { offerRoutes } from './modules/offers/routes.js';
import { partnerRoutes } from './modules/partners/routes.js';
import { privacyNoticeRoutes } from './modules/privacy-notices/routes.js';
import { processingRecordRoutes } from './modules/processing-record/routes.js';
import { referenceRoutes } from './modules/reference/routes.js';
import { referralRoutes } from './modules/referrals/routes.js';
import { retentionRoutes } from './modules/retention/routes.js';
import { siteRoutes } from './modules/sites/routes.js';
import { scheduleFold } from './modules/statistics/fold.js';
import { statisticsRoutes } from './modules/statistics/routes.js';
import { subjectAccessRoutes } from './modules/subject-access/routes.js';
import { transferRoutes } from './modules/transfers/routes.js';
import { privilegedChangeRoutes } from './modules/users/privileged-changes.js';
import { userRoutes } from './modules/users/routes.js';
import { volunteerRoutes } from './modules/volunteers/routes.js';
import { registerGuard } from './platform/auth/guard.js';
import { mfaRequiredRoles } from './platform/auth/mfa-policy.js';
import { SessionCache } from './platform/auth/session-cache.js';
import type { Config } from './platform/config.js';
import type { Database } from './platform/db/client.js';
import { registerErrorHandler, sendError } from './platform/errors.js';
import type { ModuleDeps } from './platform/http.js';
import { registerInputGuard } from './platform/input-guard.js';
import { swaggerOptions } from './platform/openapi/document.js';
import { databaseRateLimitStore } from './platform/rate-limit-store.js';
import { registerSecurityHeaders } from './platform/security-headers.js';
import { webAssetOptions } from './platform/web-assets.js';

declare module 'fastify' {
  interface FastifyInstance {
    registeredRoutes: RouteOptions[];
    /** this process's cache of sessions (tests await its barrier after writing sessions or users directly) */
    sessionCache: SessionCache;
  }
}

export const webDist = fileURLToPath(new URL('../../dist/web', import.meta.url));

export interface AppOptions {
  logger?: FastifyServerOptions['logger'];
  /** serve the built web app from dist/web (default: when it exists) */
  serveWeb?: boolean;
}

/**
 * Request log lines carry method, route pattern and ids — never the query string (a search for a name is
 * personal data) nor headers or bodies.
 */
function withSafeSerializers(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger || typeof logger !== 'object') return logger;
  return {
    ...logger,
    serializers: {
      req: (req: { method?: string; url?: string; routeOptions?: { url?: string }; id?: string }) => ({
        method: req.method,
        url: req.routeOptions?.url ?? req.url?.split('?')[0],
        id: req.id,
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

/** Builds the whole HTTP app on an open database. Used by main.ts and by the tests. */
export async function buildApp(database: Database, config: Config, options: AppOptions = {}) {
  const app = Fastify({
    logger: withSafeSerializers(options.logger ?? false),
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: 1_048_576,
    // behind a reverse proxy the client's address comes from X-Forwarded-For (rate limits, audit)
    trustProxy: config.QUARTIER_TRUST_PROXY,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerInputGuard(app);

  await app.register(cookie);
  registerSecurityHeaders(app);
  // the windows live in the database: every API process on it counts the same login attempts
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(database.db) });
  await app.register(swagger, swaggerOptions(version));
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    // API answers carry personal data (and exports): no browser or proxy may keep a copy
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    done(null, payload);
  });

  // Kept so a test can prove every route declares a permission and a response schema.
  const routes: RouteOptions[] = [];
  app.decorate('registeredRoutes', routes);
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });

  const deps: ModuleDeps = { database, config };
  const sessionCache = new SessionCache();
  const stopListening = await sessionCache.listen(database.listen, database.db);
  // the household searches' ranked matches, kept while the same notices say what changed (migration 0025)
  attachSearchCache(database.db, sessionCache);
  app.addHook('onClose', stopListening);
  // the statistics' write-side deltas, folded into the rollups in the background (migration 0026)
  const stopFold = scheduleFold(database.db, config.QUARTIER_STAT_FOLD_MS, (msg) => app.log.warn(msg));
  app.addHook('onClose', stopFold);
  app.decorate('sessionCache', sessionCache);
  registerGuard(
    app,
    database.db,
    {
      idleMinutes: config.QUARTIER_SESSION_IDLE_MINUTES,
      maxHours: config.QUARTIER_SESSION_MAX_HOURS,
    },
    mfaRequiredRoles(config),
    sessionCache,
  );
  for (const routes of [
    metaRoutes,
    authRoutes,
    userRoutes,
    siteRoutes,
    referenceRoutes,
    auditRoutes,
    householdRoutes,
    contactRoutes,
    needRoutes,
    consentRoutes,
    referralRoutes,
    followUpRoutes,
    appointmentRoutes,
    transferRoutes,
    casePlanRoutes,
    myDayRoutes,
    statisticsRoutes,
    geoRoutes,
    partnerRoutes,
    offerRoutes,
    networkRoutes,
    eventRoutes,
    volunteerRoutes,
    mediatorRoutes,
    retentionRoutes,
    subjectAccessRoutes,
    emergencyAccessRoutes,
    privilegedChangeRoutes,
    privacyNoticeRoutes,
    processingRecordRoutes,
  ]) {
    routes(app, deps);
  }

  const serveWeb = options.serveWeb ?? fs.existsSync(`${webDist}/index.html`);
  if (serveWeb) {
    await app.register(fastifyStatic, webAssetOptions(webDist));
  }
  app.setNotFoundHandler((request, reply) => {
    // Asset files that do not exist are a 404 too, not the app shell with the wrong type.
    const isFile = /\.[a-z0-9]+$/i.test(request.url.split('?')[0]);
    if (request.url.startsWith('/api/') || !serveWeb || request.method !== 'GET' || isFile) {
      return sendError(request, reply, 'NOT_FOUND');
    }
    // The web app routes on the client: every other GET gets its shell.
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
}
