/**
 * The copy engine over Stores of either dialect: a consistent read of every table (one read
 * transaction, batches in dependency order) and an all-or-nothing write into another database
 * (one write transaction, row counts checked before it commits). Backups, restores and
 * `migrate-to` are built on these three functions.
 */
import { PanoramaError } from '../../contract/errors/index.js';
import type { Dialect, Store } from '../api.js';
import { kyselyOf } from '../inspect.js';
import { deleteAll, insertRows, readTable, DEFAULT_BATCH, type Row } from './rows.js';
import {
  appliedMigration,
  countRows,
  describeTables,
  knownMigrations,
  latestMigration,
  migrateTo,
  type TableInfo,
} from './schema.js';

export interface TableShape {
  name: string;
  columns: string[];
}

/** A consistent view of a database, valid inside readSnapshot's callback. */
export interface SnapshotReader {
  dialect: Dialect;
  /** Latest applied migration (null: the database was never migrated). */
  version: string | null;
  /** Data tables, parents first. */
  tables: TableShape[];
  counts: Record<string, number>;
  /** Rows of one table, in batches, as arrays in `columns` order. */
  rows(table: string, batchSize?: number): AsyncGenerator<Row[]>;
}

/** What writeIntoStore's callback uses to insert rows inside the target transaction. */
export interface TableWriter {
  tables: TableShape[];
  insert(table: string, columns: string[], rows: Row[]): Promise<void>;
}

export interface WriteOptions {
  /** Schema version of the rows about to be written. */
  version: string;
  /** Delete the target's rows first (in the same transaction) instead of refusing a non-empty target. */
  force?: boolean;
  /** How to name the target in messages. */
  target: string;
  /** Error raised for a non-empty target without `force` (default backup_target_not_empty). */
  notEmptyError?: 'backup_target_not_empty' | 'migrate_target_not_empty';
}

/**
 * Runs fn with a reader over one consistent snapshot of the store: a REPEATABLE READ transaction
 * on PostgreSQL, a read transaction on SQLite (in WAL mode it does not block writers on other
 * connections). Call it on a store no one else in this process uses meanwhile on SQLite: the
 * transaction holds its only connection.
 */
export async function readSnapshot<T>(store: Store, fn: (reader: SnapshotReader) => Promise<T>): Promise<T> {
  const db = kyselyOf(store);
  const dialect = store.dialect;
  let begin = db.transaction();
  if (dialect === 'postgres') begin = begin.setIsolationLevel('repeatable read').setAccessMode('read only');
  return begin.execute(async (trx) => {
    const tables = await describeTables(trx, dialect);
    const byName = new Map(tables.map((t) => [t.name, t]));
    const reader: SnapshotReader = {
      dialect,
      version: await appliedMigration(trx, dialect),
      tables: tables.map(({ name, columns }) => ({ name, columns })),
      counts: await countRows(trx, tables),
      rows(table, batchSize = DEFAULT_BATCH) {
        const info = byName.get(table);
        if (!info) throw new Error(`readSnapshot: unknown table ${table}`);
        return readTable(trx, info, batchSize);
      },
    };
    return fn(reader);
  });
}

/** Schema versions known to this code, in order (read from the migrations, never hard-coded). */
export { knownMigrations, latestMigration };

/** Latest migration applied to the store's database (null: never migrated). */
export async function schemaVersion(store: Store): Promise<string | null> {
  return appliedMigration(kyselyOf(store), store.dialect);
}

/** Row count of every data table (empty object for a database that was never migrated). */
export async function tableCounts(store: Store): Promise<Record<string, number>> {
  const db = kyselyOf(store);
  return countRows(db, await describeTables(db, store.dialect));
}

function describeNonEmpty(counts: Record<string, number>): string {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([table, n]) => `${table} : ${n}`)
    .join(', ');
}

/**
 * Checks the target can receive rows at schema `options.version` (empty, or `force`), brings an
 * empty target to that schema version, then runs fn inside ONE transaction: every row fn inserts
 * is committed together, after the target's row counts were checked against what fn returns
 * (the counts it wrote, per table). Any error rolls everything back. After the commit the target
 * is migrated to the latest schema this code knows. Returns the committed counts.
 */
