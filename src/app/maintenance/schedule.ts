/**
 * Scheduled backups while the server runs (BACKUP_DIR, BACKUP_INTERVAL_HOURS, BACKUP_KEEP): an
 * archive every N hours in BACKUP_DIR, the oldest removed beyond BACKUP_KEEP. The work is done
 * in batches with turns of the event loop between them (and, on SQLite, the copy itself in a
 * worker thread), so requests keep being served during a backup.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Store } from '../../store/index.js';
import { backup, backupFileName, type BackupResult } from './backup.js';

export interface BackupSchedule {
  /** Takes a backup now (skipped, returning undefined, when one is already running). */
  runOnce(now?: Date): Promise<BackupResult | undefined>;
  /** Stops the timer and waits for a running backup to finish. */
  stop(): Promise<void>;
}

const BACKUP_FILE = /^panorama-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.ndjson\.gz$/;

/** Deletes the oldest scheduled backups of `dir` beyond `keep` (names sort by date); returns them. */
export function rotateBackups(dir: string, keep: number): string[] {
  const files = readdirSync(dir)
    .filter((name) => BACKUP_FILE.test(name))
    .sort();
  const removed = files.slice(0, Math.max(0, files.length - keep));
  for (const name of removed) rmSync(join(dir, name), { force: true });
  return removed;
}

export function startBackupSchedule(
  store: Store,
  options: {
    dir: string;
    intervalHours: number;
    keep: number;
    log?: (line: string) => void;
  },
): BackupSchedule {
  const dir = resolve(options.dir);
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  let running: Promise<BackupResult | undefined> | undefined;

  const runOnce = (now = new Date()): Promise<BackupResult | undefined> => {
    if (running) return Promise.resolve(undefined);
    running = (async () => {
      try {
        mkdirSync(dir, { recursive: true });
        const result = await backup(store, { out: join(dir, backupFileName(now)), now });
        const removed = rotateBackups(dir, options.keep);
        const rows = Object.values(result.counts).reduce((a, b) => a + b, 0);
        log(
          `Sauvegarde planifiée : ${result.file} (${rows} lignes, ${result.bytes} octets)` +
            (removed.length > 0 ? `, ${removed.length} ancienne(s) supprimée(s)` : ''),
        );
        return result;
      } catch (error) {
        log(`Sauvegarde planifiée en échec : ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      } finally {
        running = undefined;
      }
    })();
    return running;
  };

  const timer = setInterval(() => void runOnce(), options.intervalHours * 3_600_000);
  timer.unref();
  return {
    runOnce,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
