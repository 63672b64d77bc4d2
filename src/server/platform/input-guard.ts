import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fieldIssueText } from '../../shared/field-issues.js';
import { requestLanguage, sendError } from './errors.js';

/** C0 controls except tab, line feed and carriage return; DEL; C1 controls. A NUL byte among them. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** The path of the first string (or object key) with a control character, e.g. `members.0.lastName`. */
export function findControlCharacter(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return controlCharacters.test(value) ? path.join('.') : null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = findControlCharacter(v, [...path, String(i)]);
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (controlCharacters.test(k)) return [...path, k.replace(controlCharacters, '?')].join('.');
      const found = findControlCharacter(v, [...path, k]);
      if (found !== null) return found;
    }
  }
  return null;
}

/**
 * Refuses control characters (NUL bytes above all) anywhere in a request's parameters, query or body with a
 * 400 naming the field — before any schema, service or database sees them (PostgreSQL cannot store NUL in
 * text and would answer with an error). Every route, present and future, is covered.
 */
export function registerInputGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request: FastifyRequest, reply) => {
    for (const [where, value] of [
      ['params', request.params],
      ['querystring', request.query],
      ['body', request.body],
    ] as const) {
      const path = findControlCharacter(value);
      if (path !== null) {
        const message = fieldIssueText('controlCharacters', requestLanguage(request));
        return sendError(request, reply, 'VALIDATION', [{ path: path || where, message }]);
      }
    }
  });
}
