import type { DatabaseFailureCause } from '../contract/errors/maintenance.js';

/**
 * Why a database could not be opened, read from the driver's error codes (better-sqlite3, node
 * and pg), so that the edge words it in the user's language instead of showing the driver's text.
 * Every cause but "missing", which the caller knows before opening anything.
 */
export type OpenFailureCause = Exclude<DatabaseFailureCause, 'missing'>;

export interface OpenFailure {
  cause: OpenFailureCause;
  /** The driver's code (e.g. ECONNREFUSED, 28P01, SQLITE_NOTADB), for the administrator's search. */
  code?: string;
  /** The migration that failed (cause "migration"). */
  migration?: string;
}

const BY_CODE: Record<string, OpenFailureCause> = {
  NOT_POSTGRES_URL: 'not_postgres_url',
  ENOTDIR: 'folder',
  ENOENT: 'folder',
  EACCES: 'folder',
  EPERM: 'folder',
  EROFS: 'folder',
  SQLITE_CANTOPEN: 'folder',
  SQLITE_READONLY: 'folder',
  SQLITE_NOTADB: 'not_a_database',
  SQLITE_CORRUPT: 'not_a_database',
  SQLITE_BUSY: 'busy',
  SQLITE_LOCKED: 'busy',
  ECONNREFUSED: 'unreachable',
  ENOTFOUND: 'unreachable',
  EHOSTUNREACH: 'unreachable',
  ETIMEDOUT: 'unreachable',
  EAI_AGAIN: 'unreachable',
  '28P01': 'authentication',
  '28000': 'authentication',
  '3D000': 'no_such_database',
  '42501': 'permission',
  MIGRATION_FAILED: 'migration',
};

function codeOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const code = (value as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** Walks the error and its causes; the first code we know decides. */
export function describeOpenFailure(error: unknown): OpenFailure {
  let current: unknown = error;
  let firstCode: string | undefined;
  for (let depth = 0; depth < 5 && current; depth += 1) {
    const code = codeOf(current);
    firstCode ??= code;
    const cause = code ? BY_CODE[code] : undefined;
    if (cause === 'migration') {
      const inner = describeOpenFailure((current as { error?: unknown }).error);
      const migration = (current as { migration?: string }).migration;
      return { cause, ...(inner.code ? { code: inner.code } : {}), ...(migration ? { migration } : {}) };
    }
    if (cause) return { cause, ...(code ? { code } : {}) };
    current = (current as { cause?: unknown }).cause;
  }
  return { cause: 'other', ...(firstCode ? { code: firstCode } : {}) };
}
