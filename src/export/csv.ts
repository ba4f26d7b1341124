import { writeCsv, type CsvCell } from '../csv/write.js';
import { isWallClock, spellWallClock, type Cell } from './cells.js';
import type { ExportOptions } from './options.js';
import type { Variable } from './table.js';

/** The header of a spreadsheet export: variable names with codes, the questions' wording with labels. */
export function headerOf(variables: readonly Variable[], options: Pick<ExportOptions, 'values'>): string[] {
  return variables.map((v) => (options.values === 'labels' ? v.label : v.name));
}

/**
 * The raw answers as CSV, through the one CSV writer (formula cells neutralised). French: `;`,
 * decimal comma, "JJ/MM/AAAA HH:MM" (Paris), what LibreOffice and Excel read in a French locale;
 * English: `,`, decimal point, "YYYY-MM-DD HH:MM". UTF-8 with a byte-order mark in both.
 */
export function exportCsv(
  variables: readonly Variable[],
  rows: Iterable<readonly Cell[]>,
  options: Pick<ExportOptions, 'values' | 'lang'>,
): Buffer {
  const fr = options.lang === 'fr';
  const cells = (function* () {
    for (const row of rows) yield row.map((cell) => csvCell(cell, options.lang));
  })();
  const text = writeCsv(headerOf(variables, options), cells, {
    separator: fr ? ';' : ',',
    decimalComma: fr,
    bom: true,
  });
  return Buffer.from(text, 'utf8');
}

function csvCell(cell: Cell, lang: 'fr' | 'en'): CsvCell {
  return isWallClock(cell) ? spellWallClock(cell, lang) : cell;
}
