import { type ErrorCode, errorTable } from '../../shared/errors';
import { currentLanguage } from '../i18n';

/** A field-level problem as the server reports it on 400 (`path` like "password" or "siteIds.0"). */
export interface FieldIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | null,
    readonly fieldIssues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called on a 401 from any call except login: the session has ended. */
export function onUnauthorized(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

const mutating = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const loginPath = '/api/auth/login';

function localText(code: string): string {
  const entry = errorTable[code as ErrorCode] ?? errorTable.INTERNAL;
  return entry[currentLanguage()];
}

function asFieldIssues(details: unknown): FieldIssue[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((d) =>
    d && typeof d === 'object' && 'path' in d && typeof d.path === 'string'
      ? [{ path: d.path, message: 'message' in d && typeof d.message === 'string' ? d.message : '' }]
      : [],
  );
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // not JSON (proxy error page, empty body): fall back to the local text for the status
  }
  const error =
    body && typeof body === 'object' && 'error' in body && body.error && typeof body.error === 'object'
      ? (body.error as Record<string, unknown>)
      : null;
  const code =
    typeof error?.code === 'string' ? error.code : response.status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL';
  const message = typeof error?.message === 'string' && error.message ? error.message : localText(code);
  const requestId =
    typeof error?.requestId === 'string' ? error.requestId : response.headers.get('x-request-id');
  return new ApiError(response.status, code, message, requestId, asFieldIssues(error?.details));
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (mutating.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', localText('INTERNAL'), null);
  }

  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && path !== loginPath) unauthorizedHandler?.();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
};
