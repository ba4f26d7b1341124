/**
 * The portable backup archive: one gzip file holding NDJSON, readable with `zcat`.
 *
 *   line 1            the manifest (JSON object, see ArchiveManifest)
 *   {"table":"name"}  starts the rows of a table (tables in dependency order)
 *   [v1, v2, …]       one row, values in the manifest's column order for that table
 *
 * The manifest carries the app version, the schema version (latest migration), every table's
 * columns and row count, and the SHA-256 of everything after the manifest line (uncompressed
 * bytes). The file is two gzip members (manifest, then data): the manifest can only be written
 * once the data is known, and gunzip reads concatenated members as one stream.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { PanoramaError } from '../../contract/errors/index.js';
import type { SnapshotReader } from '../../store/copy/index.js';

export const ARCHIVE_FORMAT = 'panorama-backup';
export const ARCHIVE_FORMAT_VERSION = 1;

export const archiveManifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  formatVersion: z.number().int().positive(),
  appVersion: z.string(),
  /** Name of the latest migration applied to the database that was saved. */
  schemaVersion: z.string().min(1),
  sourceDialect: z.enum(['sqlite', 'postgres']),
  createdAt: z.string(),
  tables: z.array(
    z.object({ name: z.string(), columns: z.array(z.string()), rows: z.number().int().min(0) }),
  ),
  /** SHA-256 (hex) of the uncompressed bytes after the manifest line. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ArchiveManifest = z.infer<typeof archiveManifestSchema>;

/** Writes a line to a stream, waiting when its buffer is full (a big backup never fills memory). */
async function writeLine(stream: NodeJS.WritableStream, line: Buffer): Promise<void> {
  if (!stream.write(line)) await once(stream, 'drain');
}

/**
 * Writes the reader's snapshot to `file` as an archive (through `file.part` files, renamed at the
 * end: an interrupted backup never leaves a file that looks complete). Refuses an existing file.
 */
export async function writeArchive(
  reader: SnapshotReader,
  file: string,
  meta: { appVersion: string; createdAt: string },
): Promise<ArchiveManifest> {
  if (existsSync(file)) throw new PanoramaError('backup_out_exists', { file });
  if (reader.version === null) {
    throw new PanoramaError('backup_write_failed', { file, reason: 'la base n’a jamais été initialisée' });
  }
  const dataFile = `${file}.data.part`;
  const finalPart = `${file}.part`;
  try {
    const hash = createHash('sha256');
    const gzip = createGzip({ level: 6 });
    const out = createWriteStream(dataFile, { flags: 'wx' });
    const done = pipeline(gzip, out);
    const emit = async (value: unknown) => {
      const line = Buffer.from(`${JSON.stringify(value)}\n`, 'utf8');
      hash.update(line);
      await writeLine(gzip, line);
    };
    for (const table of reader.tables) {
      await emit({ table: table.name });
      for await (const batch of reader.rows(table.name)) {
        for (const row of batch) await emit(row);
      }
    }
    gzip.end();
    await done;
    const manifest: ArchiveManifest = {
      format: ARCHIVE_FORMAT,
      formatVersion: ARCHIVE_FORMAT_VERSION,
      appVersion: meta.appVersion,
      schemaVersion: reader.version,
      sourceDialect: reader.dialect,
      createdAt: meta.createdAt,
      tables: reader.tables.map((t) => ({ ...t, rows: reader.counts[t.name] ?? 0 })),
      sha256: hash.digest('hex'),
    };
    const final = createWriteStream(finalPart, { flags: 'wx' });
    final.write(gzipSync(`${JSON.stringify(manifest)}\n`));
    await pipeline(createReadStream(dataFile), final);
    renameSync(finalPart, file);
    return manifest;
  } catch (error) {
    rmSync(finalPart, { force: true });
    if (error instanceof PanoramaError) throw error;
    throw new PanoramaError('backup_write_failed', {
      file,
      reason: error instanceof Error ? error.message : String(error),
    });
  } finally {
    rmSync(dataFile, { force: true });
  }
}

