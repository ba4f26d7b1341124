import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { TransactionalSqliteDialect } from './sqlite-dialect.js';
import pg from 'pg';
import type { Dialect, StoreOptions } from './api.js';
import { StoreError } from './errors.js';
import type { Database } from './types.js';

export interface Connection {
  dialect: Dialect;
  db: Kysely<Database>;
  /** Where the data lives, for messages (file path or URL without password). */
  location: string;
}

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//i.test(url);
}

export function sqliteFile(dataDir: string | undefined): string {
  return resolve(join(dataDir ?? './data', 'panorama.sqlite'));
}

export function connect(options: StoreOptions): Connection {
  if (options.databaseUrl !== undefined && options.databaseUrl !== '') {
    if (!isPostgresUrl(options.databaseUrl)) {
      throw new StoreError(
        `DATABASE_URL must start with postgres:// or postgresql:// (got "${redact(options.databaseUrl)}"); ` +
          'leave it unset to use the embedded SQLite file.',
        { cause: { code: 'NOT_POSTGRES_URL' } },
      );
    }
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      ...(options.readOnly ? { max: 2, options: '-c default_transaction_read_only=on' } : { max: 10 }),
    });
    // An idle client losing its connection must not crash the process; the next query reconnects.
    pool.on('error', (error) => {
      process.stderr.write(
        `PostgreSQL: an idle connection was lost (${error.message}); it will be reopened\n`,
      );
    });
    return {
      dialect: 'postgres',
      db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
      location: redact(options.databaseUrl),
    };
  }
  const file = sqliteFile(options.dataDir);
  let database: BetterSqlite3.Database;
  try {
    if (!options.readOnly) mkdirSync(join(file, '..'), { recursive: true });
    database = new BetterSqlite3(file, options.readOnly ? { readonly: true, fileMustExist: true } : {});
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreError(`cannot open the database file ${file}: ${reason} (check DATA_DIR)`, {
      cause: error,
    });
  }
  if (options.readOnly) {
    // The writer set WAL mode in the file; a reader only waits for locks like it.
    database.pragma('busy_timeout = 5000');
    return {
      dialect: 'sqlite',
      db: new Kysely<Database>({ dialect: new SqliteDialect({ database }) }),
      location: file,
    };
  }
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  // Answers matter more than write speed: FULL syncs the WAL at every commit, so a submitted
  // response survives a power cut.
  database.pragma('synchronous = FULL');
  return {
    dialect: 'sqlite',
    db: new Kysely<Database>({ dialect: new TransactionalSqliteDialect({ database }) }),
    location: file,
  };
}

function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
