/**
 * What the copy engine needs to know about a Panorama database, read from the database itself
 * (so a table added by a later migration is copied without touching this code): its tables, their
 * columns and primary keys, the foreign keys between them (for the copy order) and the applied
 * migrations (the schema version).
 */
import { Migrator, NO_MIGRATIONS, sql, type Kysely } from 'kysely';
import type { Dialect } from '../api.js';
import { StoreError } from '../errors.js';
import { migrationProvider } from '../migrations/index.js';
import type { Database } from '../types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDb = Kysely<any>;

export interface TableInfo {
  name: string;
  /** Column names in their declaration order. */
  columns: string[];
  /** Primary key columns (empty when the table has none). */
  primaryKey: string[];
  /** Columns referencing another column of the same table (territories.parent_id → id). */
  selfReferences: { column: string; references: string }[];
}

/** Kysely's own bookkeeping tables: never copied as data. */
const INTERNAL = new Set(['kysely_migration', 'kysely_migration_lock']);

interface ForeignKey {
  fromTable: string;
  fromColumn: string;
  toTable: string;
  toColumn: string;
}

/** Names of every migration Panorama knows, in order; the last one is the current schema version. */
export async function knownMigrations(): Promise<string[]> {
  return Object.keys(await migrationProvider.getMigrations()).sort();
}

/** The schema version this code writes: the name of its latest migration. */
export async function latestMigration(): Promise<string> {
  const names = await knownMigrations();
  const last = names.at(-1);
  if (!last) throw new StoreError('no migration is defined');
  return last;
}

async function tableNames(db: AnyDb, dialect: Dialect): Promise<string[]> {
  if (dialect === 'sqlite') {
    const { rows } = await sql<{ name: string }>`
      SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`.execute(db);
    return rows.map((r) => r.name);
  }
  const { rows } = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`.execute(db);
  return rows.map((r) => r.name);
}

/** The schema version of a database: its latest applied migration, or null when it has none. */
export async function appliedMigration(db: AnyDb, dialect: Dialect): Promise<string | null> {
  if (!(await tableNames(db, dialect)).includes('kysely_migration')) return null;
  const { rows } = await sql<{ name: string }>`
    SELECT name FROM kysely_migration ORDER BY name DESC LIMIT 1`.execute(db);
  return rows[0]?.name ?? null;
}

/** Moves the schema to exactly `name` (up or down), or to no migration at all when null. */
export async function migrateTo(db: Kysely<Database>, name: string | null): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateTo(name ?? NO_MIGRATIONS);
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? name ?? 'none';
    throw new StoreError(
      `database migration "${failed}" failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

async function describeColumns(
  db: AnyDb,
  dialect: Dialect,
  table: string,
): Promise<{ columns: string[]; primaryKey: string[] }> {
  if (dialect === 'sqlite') {
    const { rows } = await sql<{ name: string; pk: number }>`
      SELECT name, pk FROM pragma_table_info(${table}) ORDER BY cid`.execute(db);
    return {
      columns: rows.map((r) => r.name),
      primaryKey: rows
        .filter((r) => r.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((r) => r.name),
    };
  }
  const columns = await sql<{ name: string }>`
    SELECT column_name AS name FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = ${table}
    ORDER BY ordinal_position`.execute(db);
  const pk = await sql<{ name: string }>`
    SELECT a.attname AS name
    FROM pg_index i
    JOIN pg_class c ON c.oid = i.indrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position)
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
    WHERE i.indisprimary AND c.relname = ${table} AND n.nspname = current_schema()
    ORDER BY k.position`.execute(db);
  return { columns: columns.rows.map((r) => r.name), primaryKey: pk.rows.map((r) => r.name) };
}

async function foreignKeys(db: AnyDb, dialect: Dialect, tables: string[]): Promise<ForeignKey[]> {
  if (dialect === 'sqlite') {
    const keys: ForeignKey[] = [];
    for (const table of tables) {
      const { rows } = await sql<{ table: string; from: string; to: string | null }>`
        SELECT "table", "from", "to" FROM pragma_foreign_key_list(${table})`.execute(db);
      for (const r of rows) {
        keys.push({ fromTable: table, fromColumn: r.from, toTable: r.table, toColumn: r.to ?? 'id' });
      }
    }
    return keys;
  }
  const { rows } = await sql<ForeignKey>`
    SELECT src.relname AS "fromTable", a1.attname AS "fromColumn",
           dst.relname AS "toTable", a2.attname AS "toColumn"
    FROM pg_constraint k
    JOIN pg_class src ON src.oid = k.conrelid
    JOIN pg_class dst ON dst.oid = k.confrelid
    JOIN pg_namespace n ON n.oid = k.connamespace
    CROSS JOIN LATERAL unnest(k.conkey, k.confkey) AS u(from_num, to_num)
    JOIN pg_attribute a1 ON a1.attrelid = k.conrelid AND a1.attnum = u.from_num
    JOIN pg_attribute a2 ON a2.attrelid = k.confrelid AND a2.attnum = u.to_num
    WHERE k.contype = 'f' AND n.nspname = current_schema()`.execute(db);
  return rows;
}

/**
 * Every data table of the database, parents before children (a table comes after every table
 * its foreign keys reference), ties broken by name so the order is the same on both dialects.
 */
export async function describeTables(db: AnyDb, dialect: Dialect): Promise<TableInfo[]> {
  const names = (await tableNames(db, dialect)).filter((n) => !INTERNAL.has(n)).sort();
  const keys = await foreignKeys(db, dialect, names);
  const infos = new Map<string, TableInfo>();
  for (const name of names) {
    const { columns, primaryKey } = await describeColumns(db, dialect, name);
    const selfReferences = keys
      .filter((k) => k.fromTable === name && k.toTable === name)
      .map((k) => ({ column: k.fromColumn, references: k.toColumn }));
    infos.set(name, { name, columns, primaryKey, selfReferences });
  }
  const ordered: TableInfo[] = [];
  const done = new Set<string>();
  const remaining = new Set(names);
  while (remaining.size > 0) {
    const ready = [...remaining].filter((name) =>
      keys.every(
        (k) => k.fromTable !== name || k.toTable === name || done.has(k.toTable) || !infos.has(k.toTable),
      ),
    );
    if (ready.length === 0) {
      throw new StoreError(`circular foreign keys between the tables ${[...remaining].join(', ')}`);
    }
    for (const name of ready.sort()) {
      ordered.push(infos.get(name)!);
      done.add(name);
      remaining.delete(name);
    }
  }
  return ordered;
}

/** Row count of every data table. */
export async function countRows(db: AnyDb, tables: TableInfo[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const { rows } = await sql<{ n: number | string }>`
      SELECT COUNT(*) AS n FROM ${sql.table(table.name)}`.execute(db);
    counts[table.name] = Number(rows[0]?.n ?? 0);
  }
  return counts;
}
