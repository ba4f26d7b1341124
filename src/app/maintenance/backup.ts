/**
 * `panorama backup`: one file holding every row of Panorama's database, taken while the server
 * runs. Two formats:
 * - the portable archive (default, `.ndjson.gz`, either dialect): see archive.ts;
 * - on SQLite, a `.sqlite` file: a consistent copy of the database (VACUUM INTO).
 * On SQLite both start from a VACUUM INTO copy made in a worker thread on its own connection, so
 * the server's connection and event loop stay free; on PostgreSQL the archive is read in one
 * REPEATABLE READ transaction, in batches.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { PanoramaError } from '../../contract/errors/index.js';
import type { Store } from '../../store/index.js';
import { openSqliteFile, readSnapshot, snapshotSqlite } from '../../store/copy/index.js';
import { writeArchive, type ArchiveManifest } from './archive.js';
import { appVersion } from './version.js';

export const backupInputSchema = z.object({
  /** Destination file; `.sqlite` asks for a SQLite copy (SQLite databases only). */
  out: z.string().min(1),
  now: z.date().optional(),
});
export type BackupInput = z.input<typeof backupInputSchema>;

export interface BackupResult {
  file: string;
  format: 'archive' | 'sqlite';
  schemaVersion: string;
  /** Rows per table. */
  counts: Record<string, number>;
  sha256: string;
  bytes: number;
}

/** Default file name of a backup taken at `now`: panorama-2026-12-05T12-00-00Z.ndjson.gz. */
export function backupFileName(now: Date): string {
  return `panorama-${now
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-')}.ndjson.gz`;
}

async function sha256OfFile(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

function countsOf(manifest: ArchiveManifest): Record<string, number> {
  return Object.fromEntries(manifest.tables.map((t) => [t.name, t.rows]));
}

export async function backup(store: Store, input: BackupInput): Promise<BackupResult> {
  const { out, now = new Date() } = backupInputSchema.parse(input);
  const file = resolve(out);
  if (existsSync(file)) throw new PanoramaError('backup_out_exists', { file });
  const meta = { appVersion: appVersion(), createdAt: now.toISOString() };
  const sqliteCopy = file.toLowerCase().endsWith('.sqlite') || file.toLowerCase().endsWith('.db');

  if (store.dialect === 'postgres') {
    if (sqliteCopy) {
      throw new PanoramaError('backup_write_failed', {
        file,
        reason:
          'une copie .sqlite n’est possible que depuis la base SQLite embarquée ; choisissez un nom en ' +
          '.ndjson.gz (archive portable) ou utilisez pg_dump pour une copie de tout le serveur',
      });
    }
    const manifest = await readSnapshot(store, (reader) => writeArchive(reader, file, meta));
    return {
      file,
      format: 'archive',
      schemaVersion: manifest.schemaVersion,
      counts: countsOf(manifest),
      ...(await sha256OfFile(file)),
    };
  }

  const dir = mkdtempSync(join(tmpdir(), 'panorama-backup-'));
  try {
    const copy = join(dir, 'snapshot.sqlite');
    await snapshotSqlite(store, copy);
    const opened = await openSqliteFile(copy);
    try {
      if (sqliteCopy) {
        const { version, counts } = await readSnapshot(opened.store, async (r) => ({
          version: r.version,
          counts: r.counts,
        }));
        await opened.dispose();
        await snapshotSqliteFileCopy(copy, file);
        return {
          file,
          format: 'sqlite',
          schemaVersion: version ?? '-',
          counts,
          ...(await sha256OfFile(file)),
        };
      }
      const manifest = await readSnapshot(opened.store, (reader) => writeArchive(reader, file, meta));
      return {
        file,
        format: 'archive',
        schemaVersion: manifest.schemaVersion,
        counts: countsOf(manifest),
        ...(await sha256OfFile(file)),
      };
    } finally {
      await opened.dispose();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Moves the VACUUM INTO copy to its destination without ever overwriting a file. */
async function snapshotSqliteFileCopy(from: string, to: string): Promise<void> {
  const { copyFile, constants } = await import('node:fs/promises');
  try {
    await copyFile(from, to, constants.COPYFILE_EXCL);
  } catch (error) {
    throw new PanoramaError('backup_write_failed', {
      file: to,
      reason: error instanceof Error ? error.message : String(error),
    });
  }
}
