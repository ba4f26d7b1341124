import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGunzip, gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { openStore, type Store } from '../../../src/store/index.js';
import { readSnapshot } from '../../../src/store/copy/index.js';

/** A new, empty (never migrated) database, and how the CLI reaches it. */
export interface FreshDatabase {
  store: Store;
  /** Environment for the panorama binary (DATA_DIR or DATABASE_URL). */
  env: Record<string, string>;
  /** SQLite data directory (for SQLite) — also used as scratch space. */
  dir: string;
  /** Opens the same database again (after its store was closed). */
  reopen(): Promise<FreshDatabase>;
}

export type DatabaseFactory = () => Promise<FreshDatabase>;

export function sqliteFactory(): DatabaseFactory {
  return async () => {
    const dir = mkdtempSync(join(tmpdir(), 'panorama-maint-'));
    const open = async (): Promise<FreshDatabase> => ({
      store: await openStore({ dataDir: dir }),
      env: { DATA_DIR: dir },
      dir,
      reopen: open,
    });
    return open();
  };
}

let counter = 0;
/** A new database on the throw-away cluster at `clusterUrl` for every call. */
export function postgresFactory(clusterUrl: () => string): DatabaseFactory {
  return async () => {
    counter += 1;
    const name = `maint_${process.pid}_${counter}`;
    const admin = new pg.Client({ connectionString: clusterUrl() });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    const url = clusterUrl().replace(/\/[^/]*$/, `/${name}`);
    const dir = mkdtempSync(join(tmpdir(), 'panorama-maint-'));
    const open = async (): Promise<FreshDatabase> => ({
      store: await openStore({ databaseUrl: url }),
      env: { DATABASE_URL: url, DATA_DIR: dir },
      dir,
      reopen: open,
    });
    return open();
  };
}

/** Every row of every table, as objects keyed by column, in primary-key order. */
export async function dumpAll(store: Store): Promise<Record<string, Record<string, unknown>[]>> {
  return readSnapshot(store, async (reader) => {
    const out: Record<string, Record<string, unknown>[]> = {};
    for (const table of reader.tables) {
      const rows: Record<string, unknown>[] = [];
      for await (const batch of reader.rows(table.name, 97)) {
        for (const row of batch) rows.push(Object.fromEntries(table.columns.map((c, i) => [c, row[i]])));
      }
      out[table.name] = rows;
    }
    return out;
  });
}

/** The decompressed lines of an archive. */
export async function archiveLines(file: string): Promise<string[]> {
  const chunks: Buffer[] = [];
  const stream = createGunzip();
  stream.end(readFileSync(file));
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks)
    .toString('utf8')
    .split('\n')
    .filter((l) => l.length > 0);
}

/** Re-compresses lines into an archive file body. */
export function gzipLines(lines: string[]): Buffer {
  return gzipSync(`${lines.join('\n')}\n`);
}
