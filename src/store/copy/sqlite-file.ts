/**
 * SQLite files as whole backups: a consistent copy of a live database (VACUUM INTO in a worker
 * thread) and a backup file opened as a read-only source of the copy engine.
 */
import { copyFileSync, mkdtempSync, openSync, readSync, closeSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { sql } from 'kysely';
import { workerEntry } from '../../runtime/worker-entry.js';
import type { Store } from '../api.js';
import { StoreError } from '../errors.js';
import { kyselyOf } from '../inspect.js';
import { openStore } from '../index.js';

const SQLITE_MAGIC = 'SQLite format 3\0';

/** True when the file starts with SQLite's header. */
export function isSqliteFile(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const header = Buffer.alloc(16);
    const read = readSync(fd, header, 0, 16, 0);
    return read === 16 && header.toString('latin1') === SQLITE_MAGIC;
  } finally {
    closeSync(fd);
  }
}

/** The file of a SQLite store. */
async function databaseFile(store: Store): Promise<string> {
  const { rows } = await sql<{ name: string; file: string }>`
    SELECT name, file FROM pragma_database_list`.execute(kyselyOf(store));
  const file = rows.find((r) => r.name === 'main')?.file;
  if (!file) throw new StoreError('this SQLite store has no database file');
  return file;
}

/**
 * Writes a consistent, compacted copy of a SQLite store's database to `dest` (which must not
 * exist) with `VACUUM INTO`, on its own connection in a worker thread: the server keeps reading
 * and writing meanwhile, and its event loop is never blocked.
 */
export async function snapshotSqlite(store: Store, dest: string): Promise<void> {
  if (store.dialect !== 'sqlite') throw new StoreError('snapshotSqlite: not a SQLite store');
  const source = await databaseFile(store);
  const entry = workerEntry(new URL('./vacuum-worker', import.meta.url));
  await new Promise<void>((resolve, reject) => {
    const worker = new Worker(entry.filename, { execArgv: entry.execArgv, workerData: { source, dest } });
    let settled = false;
    worker.once('message', (message: { ok: boolean; message?: string }) => {
      settled = true;
      if (message.ok) resolve();
      else reject(new StoreError(`cannot copy ${source} to ${dest}: ${message.message}`));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new StoreError(`the SQLite copy worker stopped (exit code ${code})`));
    });
  });
}

/**
 * Opens a SQLite backup file as a store, on a private temporary copy (the file itself is never
 * modified, not even by WAL bookkeeping). Not migrated: the caller reads its schema version.
 */
export async function openSqliteFile(file: string): Promise<{ store: Store; dispose(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'panorama-restore-'));
  try {
    copyFileSync(file, join(dir, 'panorama.sqlite'));
    const store = await openStore({ dataDir: dir });
    const { rows } = await sql<{ quick_check: string }>`PRAGMA quick_check`.execute(kyselyOf(store));
    if (rows[0]?.quick_check !== 'ok') {
      await store.close();
      throw new StoreError(`integrity check failed: ${rows.map((r) => r.quick_check).join('; ')}`);
    }
    return {
      store,
      async dispose() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
