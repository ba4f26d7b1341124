import ExcelJS from 'exceljs';
import { codedProblem, InputError } from './problems.js';
import type { Cell, Table, TableRow } from './table.js';
import { checkXlsxLimits, XLSX_LIMITS, type XlsxLimits } from './xlsx-limits.js';

/**
 * Reads the first sheet of a workbook: header on row 1, one record per following non-empty row.
 * The archive's sizes and the sheets' extent are checked first (`limits`): ExcelJS expands the whole
 * workbook in memory, so a ZIP bomb must be refused before it gets there.
 */
export async function readXlsxTable(
  bytes: Uint8Array,
  file: string,
  limits: XlsxLimits = XLSX_LIMITS,
): Promise<Table> {
  checkXlsxLimits(bytes, file, limits);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    // ExcelJS's own message is English and technical: the user is told the workbook is damaged.
    throw new InputError([codedProblem({ file }, 'ingest_xlsx_unreadable', { reason: 'content' })]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new InputError([codedProblem({ file }, 'ingest_xlsx_no_sheet')]);
  const width = sheet.columnCount;
  const headerRow = sheet.getRow(1);
  const header: string[] = [];
  for (let c = 1; c <= width; c++) {
    const value = normalise(headerRow.getCell(c).value);
    header.push(value === null ? '' : value instanceof Date ? value.toISOString() : String(value).trim());
  }
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  if (header.length === 0) {
    throw new InputError([codedProblem({ file, sheet: sheet.name, line: 1 }, 'ingest_xlsx_empty_header')]);
  }
  const rows: TableRow[] = [];
  const problems: Table['problems'] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: Cell[] = [];
    for (let c = 1; c <= header.length; c++) cells.push(normalise(row.getCell(c).value));
    if (cells.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''))) continue;
    for (let c = header.length + 1; c <= width; c++) {
      const extra = normalise(row.getCell(c).value);
      if (extra !== null && String(extra).trim() !== '') {
        problems.push(
          codedProblem(
            { file, sheet: sheet.name, cell: row.getCell(c).address, line: r },
            'ingest_cell_without_header',
            { value: String(extra) },
          ),
        );
      }
    }
    rows.push({ cells, line: r });
  }
  return { file, sheet: sheet.name, header, headerLine: 1, rows, problems };
}

/** Formulas give their cached result, rich text its plain text, hyperlinks their text. */
function normalise(value: ExcelJS.CellValue | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) return null;
    if (typeof result === 'object' && !(result instanceof Date)) return null;
    return result as Cell;
  }
  if ('hyperlink' in value) return (value as { text?: string }).text ?? null;
  if ('error' in value) return `#${String((value as { error: unknown }).error)}`;
  return null;
}
