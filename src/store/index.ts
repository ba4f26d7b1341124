/**
 * Storage layer: Kysely on an embedded SQLite file (default) or PostgreSQL (DATABASE_URL).
 * See docs/storage.md. Callers use the repositories; `db` is there for reports and tests.
 */
import type { Store, StoreOptions } from './api.js';

export type * from './api.js';
export type { Database } from './types.js';
export { StoreError, StoreConflictError, StoreNotFoundError, StoreValidationError } from './errors.js';

/**
 * Opens the store: PostgreSQL (pg Pool) when `databaseUrl` starts with postgres:// or
 * postgresql://, otherwise the SQLite file `<dataDir ?? './data'>/panorama.sqlite` (WAL,
 * foreign keys on, busy timeout). Call `migrate()` before use.
 */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  void options;
  throw new Error('openStore: implementation in progress');
}
