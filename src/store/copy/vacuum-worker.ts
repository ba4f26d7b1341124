/**
 * Worker thread of snapshotSqlite: `VACUUM INTO` on its own read-only connection. It reads one
 * consistent snapshot (WAL: the server keeps writing meanwhile) and, being synchronous in
 * better-sqlite3, runs here so the server's event loop never waits for it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';

const { source, dest } = workerData as { source: string; dest: string };
try {
  const db = new BetterSqlite3(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 10000');
    db.prepare('VACUUM INTO ?').run(dest);
  } finally {
    db.close();
  }
  parentPort?.postMessage({ ok: true });
} catch (error) {
  parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
}
