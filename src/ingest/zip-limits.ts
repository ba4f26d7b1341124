import { inflateRawSync } from 'node:zlib';
import { PanoramaError } from '../contract/errors/index.js';
import type { ZipProblem } from '../contract/errors/ingest.js';

/** One member of a ZIP archive as its central directory declares it. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** A damaged archive: `reason` says how, the readers (XLSX, LimeSurvey) name the file. */
export class ZipFormatError extends PanoramaError<'zip_unreadable'> {
  constructor(
    readonly reason: ZipProblem,
    readonly entry?: string,
  ) {
    super('zip_unreadable', entry === undefined ? { reason } : { reason, entry });
    this.name = 'ZipFormatError';
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_U32 = 0xffffffff;

/**
 * The central directory of a ZIP archive, read without decompressing anything, so that sizes and
 * counts can be judged before a library expands the archive in memory. Reads at most
 * `maxEntries + 1` entries (the caller refuses more).
 */
export function readZipDirectory(bytes: Uint8Array, maxEntries: number): ZipEntry[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfDirectory(buf);
  let offset = buf.readUInt32LE(eocd + 16);
  const end = offset + buf.readUInt32LE(eocd + 12);
  if (end > buf.length) throw new ZipFormatError('outside');
  const entries: ZipEntry[] = [];
  while (offset < end && entries.length <= maxEntries) {
    if (offset + 46 > buf.length || buf.readUInt32LE(offset) !== CENTRAL)
      throw new ZipFormatError('directory');
    const nameLength = buf.readUInt16LE(offset + 28);
    const extraLength = buf.readUInt16LE(offset + 30);
    const commentLength = buf.readUInt16LE(offset + 32);
    const entry: ZipEntry = {
      name: buf.toString('utf8', offset + 46, offset + 46 + nameLength),
      method: buf.readUInt16LE(offset + 10),
      compressedSize: buf.readUInt32LE(offset + 20),
      uncompressedSize: buf.readUInt32LE(offset + 24),
      localHeaderOffset: buf.readUInt32LE(offset + 42),
    };
    readZip64Sizes(buf.subarray(offset + 46 + nameLength, offset + 46 + nameLength + extraLength), entry);
    entries.push(entry);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The entry's data, inflated into at most `maxBytes` bytes; a RangeError when it would exceed them. */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Buffer {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL) throw new ZipFormatError('entry', entry.name);
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const data = buf.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    if (data.length > maxBytes) throw new RangeError(`${entry.name} exceeds ${maxBytes} bytes`);
    return data;
  }
  if (entry.method !== 8) throw new ZipFormatError('method', entry.name);
  // maxOutputLength stops zlib as soon as the output passes the bound: a lying header cannot expand.
  return inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes) });
}

function findEndOfDirectory(buf: Buffer): number {
  const lowest = Math.max(0, buf.length - 22 - 0xffff);
  for (let at = buf.length - 22; at >= lowest; at--) {
    if (buf.readUInt32LE(at) === EOCD) return at;
  }
  throw new ZipFormatError('not_zip');
}

/** ZIP64 extra field (id 1): the real sizes and offset of an entry whose 32-bit fields are saturated. */
function readZip64Sizes(extra: Buffer, entry: ZipEntry): void {
  let at = 0;
  while (at + 4 <= extra.length) {
    const id = extra.readUInt16LE(at);
    const size = extra.readUInt16LE(at + 2);
    if (id === 1) {
      let field = at + 4;
      const next = (): number => {
        if (field + 8 > at + 4 + size) throw new ZipFormatError('zip64', entry.name);
        const value = Number(extra.readBigUInt64LE(field));
        field += 8;
        return value;
      };
      if (entry.uncompressedSize === MAX_U32) entry.uncompressedSize = next();
      if (entry.compressedSize === MAX_U32) entry.compressedSize = next();
      if (entry.localHeaderOffset === MAX_U32) entry.localHeaderOffset = next();
      return;
    }
    at += 4 + size;
  }
}
