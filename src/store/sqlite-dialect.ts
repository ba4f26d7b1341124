import { SqliteAdapter, SqliteDialect, type DialectAdapter } from 'kysely';

/**
 * SQLite runs DDL inside transactions, but Kysely's adapter says it does not, so its Migrator
 * would apply a migration statement by statement: a failure halfway left a half-upgraded file.
 * Saying so lets every migration (and a batch of them) commit whole or not at all, as on
 * PostgreSQL. Safe because our migrations never toggle `PRAGMA foreign_keys` (a no-op inside a
 * transaction).
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

export class TransactionalSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}
