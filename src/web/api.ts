import { errorMessage } from '../contract/errors/index.js';
import { getLang } from './i18n.js';

/**
 * Fetch wrapper for the Panorama API (docs/api.md). Every request says the interface's language
 * (Accept-Language), so errors come back as `{ error: { code, message, details? } }` worded in that
 * language by the server; they are surfaced as ApiError and shown as they are.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const NETWORK_ERROR = {
  fr: 'Serveur injoignable : vérifiez votre connexion.',
  en: 'Server unreachable: check your connection.',
};

let csrfToken: string | undefined;
let onUnauthorized: (() => void) | undefined;

/** Called when a request made with a session gets 401 (session expired): back to the login page. */
export function setUnauthorizedHandler(handler: (() => void) | undefined): void {
  onUnauthorized = handler;
}

/** Set after login / `GET /api/auth/me`; sent on every state-changing request. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function errorFrom(response: Response): Promise<ApiError> {
  let code = `http_${response.status}`;
  // Not a Panorama answer (a proxy's error page...): a message of our own, in the UI's language.
  let message =
    response.status >= 500
      ? errorMessage('internal', undefined, getLang())
      : errorMessage('request_refused', { status: response.status }, getLang());
  let details: unknown;
  try {
    const body = (await response.json()) as {
      error?: { code?: string; message?: string; details?: unknown };
    };
    if (body.error) {
      code = body.error.code ?? code;
      message = body.error.message ?? message;
      details = body.error.details;
    }
  } catch {
    // Not JSON (proxy error page, …): keep the status text.
  }
  return new ApiError(response.status, code, message, details);
}

export async function request(method: Method, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': getLang() };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', NETWORK_ERROR[getLang()]);
  }
  if (!response.ok) {
    const error = await errorFrom(response);
    if (error.status === 401 && !path.startsWith('/api/auth/') && !path.startsWith('/api/respond/'))
      onUnauthorized?.();
    throw error;
  }
  return response;
}

export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const response = await request(method, path, body);
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return (await response.text()) as T;
  return (await response.json()) as T;
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});
export const put = <T>(path: string, body?: unknown) => api<T>('PUT', path, body ?? {});
export const patch = <T>(path: string, body?: unknown) => api<T>('PATCH', path, body ?? {});

/** Builds "?a=1&b=2", skipping empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Reads a File as base64 (for `{ filename, content }` upload bodies). */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}