/** True when the file starts like a gzip stream. */
export function looksLikeGzip(head: Buffer): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/** The lines of a gzip file, as Buffers without their newline. */
async function* gzipLines(file: string): AsyncGenerator<Buffer> {
  let rest: Buffer = Buffer.alloc(0);
  const stream = createReadStream(file).pipe(createGunzip());
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let data = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let i = data.indexOf(0x0a); i !== -1; i = data.indexOf(0x0a, start)) {
      yield data.subarray(start, i);
      start = i + 1;
    }
    data = data.subarray(start);
    rest = Buffer.from(data);
  }
  if (rest.length > 0) yield rest;
}

export type ArchiveEvent = { table: string } | { row: unknown[] };

/**
 * Reads an archive: its manifest first (parsed and validated), then its table markers and rows.
 * Any read problem (gzip error, truncated file, bad JSON) becomes backup_corrupted.
 */
export async function openArchive(
  file: string,
  label = file,
): Promise<{ manifest: ArchiveManifest; events: () => AsyncGenerator<ArchiveEvent> }> {
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new PanoramaError('backup_file_missing', { file: label });
  }
  const corrupted = (reason: string) => new PanoramaError('backup_corrupted', { file: label, reason });
  const readError = (error: unknown) =>
    error instanceof PanoramaError
      ? error
      : corrupted(`lecture impossible : ${error instanceof Error ? error.message : String(error)}`);
  let manifest: ArchiveManifest;
  try {
    const lines = gzipLines(file);
    const first = await lines.next();
    await lines.return(undefined);
    if (first.done) throw corrupted('fichier vide');
    let parsed: unknown;
    try {
      parsed = JSON.parse(first.value.toString('utf8'));
    } catch {
      throw new PanoramaError('backup_not_an_archive', { file: label });
    }
    const result = archiveManifestSchema.safeParse(parsed);
    if (!result.success) throw new PanoramaError('backup_not_an_archive', { file: label });
    manifest = result.data;
  } catch (error) {
    throw readError(error);
  }
  async function* events(): AsyncGenerator<ArchiveEvent> {
    const lines = gzipLines(file);
    let first = true;
    try {
      for await (const line of lines) {
        if (first) {
          first = false;
          continue;
        }
        let value: unknown;
        try {
          value = JSON.parse(line.toString('utf8'));
        } catch {
          throw corrupted('ligne illisible');
        }
        if (Array.isArray(value)) yield { row: value };
        else if (
          value &&
          typeof value === 'object' &&
          typeof (value as { table?: unknown }).table === 'string'
        ) {
          yield { table: (value as { table: string }).table };
        } else throw corrupted('ligne inattendue');
      }
    } catch (error) {
      throw readError(error);
    }
  }
  return { manifest, events };
}

/**
 * Reads the whole archive once and checks it against its manifest (SHA-256 of the data, row count
 * and width of every table) before anything is written anywhere.
 */
export async function verifyArchive(file: string, label = file): Promise<ArchiveManifest> {
  const corrupted = (reason: string) => new PanoramaError('backup_corrupted', { file: label, reason });
  const hash = createHash('sha256');
  let first = true;
  try {
    for await (const line of gzipLines(file)) {
      if (first) {
        first = false;
        continue;
      }
      hash.update(line);
      hash.update('\n');
    }
  } catch (error) {
    throw corrupted(`lecture impossible : ${error instanceof Error ? error.message : String(error)}`);
  }
  const { manifest, events } = await openArchive(file, label);
  if (hash.digest('hex') !== manifest.sha256) throw corrupted('somme de contrôle SHA-256 différente');
  const widths = new Map(manifest.tables.map((t) => [t.name, t.columns.length]));
  const counts = new Map<string, number>();
  let current: string | undefined;
  for await (const event of events()) {
    if ('table' in event) {
      if (!widths.has(event.table)) throw corrupted(`table inconnue du manifeste : ${event.table}`);
      current = event.table;
      counts.set(current, 0);
    } else {
      if (current === undefined) throw corrupted('ligne avant toute table');
      if (event.row.length !== widths.get(current))
        throw corrupted(`ligne de largeur inattendue dans ${current}`);
      counts.set(current, (counts.get(current) ?? 0) + 1);
    }
  }
  for (const table of manifest.tables) {
    const found = counts.get(table.name) ?? 0;
    if (found !== table.rows) {
      throw corrupted(`la table ${table.name} compte ${found} lignes au lieu de ${table.rows}`);
    }
  }
  return manifest;
}
