/**
 * Storage layer: Kysely on an embedded SQLite file (default) or PostgreSQL (DATABASE_URL).
 * See docs/storage.md. Callers use the repositories and `transaction`; the Kysely instance is
 * reachable only by tests and benchmarks (inspect.ts).
 */
import { dirname } from 'node:path';
import { Migrator, sql } from 'kysely';
import type { Store, StoreOptions } from './api.js';
import { connect } from './connection.js';
import { StoreError } from './errors.js';
import { guardRepositories, insideTransaction, misuse, transactionContext } from './guard.js';
import { migrationProvider } from './migrations/index.js';
import { registerKysely } from './inspect.js';
import { createRepositories } from './repos/index.js';

export type * from './api.js';
export type { Database } from './types.js';
export { StoreError, StoreConflictError, StoreNotFoundError, StoreValidationError } from './errors.js';
export { isPostgresUrl, sqliteFile } from './connection.js';
export { describeOpenFailure, type OpenFailure, type OpenFailureCause } from './open-failure.js';
export { randomToken, sha256Hex } from './repos/common.js';
export { structureInputSchema } from './repos/structures.js';
export { buildRegistry } from './repos/registry.js';

/**
 * Opens the store: PostgreSQL (pg Pool) when `databaseUrl` starts with postgres:// or
 * postgresql://, otherwise the SQLite file `<dataDir ?? './data'>/panorama.sqlite` (WAL,
 * foreign keys on, busy timeout). Call `migrate()` before use.
 */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const { db, dialect, location } = connect(options);
  let closed = false;
  const store: Store = {
    dialect,
    ...guardRepositories(createRepositories({ db, dialect })),

    async ping() {
      await sql`SELECT 1`.execute(db);
    },

    async migrate() {
      const migrator = new Migrator({ db, provider: migrationProvider });
      const { error, results } = await migrator.migrateToLatest();
      if (error) {
        const failed = results?.find((r) => r.status === 'Error')?.migrationName;
        const reason = error instanceof Error ? error.message : String(error);
        throw new StoreError(
          failed
            ? `database migration "${failed}" failed on ${location}: ${reason}`
            : `cannot prepare the database ${location}: ${reason}`,
          { cause: failed ? { code: 'MIGRATION_FAILED', migration: failed, error } : error },
        );
      }
    },

    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },

    readerOptions() {
      return dialect === 'postgres'
        ? { databaseUrl: options.databaseUrl, readOnly: true }
        : { dataDir: dirname(location), readOnly: true };
    },

    async transaction(fn) {
      if (insideTransaction()) throw misuse('store.transaction()');
      const context = { active: true };
      try {
        return await db
          .transaction()
          .execute((trx) =>
            transactionContext.run(context, () => fn(createRepositories({ db: trx, dialect }))),
          );
      } finally {
        context.active = false;
      }
    },
  };
  registerKysely(store, db);
  return store;
}
