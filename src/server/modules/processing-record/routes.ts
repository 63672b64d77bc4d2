import type { FastifyInstance, FastifyReply } from 'fastify';
import * as s from '../../../shared/schemas/processing-record.js';
import { type ModuleDeps, responses, typed } from '../../platform/http.js';
import { renderProcessingRecord } from './html.js';
import { buildProcessingRecord } from './service.js';

/** The record of processing activities (Art. 30 GDPR) for the DPO and the administration. */
export function processingRecordRoutes(app: FastifyInstance, { database, config }: ModuleDeps) {
  typed(app).get(
    '/api/processing-record',
    {
      config: { permission: 'processingRecord.read' },
      schema: {
        tags: ['processing-record'],
        summary:
          'The record of processing activities (Art. 30 GDPR), generated from the configuration; ?format=html prints',
        querystring: s.processingRecordQuery,
        response: responses({ 200: s.processingRecord }),
      },
    },
    async (request, reply) => {
      const record = await buildProcessingRecord(database, config);
      if (request.query.format === 'json') return record;
      // the HTML page is a string: the JSON schema above documents the data
      return (reply as FastifyReply).type('text/html; charset=utf-8').send(renderProcessingRecord(record));
    },
  );
}
