/**
 * The campaign archive file (docs/archive-format.md): gzip of two JSON lines,
 *
 *   line 1  the manifest: format name and version, versions of Panorama and of its schema, the
 *           campaign's identity, row counts, and the SHA-256 of line 2's bytes;
 *   line 2  the data: the rows of every table of the campaign, and the names of the users they cite.
 *
 * Decoding is bounded (compressed and decompressed sizes), decompresses on libuv's thread pool
 * (zlib's async API) and checks, in this order: gzip, manifest, format version, checksum, shape,
 * row counts — so a damaged, newer or truncated file is refused before anything is written.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip as gunzipCb, gzip as gzipCb } from 'node:zlib';
import { z } from 'zod';
import { PanoramaError } from '../../contract/errors/index.js';
import type { CampaignArchiveDamage } from '../../contract/errors/campaign-archive.js';
import { ARCHIVE_COLUMNS, ARCHIVE_TABLES, type CampaignRows } from '../../store/campaign-archive.js';

const gzip = promisify(gzipCb);
const gunzip = promisify(gunzipCb);

export const CAMPAIGN_ARCHIVE_FORMAT = 'panorama-campaign-archive';
export const CAMPAIGN_ARCHIVE_VERSION = 1;
/** Largest archive accepted as uploaded (compressed bytes). */
export const MAX_ARCHIVE_BYTES = 64 * 1024 * 1024;
/** Largest archive accepted once decompressed: far above a 10,000-answer campaign, below V8's string limit. */
export const MAX_UNCOMPRESSED_BYTES = 256 * 1024 * 1024;
export const ARCHIVE_EXTENSION = '.panorama-campaign.json.gz';

const countsSchema = z.object(
  Object.fromEntries(ARCHIVE_TABLES.map((t) => [t, z.number().int().min(0)])) as Record<
    (typeof ARCHIVE_TABLES)[number],
    z.ZodNumber
  >,
);

export const manifestSchema = z.object({
  format: z.literal(CAMPAIGN_ARCHIVE_FORMAT),
  formatVersion: z.number().int().positive(),
  appVersion: z.string(),
  schemaVersion: z.string(),
  sourceDialect: z.enum(['sqlite', 'postgres']),
  createdAt: z.string(),
  campaign: z.object({
    /** Stable identity of the campaign across instances: the id it had where it was first created. */
    identity: z.string().min(1),
    name: z.string(),
    surveyTitle: z.string(),
  }),
  counts: countsSchema,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ArchiveManifest = z.infer<typeof manifestSchema>;

const cell = z.union([z.string(), z.number(), z.null()]);
const tablesSchema = z.object(
  Object.fromEntries(
    ARCHIVE_TABLES.map((t) => [
      t,
      z.array(z.object(Object.fromEntries(ARCHIVE_COLUMNS[t].map((c) => [c, cell])))),
    ]),
  ),
);
const dataSchema = z.object({
  users: z.array(z.object({ id: z.string(), name: z.string() })),
  tables: tablesSchema,
});
export interface ArchiveData {
  users: { id: string; name: string }[];
  tables: CampaignRows;
}

export interface CampaignArchive {
  manifest: ArchiveManifest;
  data: ArchiveData;
}

export async function encodeArchive(manifest: Omit<ArchiveManifest, 'sha256' | 'counts'>, data: ArchiveData) {
  const dataLine = Buffer.from(JSON.stringify(data), 'utf8');
  const counts = Object.fromEntries(
    ARCHIVE_TABLES.map((t) => [t, data.tables[t].length]),
  ) as ArchiveManifest['counts'];
  const full: ArchiveManifest = {
    ...manifest,
    counts,
    sha256: createHash('sha256').update(dataLine).digest('hex'),
  };
  const bytes = await gzip(
    Buffer.concat([Buffer.from(`${JSON.stringify(full)}\n`, 'utf8'), dataLine, Buffer.from('\n')]),
  );
  return { manifest: full, bytes };
}

const damaged = (file: string, damage: CampaignArchiveDamage, where?: string) =>
  new PanoramaError('campaign_archive_damaged', where ? { file, damage, where } : { file, damage });

async function decompress(bytes: Uint8Array, file: string): Promise<Buffer> {
  if (bytes.length > MAX_ARCHIVE_BYTES)
    throw new PanoramaError('campaign_archive_too_large', { file, limit: MAX_ARCHIVE_BYTES });
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b)
    throw new PanoramaError('campaign_archive_not_archive', { file });
  try {
    return await gunzip(bytes, { maxOutputLength: MAX_UNCOMPRESSED_BYTES });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError)
      throw new PanoramaError('campaign_archive_too_large', { file, limit: MAX_UNCOMPRESSED_BYTES });
    if (code === 'Z_BUF_ERROR') throw damaged(file, 'truncated');
    throw damaged(file, 'checksum', 'gzip');
  }
}

/** Where zod found the first problem, as a readable path ("tables.responses[3].data"). */
function wherePath(error: z.ZodError): string {
  const path = error.issues[0]?.path ?? [];
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}

/** Reads and checks an archive; refuses it with a coded error before anything is written. */
export async function decodeArchive(bytes: Uint8Array, file: string): Promise<CampaignArchive> {
  const text = await decompress(bytes, file);
  const firstBreak = text.indexOf(0x0a);
  let rawManifest: unknown;
  try {
    rawManifest = JSON.parse(text.subarray(0, firstBreak === -1 ? text.length : firstBreak).toString('utf8'));
  } catch {
    throw new PanoramaError('campaign_archive_not_archive', { file });
  }
  const head = rawManifest as { format?: unknown; formatVersion?: unknown } | null;
  if (!head || typeof head !== 'object' || head.format !== CAMPAIGN_ARCHIVE_FORMAT)
    throw new PanoramaError('campaign_archive_not_archive', { file });
  if (typeof head.formatVersion === 'number' && head.formatVersion > CAMPAIGN_ARCHIVE_VERSION)
    throw new PanoramaError('campaign_archive_newer_format', {
      file,
      version: head.formatVersion,
      supported: CAMPAIGN_ARCHIVE_VERSION,
    });
  const manifest = manifestSchema.safeParse(rawManifest);
  if (!manifest.success) throw damaged(file, 'structure', `manifest.${wherePath(manifest.error)}`);
  if (firstBreak === -1) throw damaged(file, 'truncated');
  let dataLine = text.subarray(firstBreak + 1);
  if (dataLine.at(-1) !== 0x0a) throw damaged(file, 'truncated');
  dataLine = dataLine.subarray(0, dataLine.length - 1);
  if (createHash('sha256').update(dataLine).digest('hex') !== manifest.data.sha256)
    throw damaged(file, 'checksum');
  let rawData: unknown;
  try {
    rawData = JSON.parse(dataLine.toString('utf8'));
  } catch {
    throw damaged(file, 'not_json');
  }
  const data = dataSchema.safeParse(rawData);
  if (!data.success) throw damaged(file, 'structure', wherePath(data.error));
  const tables = data.data.tables as unknown as CampaignRows;
  for (const table of ARCHIVE_TABLES) {
    if (tables[table].length !== manifest.data.counts[table]) throw damaged(file, 'counts', table);
  }
  if (tables.campaigns.length !== 1 || tables.survey_versions.length !== 1 || tables.surveys.length !== 1)
    throw damaged(file, 'structure', 'campaigns');
  return { manifest: manifest.data, data: { users: data.data.users, tables } };
}
