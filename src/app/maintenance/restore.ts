/**
 * `panorama restore FILE`: puts a backup (portable archive or SQLite copy) back into a database,
 * all or nothing. Refused before anything is written: a missing, foreign or damaged file, a
 * schema newer than this code, a target that already holds data (unless `force`, which replaces
 * its content in the same transaction).
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { PanoramaError } from '../../contract/errors/index.js';
import type { Store } from '../../store/index.js';
import {
  copyStore,
  isSqliteFile,
  latestMigration,
  openSqliteFile,
  schemaVersion,
  writeIntoStore,
  type Row,
} from '../../store/copy/index.js';
import { looksLikeGzip, openArchive, verifyArchive } from './archive.js';
import { isKnownSchema } from './version.js';

export const restoreInputSchema = z.object({
  file: z.string().min(1),
  force: z.boolean().default(false),
  /** How to name the target database in messages. */
  target: z.string().min(1),
  batchSize: z.number().int().positive().default(500),
});
export type RestoreInput = z.input<typeof restoreInputSchema>;

export interface RestoreResult {
  file: string;
  format: 'archive' | 'sqlite';
  /** Schema version of the backup (the target is then migrated to the latest one). */
  schemaVersion: string;
  counts: Record<string, number>;
}

function head(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(16);
    const read = readSync(fd, buffer, 0, 16, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

async function refuseNewer(file: string, version: string): Promise<void> {
  if (!(await isKnownSchema(version))) {
    throw new PanoramaError('backup_schema_newer', { file, version, latest: await latestMigration() });
  }
}

export async function restore(store: Store, input: RestoreInput): Promise<RestoreResult> {
  const { file: given, force, target, batchSize } = restoreInputSchema.parse(input);
  const file = resolve(given);
  if (!existsSync(file) || !statSync(file).isFile())
    throw new PanoramaError('backup_file_missing', { file: given });

  if (isSqliteFile(file)) return restoreSqlite(store, file, given, { force, target, batchSize });
  if (!looksLikeGzip(head(file))) throw new PanoramaError('backup_not_an_archive', { file: given });

  // First pass: the manifest, then the whole file against its checksum and counts.
  const { manifest } = await openArchive(file, given);
  await refuseNewer(given, manifest.schemaVersion);
  await verifyArchive(file, given);

  // Second pass, inside one transaction on the target.
  const { events } = await openArchive(file, given);
  const columns = new Map(manifest.tables.map((t) => [t.name, t.columns]));
  const counts = await writeIntoStore(
    store,
    { version: manifest.schemaVersion, force, target },
    async (writer) => {
      let table: string | undefined;
      let batch: Row[] = [];
      const flush = async () => {
        if (table !== undefined && batch.length > 0) await writer.insert(table, columns.get(table)!, batch);
        batch = [];
      };
      for await (const event of events()) {
        if ('table' in event) {
          await flush();
          table = event.table;
        } else {
          batch.push(event.row);
          if (batch.length >= batchSize) await flush();
        }
      }
      await flush();
      return Object.fromEntries(manifest.tables.map((t) => [t.name, t.rows]));
    },
  );
  return { file, format: 'archive', schemaVersion: manifest.schemaVersion, counts };
}

async function restoreSqlite(
  store: Store,
  file: string,
  given: string,
  options: { force: boolean; target: string; batchSize: number },
): Promise<RestoreResult> {
  let opened;
  try {
    opened = await openSqliteFile(file);
  } catch (error) {
    throw new PanoramaError('backup_corrupted', {
      file: given,
      reason: error instanceof Error ? error.message : String(error),
    });
  }
  try {
    let version: string | null;
    try {
      version = await schemaVersion(opened.store);
    } catch (error) {
      throw new PanoramaError('backup_corrupted', {
        file: given,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
    if (version === null) throw new PanoramaError('backup_not_an_archive', { file: given });
    await refuseNewer(given, version);
    const result = await copyStore(opened.store, store, {
      source: given,
      target: options.target,
      force: options.force,
      batchSize: options.batchSize,
    });
    return { file, format: 'sqlite', schemaVersion: version, counts: result.counts };
  } finally {
    await opened.dispose();
  }
}
