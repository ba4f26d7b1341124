import ExcelJS from 'exceljs';
import { round } from '../format.js';
import { labels } from '../i18n.js';
import type { ReportModel } from '../model.js';
import { reportOutline } from './outline.js';
import { participationByGroupTable, participationTable, reportDate, scopeLines } from './participation.js';
import { colon, questionBlocks, type Cell, type TableBlock } from './view.js';

/**
 * Spreadsheet export for people who re-use the figures: every number is a real number (percent
 * cells hold the fraction with a percent format), one sheet per survey section.
 */

export const PERCENT_FORMAT = '0.00%';
export const DECIMAL_FORMAT = '#,##0.##';
export const COUNT_FORMAT = '#,##0';
export const YEAR_FORMAT = '0.#';
const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF2F7' } };

const FORBIDDEN = /[[\]:*?/\\]/g;

const SHEET_NAME_MAX = 31;

/** Cut at a word boundary with an ellipsis ("Partenariat avec les acteurs…"), never mid-word. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  // A cut that falls just before a space keeps its last word whole.
  const space = text.charAt(max - 1) === ' ' ? cut.length : cut.lastIndexOf(' ');
  const words = space >= max / 2 ? cut.slice(0, space) : cut;
  return `${words.replace(/[\s,;:.'’«»-]+$/u, '')}…`;
}

/**
 * Excel sheet names: ≤ 31 characters cut at a word with "…", none of []:*?/\, unique ignoring
 * case (a repeated name gets " (2)").
 */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base =
    wanted
      .replace(FORBIDDEN, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^'+|'+$/g, '') || 'Section';
  let name = shorten(base, SHEET_NAME_MAX);
  for (let i = 2; taken.has(name.toLowerCase()); i++) {
    const suffix = ` (${i})`;
    name = shorten(base, SHEET_NAME_MAX - suffix.length) + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}

function writeCell(target: ExcelJS.Cell, cell: Cell): void {
  if (cell.format === 'text' || cell.value === undefined) {
    target.value = cell.text;
    if (cell.muted) target.font = { italic: true, color: { argb: 'FF6B7380' } };
    return;
  }
  if (cell.value === null) return;
  if (cell.format === 'percent') {
    // 45.05 / 100 is 0.45049999…: round so the stored fraction is exactly the published figure.
    target.value = round(cell.value / 100, 6);
    target.numFmt = PERCENT_FORMAT;
  } else {
    target.value = cell.value;
    target.numFmt =
      cell.format === 'count' ? COUNT_FORMAT : cell.format === 'year' ? YEAR_FORMAT : DECIMAL_FORMAT;
  }
}

function styleHead(row: ExcelJS.Row, from: number, to: number): void {
  for (let c = from; c <= to; c++) {
    const cell = row.getCell(c);
    cell.font = { bold: true };
    cell.fill = HEAD_FILL;
    cell.alignment = { vertical: 'middle', horizontal: c === from ? 'left' : 'center', wrapText: true };
  }
}

/** Writes a table from `startRow`, returns the next free row (one blank line left after it). */
export function writeTable(
  sheet: ExcelJS.Worksheet,
  table: TableBlock,
  startRow: number,
  withCaption = true,
): number {
  let r = startRow;
  if (withCaption && !table.captionIsTitle) {
    sheet.getRow(r).getCell(1).value = table.caption;
    sheet.getRow(r).getCell(1).font = { bold: true, italic: true };
    r++;
  }
  if (table.headGroups) {
    let c = 1;
    const row = sheet.getRow(r);
    for (const g of table.headGroups) {
      row.getCell(c).value = g.label;
      if (g.span > 1) sheet.mergeCells(r, c, r, c + g.span - 1);
      c += g.span;
    }
    styleHead(row, 1, c - 1);
    r++;
  }
  const head = sheet.getRow(r);
  table.head.forEach((h, i) => (head.getCell(i + 1).value = h));
  styleHead(head, 1, table.head.length);
  r++;
  for (const cells of table.rows) {
    const row = sheet.getRow(r++);
    cells.forEach((cell, i) => writeCell(row.getCell(i + 1), cell));
  }
  for (const note of table.notes) {
    const cell = sheet.getRow(r++).getCell(1);
    cell.value = note;
    cell.font = { italic: true, size: 9, color: { argb: 'FF6B7380' } };
  }
  return r + 1;
}

