import ExcelJS from 'exceljs';
import { isWallClock, wallClockDate, type Cell } from './cells.js';
import type { ExportOptions } from './options.js';
import { headerOf } from './csv.js';
import type { Variable } from './table.js';
import { EXPORT_WORDS } from './words.js';

const DATE_FORMAT = { fr: 'dd/mm/yyyy', en: 'yyyy-mm-dd' };
const DATETIME_FORMAT = { fr: 'dd/mm/yyyy hh:mm', en: 'yyyy-mm-dd hh:mm' };

/**
 * The raw answers as an XLSX workbook: numbers are number cells and dates are date cells (Paris
 * wall clock; a spreadsheet has no time zone), so a pivot table or a sum works at once. Text is
 * written as text, never as a formula. A second sheet describes every variable and its codes.
 */
export async function exportXlsx(
  variables: readonly Variable[],
  rows: Iterable<readonly Cell[]>,
  options: Pick<ExportOptions, 'values' | 'lang'>,
): Promise<Buffer> {
  const words = EXPORT_WORDS[options.lang];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Panorama';
  const sheet = workbook.addWorksheet(words.answersSheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = sheet.addRow(headerOf(variables, options));
  header.font = { bold: true };
  for (const cells of rows) {
    const row = sheet.addRow(cells.map((cell) => (isWallClock(cell) ? wallClockDate(cell) : cell)));
    cells.forEach((cell, index) => {
      if (isWallClock(cell))
        row.getCell(index + 1).numFmt =
          cell.kind === 'date' ? DATE_FORMAT[options.lang] : DATETIME_FORMAT[options.lang];
    });
  }
  variables.forEach((v, index) => {
    sheet.getColumn(index + 1).width = Math.min(40, Math.max(10, headerOf([v], options)[0]!.length + 2));
  });
  const described = workbook.addWorksheet(words.variablesSheet);
  described.addRow(words.variableHeaders).font = { bold: true };
  for (const v of variables)
    described.addRow([
      v.name,
      v.label,
      v.type,
      v.valueLabels?.map((c) => `${c.code} = ${c.label}`).join(' | ') ?? null,
    ]);
  described.getColumn(1).width = 24;
  described.getColumn(2).width = 60;
  described.getColumn(4).width = 60;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
