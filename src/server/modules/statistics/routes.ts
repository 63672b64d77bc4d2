import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  breakdownReport,
  fullReport,
  householdsPerMonthReport,
  reasonsMatrixReport,
  reasonsPerMonthReport,
  type StatisticsTable,
  sitesReport,
  statisticsCsvQuery,
  statisticsExportQuery,
  statisticsQuery,
} from '../../../shared/schemas/statistics.js';
import { networkReport, networkStatisticsQuery } from '../../../shared/schemas/statistics-network.js';
import { type ActorContext, actorContext } from '../../platform/audit.js';
import { currentUser } from '../../platform/auth/guard.js';
import { requestLanguage } from '../../platform/errors.js';
import { type ModuleDeps, responses, typed } from '../../platform/http.js';
import type { Viewer } from './filters.js';
import { viewNetworkReport } from './network-service.js';
import { exportCsv, exportCsvZip, exportXlsx, projectPart, type ReportFile, viewReport } from './service.js';

const tags = ['statistics'];
const config = { permission: 'statistics.read' as const };

function viewer(request: FastifyRequest): Viewer {
  const user = currentUser(request);
  return { role: user.role, siteIds: user.siteIds };
}

const parts: [StatisticsTable, z.ZodType, string][] = [
  ['sites', sitesReport, 'households, persons and contacts per site (the seed’s table)'],
  ['households-per-month', householdsPerMonthReport, 'registered households per site per month, cumulative'],
  ['households-per-district', breakdownReport, 'registered households per district (the map)'],
  ['contact-types', breakdownReport, 'contacts by contact type'],
  ['reasons-by-life-area', breakdownReport, 'counselling reasons by life area'],
  ['reasons-by-support-kind', breakdownReport, 'counselling reasons by kind of support'],
  ['reasons-matrix', reasonsMatrixReport, 'counselling reasons, life area × kind of support'],
  ['reasons-per-month', reasonsPerMonthReport, 'counselling reasons per month and life area (trend)'],
];

export function statisticsRoutes(app: FastifyInstance, { database }: ModuleDeps) {
  const r = typed(app);
  const { db } = database;

  r.get(
    '/api/statistics/report',
    {
      config,
      schema: {
        tags,
        description: 'the whole report page in one answer',
        querystring: statisticsQuery,
        response: responses({ 200: fullReport }),
      },
    },
    async (request) =>
      viewReport(
        db,
        actorContext(request),
        viewer(request),
        request.query,
        requestLanguage(request),
        'report',
      ),
  );

  r.get(
    '/api/statistics/network',
    {
      config,
      schema: {
        tags,
        description:
          'network and community work: events and participants by type and district, volunteers, mediator bookings by language, referrals to offers by life area, the gaps of the network survey',
        querystring: networkStatisticsQuery,
        response: responses({ 200: networkReport }),
      },
    },
    async (request) =>
      viewNetworkReport(db, actorContext(request), viewer(request), request.query, requestLanguage(request)),
  );

  for (const [part, response, description] of parts) {
    r.get(
      `/api/statistics/${part}`,
      {
        config,
        schema: { tags, description, querystring: statisticsQuery, response: responses({ 200: response }) },
      },
      async (request) => {
        const report = await viewReport(
          db,
          actorContext(request),
          viewer(request),
          request.query,
          requestLanguage(request),
          part,
        );
        return projectPart(report, part);
      },
    );
  }

  r.get(
    '/api/statistics/export.xlsx',
    {
      config,
      schema: {
        tags,
        description:
          'one sheet per table and chart plus a sheet with the filters and definitions; dates are date cells (dd.mm.yyyy), "created" in Europe/Berlin time; sheet and file names in `lang`',
        querystring: statisticsExportQuery,
        response: responses({ 200: z.any().describe('XLSX workbook') }),
      },
    },
    async (request, reply) => {
      const { lang, ...q } = request.query;
      const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      return sendReportFile(request, reply, lang, type, (ctx, v, l) => exportXlsx(db, ctx, v, q, l));
    },
  );

  r.get(
    '/api/statistics/export.csv',
    {
      config,
      schema: {
        tags,
        description:
          '`dialect=excel` (default, for German Excel): semicolons, UTF-8 with BOM, decimal comma, dates dd.mm.yyyy, CRLF; with `table=<name>` that table as in its XLSX sheet, without every table as a block (title line, header row, rows) with an empty line between. `dialect=plain` (machines): commas, no BOM, decimal point, ISO dates; with `table` that table, without one long CSV with the columns table,row,label,column,value',
        querystring: statisticsCsvQuery,
        response: responses({ 200: z.any().describe('CSV text') }),
      },
    },
    async (request, reply) => {
      const { table, dialect, lang, ...q } = request.query;
      return sendReportFile(request, reply, lang, 'text/csv; charset=utf-8', (ctx, v, l) =>
        exportCsv(db, ctx, v, q, l, { table, dialect }),
      );
    },
  );

  r.get(
    '/api/statistics/export.zip',
    {
      config,
      schema: {
        tags,
        description:
          'the whole report as a ZIP: the filters and definitions and one CSV per table in the excel dialect of export.csv, file names in `lang` (statistik-2021-standorte.csv)',
        querystring: statisticsExportQuery,
        response: responses({ 200: z.any().describe('ZIP archive') }),
      },
    },
    async (request, reply) => {
      const { lang, ...q } = request.query;
      return sendReportFile(request, reply, lang, 'application/zip', (ctx, v, l) =>
        exportCsvZip(db, ctx, v, q, l),
      );
    },
  );
}

/**
 * Renders a report file for the request's actor and viewer, in `lang` or else the request's language,
 * and sends it as an attachment of `type`.
 */
async function sendReportFile(
  request: FastifyRequest,
  reply: FastifyReply,
  lang: 'de' | 'en' | undefined,
  type: string,
  render: (ctx: ActorContext, viewer: Viewer, lang: 'de' | 'en') => Promise<ReportFile<string | Buffer>>,
) {
  const file = await render(actorContext(request), viewer(request), lang ?? requestLanguage(request));
  return attachment(reply, type, file);
}

function attachment(reply: FastifyReply, type: string, file: ReportFile<string | Buffer>) {
  return reply
    .type(type)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .send(file.body);
}