function setWidths(sheet: ExcelJS.Worksheet, first: number, others: number, count: number): void {
  sheet.getColumn(1).width = first;
  for (let c = 2; c <= count; c++) sheet.getColumn(c).width = others;
}

function addSheet(workbook: ExcelJS.Workbook, name: string, frozenRows: number): ExcelJS.Worksheet {
  return workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: frozenRows }],
    // Printed on A4, as wide as the page, as many pages long as needed (9 = A4 in OOXML).
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
}

export async function renderXlsx(model: ReportModel): Promise<Buffer> {
  const { lang } = model;
  const l = labels(lang);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Panorama';
  workbook.title = model.title;
  const taken = new Set<string>();
  const sections = reportOutline(model);

  const summary = addSheet(workbook, sheetName(l.contents, taken), 1);
  const participation = addSheet(workbook, sheetName(l.participation, taken), 1);
  const sectionSheets = sections.map((s) => addSheet(workbook, sheetName(s.heading, taken), 1));
  const verbatimSheet = addSheet(workbook, sheetName(l.verbatims, taken), 1);

  summary.addRow([l.section, l.question, l.base]);
  styleHead(summary.getRow(1), 1, 3);
  sections.forEach((section, i) => {
    for (const { heading, question: q } of section.questions) {
      const target = sectionSheets[i]?.name ?? section.heading;
      summary.addRow([{ text: target, hyperlink: `#'${target}'!A1` }, heading, q.base]);
    }
  });
  setWidths(summary, 32, 80, 2);
  summary.getColumn(3).width = 10;

  participation.getCell('A1').value = model.title;
  participation.getCell('A1').font = { bold: true, size: 14 };
  participation.getCell('A2').value = `${l.reportDate}${colon(lang)} ${reportDate(model)}`;
  const scope = scopeLines(model);
  scope.forEach((line, i) => {
    const cell = participation.getCell(3 + i, 1);
    cell.value = line;
    cell.font = { bold: true };
  });
  let next = writeTable(participation, participationTable(model), 4 + scope.length, false);
  const byGroup = participationByGroupTable(model);
  if (byGroup) next = writeTable(participation, byGroup, next);
  model.method.notes.forEach((note, i) => (participation.getCell(next + i, 1).value = note));
  setWidths(participation, 40, 16, 4);

  sections.forEach((section, i) => {
    const sheet = sectionSheets[i];
    if (!sheet) return;
    sheet.getCell('A1').value = section.heading;
    sheet.getCell('A1').font = { bold: true, size: 14 };
    let r = 3;
    let widest = 3;
    for (const { heading, question: q } of section.questions) {
      const title = sheet.getCell(r++, 1);
      title.value = heading;
      title.font = { bold: true, size: 12, color: { argb: 'FF2F6FB0' } };
      for (const block of questionBlocks(q, model.method.quartiles, lang)) {
        if (block.type !== 'table') continue;
        widest = Math.max(widest, block.head.length);
        r = writeTable(sheet, block, r);
      }
    }
    setWidths(sheet, 60, 14, widest);
  });

  verbatimSheet.addRow([l.section, l.question, l.answer, l.details]);
  styleHead(verbatimSheet.getRow(1), 1, 4);
  for (const section of sections) {
    for (const { heading, question: q } of section.questions) {
      for (const text of q.otherTexts ?? []) verbatimSheet.addRow([section.heading, heading, l.other, text]);
      for (const text of q.verbatims ?? []) verbatimSheet.addRow([section.heading, heading, l.details, text]);
    }
  }
  setWidths(verbatimSheet, 28, 40, 4);
  verbatimSheet.getColumn(3).width = 12;
  verbatimSheet.getColumn(4).width = 90;
  verbatimSheet.getColumn(4).alignment = { wrapText: true, vertical: 'top' };
  if (verbatimSheet.rowCount > 1)
    verbatimSheet.autoFilter = { from: 'A1', to: { row: verbatimSheet.rowCount, column: 4 } };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
