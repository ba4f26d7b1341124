import { PanoramaError } from '../../contract/errors/index.js';
import { inflateEntry, readZipDirectory, ZipFormatError, type ZipEntry } from '../../ingest/zip-limits.js';

/** Bounds of a .lsa archive, checked on its central directory before anything is inflated. */
export const LSA_LIMITS = { entries: 20, uncompressedBytes: 64 * 1024 * 1024, ratio: 200 };

export interface LsaMember {
  name: string;
  text: string;
}

export interface LsaMembers {
  lss: LsaMember;
  lsr?: LsaMember;
  lst?: LsaMember;
}

const MB = 1024 * 1024;

/** The structure, responses and participants of a LimeSurvey archive, read within LSA_LIMITS. */
export function readLsaArchive(bytes: Uint8Array, file: string): LsaMembers {
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(bytes, LSA_LIMITS.entries);
  } catch (err) {
    if (err instanceof ZipFormatError) throw new PanoramaError('import_unreadable', { file, problem: 'zip' });
    throw err;
  }
  const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (entries.length > LSA_LIMITS.entries || declared > LSA_LIMITS.uncompressedBytes) {
    throw new PanoramaError('import_too_large', {
      file,
      megabytes: Math.round((declared / MB) * 10) / 10,
      limitMegabytes: LSA_LIMITS.uncompressedBytes / MB,
    });
  }
  const member = (extension: string): LsaMember | undefined => {
    const entry = entries.find((e) => e.name.toLowerCase().endsWith(extension));
    if (!entry) return undefined;
    if (
      entry.uncompressedSize / Math.max(1, entry.compressedSize) > LSA_LIMITS.ratio &&
      entry.uncompressedSize > MB
    ) {
      throw new PanoramaError('import_unreadable', { file, problem: 'zip_bomb', member: entry.name });
    }
    try {
      // Inflated within what the directory declared: a lying header cannot expand further.
      return { name: entry.name, text: inflateEntry(bytes, entry, entry.uncompressedSize).toString('utf8') };
    } catch (err) {
      // A lying header (more data than declared) is a bomb; anything else a damaged member.
      const bomb = err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
      throw new PanoramaError('import_unreadable', {
        file,
        problem: bomb ? 'zip_bomb' : 'zip',
        member: entry.name,
      });
    }
  };
  const lss = member('.lss');
  if (!lss) throw new PanoramaError('lsa_member_missing', { file, member: '.lss' });
  return { lss, lsr: member('.lsr'), lst: member('.lst') };
}
