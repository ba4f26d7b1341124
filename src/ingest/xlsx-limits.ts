import { PanoramaError } from '../contract/errors/index.js';
import { codedProblem, InputError, columnLetter } from './problems.js';
import { inflateEntry, readZipDirectory, ZipFormatError } from './zip-limits.js';

/**
 * How far an XLSX workbook may expand. A workbook is a ZIP archive: 1.5 MB can declare (or, with a
 * lying header, hide) hundreds of megabytes of XML, and a few bytes can address row 1,048,576.
 * Every bound is checked before the spreadsheet library reads anything.
 */
export interface XlsxLimits {
  /** Total decompressed size of all the archive's members. */
  uncompressedBytes: number;
  entries: number;
  /** Decompressed / compressed size of one member, judged on members above `ratioFloorBytes`. */
  ratio: number;
  ratioFloorBytes: number;
  /** Highest row number and column of any sheet, and their product. */
  rows: number;
  columns: number;
  cells: number;
}

export const XLSX_LIMITS: XlsxLimits = {
  uncompressedBytes: 64 * 1024 * 1024,
  entries: 1_000,
  ratio: 100,
  ratioFloorBytes: 1024 * 1024,
  rows: 100_000,
  columns: 2_000,
  cells: 2_000_000,
};

const MB = 1024 * 1024;
const megabytes = (bytes: number) => Math.round((bytes / MB) * 10) / 10;

/** Refuses, with a PanoramaError naming the file and the limit, a workbook beyond `limits`. */
export function checkXlsxLimits(bytes: Uint8Array, file: string, limits: XlsxLimits = XLSX_LIMITS): void {
  let entries;
  try {
    entries = readZipDirectory(bytes, limits.entries);
  } catch (err) {
    if (err instanceof ZipFormatError) throw unreadable(file, err);
    throw err;
  }
  if (entries.length > limits.entries)
    throw new PanoramaError('xlsx_too_many_entries', { file, limit: limits.entries });
  const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declared > limits.uncompressedBytes) {
    throw new PanoramaError('xlsx_too_large', {
      file,
      megabytes: megabytes(declared),
      limitMegabytes: megabytes(limits.uncompressedBytes),
    });
  }
  for (const e of entries) {
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize > limits.ratioFloorBytes && ratio > limits.ratio) {
      throw new PanoramaError('xlsx_compression_ratio', {
        file,
        entry: e.name,
        ratio: Math.round(ratio),
        limit: limits.ratio,
      });
    }
  }
  // The declared sizes may lie: inflate each member within what it declared (bounded by zlib).
  for (const e of entries) {
    let data: Buffer;
    try {
      data = inflateEntry(bytes, e, e.uncompressedSize);
    } catch (err) {
      if (err instanceof RangeError) {
        throw new PanoramaError('xlsx_compression_ratio', {
          file,
          entry: e.name,
          ratio: Math.round(e.uncompressedSize / Math.max(1, e.compressedSize)),
          limit: limits.ratio,
        });
      }
      // zlib's own message is technical English: the user is told which member is damaged.
      throw unreadable(file, err instanceof ZipFormatError ? err : new ZipFormatError('content', e.name));
    }
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(e.name)) checkSheetExtent(data, file, e.name, limits);
  }
}

function unreadable(file: string, err: ZipFormatError): InputError {
  return new InputError([
    codedProblem({ file }, 'ingest_xlsx_unreadable', {
      reason: err.reason,
      ...(err.entry !== undefined ? { entry: err.entry } : {}),
    }),
  ]);
}

/**
 * Highest row and column a sheet addresses. Cells and rows may carry their address (`r="C7"`) or
 * follow the previous one; both count, so a single cell at XFD1048576 is judged as what the
 * spreadsheet library would allocate, not as one cell.
 */
function checkSheetExtent(xml: Buffer, file: string, entry: string, limits: XlsxLimits): void {
  const text = xml.toString('latin1');
  const tags = /<(?:[A-Za-z_][\w.-]*:)?(row|c)\b([^>]*)>/g;
  let row = 0;
  let column = 0;
  let maxRow = 0;
  let maxColumn = 0;
  for (let m = tags.exec(text); m; m = tags.exec(text)) {
    const attributes = m[2] ?? '';
    const address = /\br="([A-Z]*)(\d*)"/.exec(attributes);
    if (m[1] === 'row') {
      row = address?.[2] ? Number(address[2]) : row + 1;
      column = 0;
      if (row > maxRow) maxRow = row;
    } else {
      column = address?.[1] ? columnNumber(address[1]) : column + 1;
      if (column > maxColumn) maxColumn = column;
    }
    if (maxRow > limits.rows)
      throw new PanoramaError('xlsx_too_many_rows', { file, sheet: entry, limit: limits.rows });
    if (maxColumn > limits.columns) {
      throw new PanoramaError('xlsx_too_many_columns', {
        file,
        sheet: entry,
        column: columnLetter(maxColumn - 1),
        limit: limits.columns,
      });
    }
  }
  if (maxRow * maxColumn > limits.cells) {
    throw new PanoramaError('xlsx_too_many_cells', {
      file,
      sheet: entry,
      rows: maxRow,
      columns: maxColumn,
      limit: limits.cells,
    });
  }
}

/** A → 1, Z → 26, AA → 27. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
