import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { todayBerlin } from '../../../shared/dates.js';
import * as s from '../../../shared/schemas/export.js';
import { householdIdParams } from '../../../shared/schemas/households.js';
import { households, persons } from '../../db/schema/index.js';
import { actorContext, auditAccess } from '../../platform/audit.js';
import { currentUser } from '../../platform/auth/guard.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { type ModuleDeps, responses, typed } from '../../platform/http.js';
import { renderPdf } from './pdf.js';
import { type AccessViewer, exportPerson, householdAccessReport, mayRead } from './service.js';

const tags = ['subject-access'];
const permission = { permission: 'person.export' as const };

function viewer(db: Db, request: FastifyRequest): AccessViewer {
  const user = currentUser(request);
  return { db, ctx: actorContext(request), userId: user.id, role: user.role, siteIds: user.siteIds };
}

export function subjectAccessRoutes(app: FastifyInstance, { database }: ModuleDeps) {
  const r = typed(app);
  const { db } = database;
  r.get(
    '/api/persons/:id/export',
    {
      config: permission,
      schema: {
        tags,
        summary: 'Everything stored about a person, as JSON or PDF (Art. 15/20 GDPR)',
        params: s.personIdParams,
        querystring: s.personExportQuery,
        response: responses({ 200: s.personExport }),
      },
    },
    async (request, reply) => {
      const { format } = request.query;
      const data = await exportPerson(viewer(db, request), request.params.id, format);
      const name = `auskunft-${data.household.caseNumber}-${todayBerlin()}.${format}`;
      reply
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store');
      if (format === 'json') return data;
      // the PDF is bytes: the JSON schema above documents the data, the serializer leaves a Buffer alone
      return (reply as FastifyReply).type('application/pdf').send(await renderPdf(data));
    },
  );
  r.get(
    '/api/households/:id/access-report',
    {
      config: permission,
      schema: {
        tags,
        summary: 'Who opened or changed which record of a household when, newest first',
        params: householdIdParams,
        querystring: s.accessReportQuery,
        response: responses({ 200: s.accessReport }),
      },
    },
    async (request) =>
      householdAccessReport(
        viewer(db, request),
        request.params.id,
        request.query.page,
        request.query.pageSize,
      ),
  );
  r.get(
    '/api/subject-access/lookup',
    {
      config: permission,
      schema: {
        tags,
        summary: "A household's persons by case number (names and role only), to start an export",
        querystring: s.subjectLookupQuery,
        response: responses({ 200: s.subjectLookupResult }),
      },
    },
    async (request) => {
      const v = viewer(db, request);
      // unsafe by case number: mayRead() decides before anything is returned
      const [household] = await db
        .select({ id: households.id, caseNumber: households.caseNumber, siteId: households.siteId })
        .from(households)
        .where(eq(households.caseNumber, request.query.caseNumber.toUpperCase()));
      if (!household || !mayRead(v, household.siteId)) throw new AppError('NOT_FOUND');
      const members = await db
        .select({
          id: persons.id,
          firstName: persons.firstName,
          lastName: persons.lastName,
          roleInHousehold: persons.roleInHousehold,
        })
        .from(persons)
        .where(eq(persons.householdId, household.id))
        .orderBy(sql`${persons.roleInHousehold} <> 'head'`, persons.createdAt);
      await auditAccess(db, v.ctx, {
        action: 'record.searched',
        entityType: 'household',
        entityId: household.id,
        siteId: household.siteId,
        fields: ['caseNumber'],
      });
      return { householdId: household.id, caseNumber: household.caseNumber, persons: members };
    },
  );
}
