import iconv from 'iconv-lite';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'windows-1252';

/**
 * Spreadsheet CSV exports on French Windows are often Windows-1252: bytes that are not valid UTF-8
 * mean the file cannot be UTF-8, so it is read as cp1252 instead of showing replacement characters.
 * Excel's "Unicode text" export is UTF-16LE with a BOM.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = bytes.subarray(start);
  try {
    return { text: utf8.decode(body), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(body), 'win1252'), encoding: 'windows-1252' };
  }
}
