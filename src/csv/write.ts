import { stringify } from 'csv-stringify/sync';

/**
 * The one CSV writer of Panorama: every CSV the application or the command line writes goes
 * through `writeCsv`, so every cell is neutralised the same way.
 *
 * Formula injection: a spreadsheet runs a text cell that begins with `=`, `+`, `-`, `@`, a tab or
 * a carriage return as a formula (`=HYPERLINK(...)`, `-2+cmd|...`). Such text is written with a
 * leading apostrophe (`'=1+1`), which spreadsheets show as the text itself; the CSV readers of
 * Panorama remove that apostrophe again (see `unneutraliseCell`), so an export reads back unchanged.
 *
 * Numbers stay numbers: a cell given as a JS number (a numeric answer, a count) is written as a
 * number, `-3` included, and text that is exactly a plain decimal number (`-3`, `-12,5`, `+4`) is
 * left as it is too — neither can hold a formula, and a spreadsheet then still reads them as
 * numbers. Any other text beginning with one of those characters (`-3+1`, `-`, `+33 6…`) is
 * neutralised.
 */
export type CsvCell = string | number | boolean | null | undefined;

export interface CsvWriteOptions {
  /** Field separator; `;` suits French Excel. Default `,`. */
  separator?: ',' | ';' | '\t';
  /** Write numbers with a decimal comma (12,5). Default false. */
  decimalComma?: boolean;
  /** Start with a UTF-8 byte-order mark so Excel reads accents correctly. Default true. */
  bom?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

/** The text to write for one text cell: prefixed with an apostrophe when a spreadsheet would run it. */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** The reverse, for CSV readers: `'=1+1` written by `neutraliseCell` reads back as `=1+1`. */
export function unneutraliseCell(text: string): string {
  return text.charCodeAt(0) === 39 && FORMULA_START.test(text.slice(1)) && !PLAIN_NUMBER.test(text.slice(1))
    ? text.slice(1)
    : text;
}

/** A header line and rows, CRLF line ends; cells quoted only when needed (and around outer spaces). */
export function writeCsv(
  header: readonly string[],
  rows: Iterable<readonly CsvCell[]>,
  options: CsvWriteOptions = {},
): string {
  const decimalComma = options.decimalComma ?? false;
  const records: string[][] = [header.map(neutraliseCell)];
  for (const row of rows) records.push(row.map((cell) => cellText(cell, decimalComma)));
  const body = stringify(records, {
    delimiter: options.separator ?? ',',
    record_delimiter: 'windows',
    // Line breaks (csv-stringify quotes only the record delimiter itself, \r\n) and outer spaces,
    // which a spreadsheet keeps only when quoted.
    quoted_match: /^\s|\s$|[\r\n]/,
  });
  return (options.bom === false ? '' : '\ufeff') + body;
}

function cellText(cell: CsvCell, decimalComma: boolean): string {
  if (cell === undefined || cell === null) return '';
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return neutraliseCell(String(cell));
    return decimalComma ? String(cell).replace('.', ',') : String(cell);
  }
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  return neutraliseCell(cell);
}
