/**
 * Reading a table in batches (keyset pagination on its primary key, so each batch is an index
 * seek and the event loop gets a turn between batches) and writing rows in multi-row INSERTs.
 * Values travel as they are stored: text, integers and nulls, identical on both dialects.
 */
import { sql, type RawBuilder } from 'kysely';
import type { AnyDb, TableInfo } from './schema.js';

export type Row = unknown[];

export const DEFAULT_BATCH = 500;

/** A turn of the event loop: lets requests and timers run between two batches. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function columnList(columns: string[]): RawBuilder<unknown> {
  return sql.join(columns.map((c) => sql.ref(c)));
}

/**
 * The rows of `table`, `batchSize` at a time, each row an array in `table.columns` order, in
 * primary-key order. A table whose rows reference rows of the same table (territories) is read
 * whole and ordered parents first, so inserting in that order satisfies its foreign key.
 */
export async function* readTable(
  db: AnyDb,
  table: TableInfo,
  batchSize = DEFAULT_BATCH,
): AsyncGenerator<Row[]> {
  if (table.selfReferences.length > 0) {
    const all: Row[] = [];
    for await (const batch of readByKey(db, table, batchSize)) all.push(...batch);
    const ordered = parentsFirst(table, all);
    for (let i = 0; i < ordered.length; i += batchSize) yield ordered.slice(i, i + batchSize);
    return;
  }
  yield* readByKey(db, table, batchSize);
}

async function* readByKey(db: AnyDb, table: TableInfo, batchSize: number): AsyncGenerator<Row[]> {
  const columns = columnList(table.columns);
  const from = sql.table(table.name);
  const key = table.primaryKey;
  if (key.length === 0) {
    // No primary key: stable order on every column, offset pagination.
    for (let offset = 0; ; offset += batchSize) {
      const { rows } = await sql<Record<string, unknown>>`
        SELECT ${columns} FROM ${from} ORDER BY ${columns} LIMIT ${batchSize} OFFSET ${offset}`.execute(db);
      if (rows.length > 0) yield rows.map((r) => table.columns.map((c) => r[c] ?? null));
      if (rows.length < batchSize) return;
      await yieldToEventLoop();
    }
  }
  const keyList = columnList(key);
  let last: unknown[] | undefined;
  for (;;) {
    const after = last ? sql`WHERE (${keyList}) > (${sql.join(last.map((v) => sql`${v}`))})` : sql``;
    const { rows } = await sql<Record<string, unknown>>`
      SELECT ${columns} FROM ${from} ${after} ORDER BY ${keyList} LIMIT ${batchSize}`.execute(db);
    if (rows.length > 0) {
      yield rows.map((r) => table.columns.map((c) => r[c] ?? null));
      const lastRow = rows[rows.length - 1]!;
      last = key.map((c) => lastRow[c]);
    }
    if (rows.length < batchSize) return;
    await yieldToEventLoop();
  }
}

/** Orders rows so that a row comes after the row its self-reference points to. */
function parentsFirst(table: TableInfo, rows: Row[]): Row[] {
  const index = (name: string) => table.columns.indexOf(name);
  const refs = table.selfReferences.map((r) => ({ from: index(r.column), to: index(r.references) }));
  const byKey = new Map<string, Row[]>();
  for (const ref of refs) {
    for (const row of rows)
      byKey.set(`${ref.to}:${String(row[ref.to])}`, [
        ...(byKey.get(`${ref.to}:${String(row[ref.to])}`) ?? []),
        row,
      ]);
  }
  const placed = new Set<Row>();
  const out: Row[] = [];
  const visiting = new Set<Row>();
  const place = (row: Row) => {
    if (placed.has(row) || visiting.has(row)) return;
    visiting.add(row);
    for (const ref of refs) {
      const value = row[ref.from];
      if (value === null || value === undefined) continue;
      for (const parent of byKey.get(`${ref.to}:${String(value)}`) ?? []) if (parent !== row) place(parent);
    }
    visiting.delete(row);
    placed.add(row);
    out.push(row);
  };
  for (const row of rows) place(row);
  return out;
}

/**
 * Inserts rows (arrays in `columns` order) in multi-row statements small enough for both
 * dialects' parameter limits.
 */
export async function insertRows(db: AnyDb, table: string, columns: string[], rows: Row[]): Promise<void> {
  const perStatement = Math.max(1, Math.floor(8000 / Math.max(1, columns.length)));
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const values = sql.join(chunk.map((row) => sql`(${sql.join(row.map((v) => sql`${v}`))})`));
    await sql`INSERT INTO ${sql.table(table)} (${columnList(columns)}) VALUES ${values}`.execute(db);
  }
}

/** Deletes every row of the tables, children first. */
export async function deleteAll(db: AnyDb, tables: TableInfo[]): Promise<void> {
  for (const table of [...tables].reverse()) {
    if (table.selfReferences.length > 0) {
      // Break the self-references first: DELETE checks them row by row on PostgreSQL.
      for (const ref of table.selfReferences) {
        await sql`UPDATE ${sql.table(table.name)} SET ${sql.ref(ref.column)} = NULL`.execute(db);
      }
    }
    await sql`DELETE FROM ${sql.table(table.name)}`.execute(db);
  }
}
