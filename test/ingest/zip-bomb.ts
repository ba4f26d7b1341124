import { constants, crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { unzip } from '../report/support/unzip.js';

/** A member of a ZIP written by `zip`: already deflated data, with what its headers declare. */
export interface ZipMember {
  name: string;
  deflated: Buffer;
  crc: number;
  size: number;
  /** What the headers claim (a lying archive); `size` by default. */
  declaredSize?: number;
}

export function member(name: string, data: Buffer): ZipMember {
  return { name, deflated: deflateRawSync(data), crc: crc32(data), size: data.length };
}

/** Writes a ZIP archive (deflate, no ZIP64) from the given members. */
export function zip(members: readonly ZipMember[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const m of members) {
    const name = Buffer.from(m.name, 'utf8');
    const declared = m.declaredSize ?? m.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(m.crc >>> 0, 14);
    local.writeUInt32LE(m.deflated.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(m.crc >>> 0, 16);
    central.writeUInt32LE(m.deflated.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, m.deflated);
    centrals.push(central, name);
    offset += 30 + name.length + m.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The members of a small real workbook (ExcelJS), to rebuild with another first sheet. */
export async function workbookMembers(): Promise<Map<string, Buffer>> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Structures');
  sheet.addRow(['id', 'nom']);
  sheet.addRow(['CS-1', 'Centre social un']);
  return unzip(Buffer.from(await wb.xlsx.writeBuffer()));
}

/**
 * A first sheet of `megabytes` MB of rows, deflated as a stream (never held expanded): the ZIP
 * bomb of issue 8 (347 MB of XML in about a megabyte).
 */
export async function bombSheet(megabytes: number): Promise<ZipMember> {
  const head = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  );
  const tail = Buffer.from('</sheetData></worksheet>');
  const row = '<row><c t="inlineStr"><is><t>Centre social de la bombe</t></is></c></row>';
  const chunk = Buffer.from(row.repeat(Math.ceil((1024 * 1024) / row.length)));
  const deflate = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION });
  const parts: Buffer[] = [];
  deflate.on('data', (d: Buffer) => parts.push(d));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  let crc = crc32(head);
  let size = head.length;
  deflate.write(head);
  for (let i = 0; i < megabytes; i++) {
    crc = crc32(chunk, crc);
    size += chunk.length;
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  crc = crc32(tail, crc);
  size += tail.length;
  deflate.end(tail);
  await done;
  return { name: 'xl/worksheets/sheet1.xml', deflated: Buffer.concat(parts), crc, size };
}