export async function writeIntoStore(
  store: Store,
  options: WriteOptions,
  fn: (writer: TableWriter) => Promise<Record<string, number>>,
): Promise<Record<string, number>> {
  const db = kyselyOf(store);
  const dialect = store.dialect;
  const current = await appliedMigration(db, dialect);
  const before = current === null ? {} : await countRows(db, await describeTables(db, dialect));
  const nonEmpty = describeNonEmpty(before);
  if (nonEmpty && !options.force) {
    throw new PanoramaError(options.notEmptyError ?? 'backup_target_not_empty', {
      target: options.target,
      tables: nonEmpty,
    });
  }
  if (current !== options.version) {
    if (nonEmpty) {
      throw new PanoramaError('backup_schema_mismatch', {
        target: options.target,
        source: options.version,
        current: current ?? '-',
      });
    }
    await migrateTo(db, options.version);
  }
  const counts = await db.transaction().execute(async (trx) => {
    const tables = await describeTables(trx, dialect);
    const byName = new Map<string, TableInfo>(tables.map((t) => [t.name, t]));
    if (options.force) await deleteAll(trx, tables);
    const writer: TableWriter = {
      tables: tables.map(({ name, columns }) => ({ name, columns })),
      async insert(table, columns, rows) {
        const info = byName.get(table);
        if (!info) throw new Error(`table ${table} does not exist in the target database`);
        const expected = [...info.columns].sort().join(',');
        if ([...columns].sort().join(',') !== expected) {
          throw new Error(
            `table ${table}: columns (${columns.join(', ')}) differ from the target's (${info.columns.join(', ')})`,
          );
        }
        if (rows.length > 0) await insertRows(trx, table, columns, rows);
      },
    };
    const written = await fn(writer);
    const actual = await countRows(trx, tables);
    for (const table of tables) {
      const expected = written[table.name] ?? 0;
      if (actual[table.name] !== expected) {
        throw new PanoramaError('backup_count_mismatch', {
          table: table.name,
          expected,
          actual: actual[table.name] ?? 0,
        });
      }
    }
    for (const name of Object.keys(written)) {
      if (!byName.has(name) && written[name]! > 0) {
        throw new Error(`table ${name} does not exist in the target database`);
      }
    }
    return actual;
  });
  await store.migrate();
  return counts;
}

export interface CopyResult {
  version: string | null;
  counts: Record<string, number>;
}

/**
 * Copies every row of `source` into `target` (either dialect each way): one consistent read of
 * the source, one transaction on the target, counts compared per table before the commit and
 * again after it. The source must be at a schema version this code knows.
 */
export async function copyStore(
  source: Store,
  target: Store,
  options: {
    target: string;
    /** How to name the source in messages (a file name for a restore). */
    source?: string;
    force?: boolean;
    notEmptyError?: WriteOptions['notEmptyError'];
    batchSize?: number;
    onTable?: (table: string, rows: number) => void;
  },
): Promise<CopyResult> {
  const known = await knownMigrations();
  return readSnapshot(source, async (reader) => {
    if (reader.version === null) return { version: null, counts: {} };
    if (!known.includes(reader.version)) {
      throw new PanoramaError('backup_schema_newer', {
        file: options.source ?? 'source',
        version: reader.version,
        latest: known.at(-1) ?? '-',
      });
    }
    await writeIntoStore(
      target,
      {
        version: reader.version,
        force: options.force,
        target: options.target,
        notEmptyError: options.notEmptyError,
      },
      async (writer) => {
        for (const table of reader.tables) {
          for await (const batch of reader.rows(table.name, options.batchSize)) {
            await writer.insert(table.name, table.columns, batch);
          }
          options.onTable?.(table.name, reader.counts[table.name] ?? 0);
        }
        return reader.counts;
      },
    );
    const after = await tableCounts(target);
    for (const [table, expected] of Object.entries(reader.counts)) {
      if ((after[table] ?? 0) !== expected) {
        throw new PanoramaError('backup_count_mismatch', { table, expected, actual: after[table] ?? 0 });
      }
    }
    return { version: reader.version, counts: reader.counts };
  });
}
