import type { FastifyInstance } from 'fastify';
import { PanoramaError } from '../contract/errors/index.js';

/** Characters a URL never needs to percent-encode (RFC 3986 §2.3): encoding them only disguises a path. */
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

/**
 * True when `rawUrl`'s path is written the one way Panorama's routes are: no percent-encoded
 * letters or digits, no `//`, no `.`/`..` segment, no backslash, no trailing slash, and a
 * lower-case first segment. The router decodes `/%61pi/users` into `/api/users` while a check on
 * the raw URL would not: refusing every other spelling leaves a single one to reason about.
 */
export function isCanonicalPath(rawUrl: string): boolean {
  const path = rawUrl.split('?', 1)[0] ?? '';
  if (!path.startsWith('/') || /\/\/|\\|;/.test(path)) return false;
  if (path.length > 1 && path.endsWith('/')) return false;
  for (const match of path.matchAll(/%([0-9A-Fa-f]{2})/g)) {
    const char = String.fromCharCode(parseInt(match[1]!, 16));
    if (UNRESERVED.test(char) || char === '/' || char === '\\') return false;
  }
  const segments = path.split('/');
  if (segments.some((s) => s === '.' || s === '..')) return false;
  const first = segments[1] ?? '';
  return first === first.toLowerCase();
}

/** Answers 404 to any request whose path is not canonical, before routing decisions are trusted. */
export function installCanonicalPathGuard(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (!isCanonicalPath(request.raw.url ?? '')) throw new PanoramaError('not_canonical_path');
  });
}
