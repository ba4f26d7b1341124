import { columnLetter, type InputProblem } from './problems.js';

/** A cell as read from CSV (always text) or XLSX (typed). */
export type Cell = string | number | boolean | Date | null;

export interface TableRow {
  cells: Cell[];
  /** Physical line where the record starts (CSV) or spreadsheet row number (XLSX). */
  line: number;
}

/** A header row plus data rows, with enough provenance to point at any cell. */
export interface Table {
  file: string;
  /** Set for spreadsheets: problems then name the sheet and cell (e.g. `C7`). */
  sheet?: string;
  header: string[];
  headerLine: number;
  rows: TableRow[];
  /** Structural problems found while reading (ragged lines…). */
  problems: InputProblem[];
}

export type CellLocation = Pick<InputProblem, 'file' | 'line' | 'column' | 'header' | 'sheet' | 'cell'>;

export function cellLocation(table: Table, line: number, columnIndex: number | undefined): CellLocation {
  if (columnIndex === undefined) {
    return table.sheet !== undefined
      ? { file: table.file, sheet: table.sheet, line }
      : { file: table.file, line };
  }
  const letter = columnLetter(columnIndex);
  const name = table.header[columnIndex] ?? '';
  if (table.sheet !== undefined) {
    return {
      file: table.file,
      sheet: table.sheet,
      cell: `${letter}${line}`,
      line,
      column: JSON.stringify(name),
      header: name,
    };
  }
  return { file: table.file, line, column: `${letter} ${JSON.stringify(name)}`, header: name };
}

/** Cell text with surrounding spaces removed; '' for an empty cell. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString();
  return String(cell).trim();
}

export function isEmptyCell(cell: Cell | undefined): boolean {
  if (cell === '' || cell === null || cell === undefined) return true;
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}
