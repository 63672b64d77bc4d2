import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import * as s from '../../../shared/schemas/privacy-notices.js';
import { actorContext } from '../../platform/audit.js';
import { type ModuleDeps, responses, typed } from '../../platform/http.js';
import { renderNoticePage } from './print.js';
import { getNotice, listNotices, presentNotice, publishNotice } from './service.js';

const tags = ['privacy-notices'];

/** Privacy notices (Art. 13 GDPR): staff read and print them, the DPO publishes new versions. */
export function privacyNoticeRoutes(app: FastifyInstance, { database }: ModuleDeps) {
  const r = typed(app);
  const { db } = database;
  r.get(
    '/api/privacy-notices',
    {
      config: { permission: 'privacyNotice.read' },
      schema: {
        tags,
        summary: 'The current privacy notice per language (with `language`: all its versions, newest first)',
        querystring: s.privacyNoticesQuery,
        response: responses({ 200: s.privacyNoticeList }),
      },
    },
    async (request) => listNotices(db, request.query.language),
  );
  r.post(
    '/api/privacy-notices',
    {
      config: { permission: 'privacyNotice.manage' },
      schema: {
        tags,
        summary: 'Publish the next version of the privacy notice of a language',
        body: s.createPrivacyNoticeBody,
        response: responses({ 201: s.privacyNotice }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await publishNotice(db, actorContext(request), request.body)),
  );
  r.get(
    '/api/privacy-notices/:id/print',
    {
      config: { permission: 'privacyNotice.read' },
      schema: {
        tags,
        summary: 'One version of a privacy notice as a printable A4 page (HTML, right to left for ar and fa)',
        params: s.privacyNoticeIdParams,
        response: responses({ 200: z.string() }),
      },
    },
    async (request, reply) => {
      const row = await getNotice(db, request.params.id);
      const html = renderNoticePage(row, presentNotice(row).dir);
      return (reply as FastifyReply).type('text/html; charset=utf-8').send(html);
    },
  );
}
