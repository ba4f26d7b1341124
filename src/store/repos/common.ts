import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Dialect } from '../api.js';
import { StoreConflictError, StoreValidationError } from '../errors.js';
import type { Database } from '../types.js';

/** What every repository factory receives: the executor (root db or a transaction) and the dialect. */
export interface RepoContext {
  db: Kysely<Database>;
  dialect: Dialect;
}

export const nowIso = (): string => new Date().toISOString();
export const newId = (): string => randomUUID();

/** Unguessable token: 24 random bytes = 192 bits, base64url (32 characters). */
export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export const toDbBool = (value: boolean): number => (value ? 1 : 0);
export const toDbBoolOrNull = (value: boolean | null | undefined): number | null =>
  value === null || value === undefined ? null : toDbBool(value);
export const fromDbBool = (value: number | string | boolean): boolean =>
  Number(value) === 1 || value === true;
export const fromDbBoolOrNull = (value: number | null): boolean | null =>
  value === null ? null : fromDbBool(value);

export function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

/** Both dialects return COUNT as text or bigint in some drivers. */
export const toCount = (value: unknown): number => Number(value ?? 0);

/**
 * Runs fn in a transaction unless db already is one (repositories used inside store.transaction
 * must join the caller's transaction, not open a nested one).
 */
export async function inTransaction<T>(
  db: Kysely<Database>,
  fn: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return fn(db);
  return db.transaction().execute(fn);
}

/** Long IN lists are split: SQLite and PostgreSQL both cap bound parameters. */
export function chunk<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Escapes LIKE wildcards so a user's "%" or "_" is matched literally (used with ESCAPE '\'). */
export function likePattern(search: string): string {
  return `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

interface DriverError {
  code?: unknown;
  message?: unknown;
  constraint?: unknown;
}

export function isUniqueViolation(error: unknown): boolean {
  const e = error as DriverError | null;
  return (
    !!e &&
    (e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
  );
}

export function isForeignKeyViolation(error: unknown): boolean {
  const e = error as DriverError | null;
  return !!e && (e.code === '23503' || e.code === 'SQLITE_CONSTRAINT_FOREIGNKEY');
}

export function isCheckViolation(error: unknown): boolean {
  const e = error as DriverError | null;
  return !!e && (e.code === '23514' || e.code === 'SQLITE_CONSTRAINT_CHECK');
}

/** Rethrows a unique violation as a StoreConflictError with a readable message. */
export async function mapConflict<T>(promise: Promise<T>, message: string, field?: string): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (isUniqueViolation(error)) throw new StoreConflictError(message, field);
    throw error;
  }
}

/**
 * Normalises an instant to `toISOString()` form: timestamps are compared as text, so every
 * stored value must have the same shape (UTC, milliseconds, Z).
 */
export function toIso(value: string, field: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new StoreValidationError(`${field}: "${value}" is not a valid date and time`, [
      { field, value, message: 'not a valid ISO date and time' },
    ]);
  }
  return date.toISOString();
}

/** `value` trimmed; an empty text is refused as `field` ("the campaign name is empty"). */
export function requiredText(value: string, what: string, field: string): string {
  const text = value.trim();
  if (!text) throw new StoreValidationError(`the ${what} is empty`, [{ field, message: 'empty' }]);
  return text;
}
