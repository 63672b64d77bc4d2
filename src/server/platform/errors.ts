import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { type ErrorCode, errorTable } from '../../shared/errors.js';
import {
  type FieldIssueCode,
  fieldIssueText,
  type IssueParams,
  isFieldIssueCode,
} from '../../shared/field-issues.js';
import { zodIssueText } from './field-messages.js';

/** A problem with one field, by code; the error handler adds the text in the request's language. */
export interface FieldIssue {
  path: string;
  code: FieldIssueCode;
  params?: IssueParams;
}

/** Services throw this; the error handler turns it into `{error: {code, message, requestId, details}}`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: FieldIssue[],
  ) {
    super(code);
  }
}

/** `throw fieldError('notMember', 'personId')` — a 400 (or another code) naming the field. */
export function fieldError(
  code: FieldIssueCode,
  path: string,
  params?: IssueParams,
  error: ErrorCode = 'VALIDATION',
): AppError {
  return new AppError(error, [{ path, code, ...(params ? { params } : {}) }]);
}

/** Several field issues at once (all of a form's problems in one answer). */
export function fieldErrors(issues: FieldIssue[], error: ErrorCode = 'VALIDATION'): AppError {
  return new AppError(error, issues);
}

export function requestLanguage(request: FastifyRequest): 'de' | 'en' {
  const header = request.headers['accept-language'];
  return typeof header === 'string' && header.trim().toLowerCase().startsWith('en') ? 'en' : 'de';
}

function localiseDetails(details: unknown, lang: 'de' | 'en') {
  if (!Array.isArray(details)) return details;
  return details.map((d) => {
    if (!d || typeof d !== 'object' || !isFieldIssueCode(d.code)) return d;
    const { path, code, params } = d as FieldIssue;
    return { path, message: fieldIssueText(code, lang, params) };
  });
}

export function sendError(request: FastifyRequest, reply: FastifyReply, code: ErrorCode, details?: unknown) {
  const entry = errorTable[code];
  const lang = requestLanguage(request);
  return reply.status(entry.status).send({
    error: {
      code,
      message: entry[lang],
      requestId: request.id,
      ...(details === undefined ? {} : { details: localiseDetails(details, lang) }),
    },
  });
}

function pgCode(error: unknown): string | undefined {
  let e = error as { code?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 4; depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
    e = e.cause as typeof e;
  }
  return undefined;
}

/**
 * What of an error may be logged: its type, database error code, the message without the query's
 * parameters (drizzle appends them as "params: …" — names, notes) and the stack's frames. Never values.
 */
export function loggableError(error: unknown) {
  const e = error as { name?: unknown; message?: unknown; stack?: unknown; cause?: unknown };
  const message = String(e?.message ?? '')
    .split(/\nparams:/)[0]
    .slice(0, 500);
  const frames = String(e?.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, 12)
    .join('\n');
  const cause = e?.cause as { message?: unknown } | undefined;
  return {
    type: typeof e?.name === 'string' ? e.name : 'Error',
    code: pgCode(error) ?? null,
    message,
    ...(cause?.message
      ? {
          cause: String(cause.message)
            .split(/\nparams:/)[0]
            .slice(0, 300),
        }
      : {}),
    stack: frames,
  };
}

export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return sendError(request, reply, error.code, error.details);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const lang = requestLanguage(request);
      const details = error.validation.map((v) => ({
        path: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || where,
        message: zodIssueText(v.keyword, v.params, v.message ?? 'invalid', lang),
      }));
      return sendError(request, reply, 'VALIDATION', details);
    }
    if (isResponseSerializationError(error)) {
      request.log.error(
        { error: loggableError(error), route: request.routeOptions.url },
        'response did not match its schema',
      );
      return sendError(request, reply, 'INTERNAL');
    }
    const pg = pgCode(error);
    if (pg === '23505') return sendError(request, reply, 'CONFLICT');
    if (pg === '23503' || pg === '22P02' || pg === '22007' || pg === '22008')
      return sendError(request, reply, 'BAD_REQUEST');
    if (error.statusCode === 429) return sendError(request, reply, 'TOO_MANY_ATTEMPTS');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const code: ErrorCode =
        error.statusCode === 404 ? 'NOT_FOUND' : error.statusCode === 413 ? 'BAD_REQUEST' : 'BAD_REQUEST';
      return sendError(request, reply, code, { reason: error.message });
    }
    request.log.error({ error: loggableError(error), route: request.routeOptions.url }, 'unhandled error');
    return sendError(request, reply, 'INTERNAL');
  });
}
