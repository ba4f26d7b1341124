/**
 * A backup taken before pending migrations are applied to a database that already holds a
 * schema: if an upgrade goes wrong, the data as the previous release left it can be restored
 * (`panorama restore`, at its own schema version).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Store } from '../../store/index.js';
import { latestMigration, schemaVersion } from '../../store/copy/index.js';
import { backup, type BackupResult } from './backup.js';

/** Backs up into `dir` when the database has a schema older than this code's; else does nothing. */
export async function backupBeforeMigration(
  store: Store,
  options: { dir: string; now?: Date },
): Promise<BackupResult | undefined> {
  const current = await schemaVersion(store);
  const latest = await latestMigration();
  if (current === null || current === latest) return undefined;
  const now = options.now ?? new Date();
  const dir = resolve(options.dir);
  mkdirSync(dir, { recursive: true });
  const stamp = now
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');
  return backup(store, { out: join(dir, `avant-migration-${current}-${stamp}.ndjson.gz`), now });
}
