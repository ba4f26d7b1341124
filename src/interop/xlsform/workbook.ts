import ExcelJS from 'exceljs';
import { PanoramaError } from '../../contract/errors/index.js';
import { checkXlsxLimits, XLSX_LIMITS, type XlsxLimits } from '../../ingest/xlsx-limits.js';

/**
 * Bounds of an XLSForm workbook. The content is bounded by its decompressed size (a form of a
 * thousand questions is well under 1 MB of XML); the row and cell extents are not, because
 * spreadsheet editors (LibreOffice) write formatted empty rows down to row 1,048,576 and real forms
 * arrive so. Rows are then read one by one as the file holds them, never by extent.
 */
export const XLSFORM_LIMITS: XlsxLimits = {
  ...XLSX_LIMITS,
  uncompressedBytes: 16 * 1024 * 1024,
  rows: 1_048_576,
  cells: Number.MAX_SAFE_INTEGER,
};
/** Form rows read from one sheet at most. */
export const MAX_FORM_ROWS = 10_000;

/** One sheet: normalised header names and rows of text cells (row number kept for messages). */
export interface FormSheet {
  name: string;
  header: string[];
  rows: { line: number; cells: Record<string, string> }[];
}

export async function readFormWorkbook(bytes: Uint8Array, file: string): Promise<Map<string, FormSheet>> {
  checkXlsxLimits(bytes, file, XLSFORM_LIMITS);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    throw new PanoramaError('import_unreadable', { file, problem: 'workbook' });
  }
  const sheets = new Map<string, FormSheet>();
  for (const sheet of workbook.worksheets) {
    const header: string[] = [];
    const rows: FormSheet['rows'] = [];
    sheet.eachRow({ includeEmpty: false }, (row, line) => {
      if (rows.length >= MAX_FORM_ROWS) return;
      const values = row.values as unknown[];
      if (header.length === 0) {
        for (let c = 1; c < values.length; c++) header[c] = normaliseHeader(cellText(values[c]));
        return;
      }
      const cells: Record<string, string> = {};
      let filled = false;
      for (let c = 1; c < values.length; c++) {
        const key = header[c];
        const text = cellText(values[c]).trim();
        if (key && text) {
          cells[key] = text;
          filled = true;
        }
      }
      if (filled) rows.push({ line, cells });
    });
    sheets.set(sheet.name.trim().toLowerCase(), { name: sheet.name, header: header.filter(Boolean), rows });
  }
  return sheets;
}

/**
 * `LABEL::EN` → `label::EN`, `label:English` → `label::English`, `bind:relevant` → `relevant`,
 * `name ` → `name`, `list name` → `list_name`; trailing newlines removed.
 */
export function normaliseHeader(raw: string): string {
  const text = raw.replace(/\s+$/g, '').replace(/^\s+/, '');
  const [head, ...rest] = text.split(/::?/);
  let base = (head ?? '').trim().toLowerCase().replace(/\s+/g, '_');
  if (base === 'bind' && rest.length > 0) return (rest.shift() ?? '').trim().toLowerCase();
  if (base === 'media' && rest.length > 0) base = `media_${(rest.shift() ?? '').toLowerCase()}`;
  return rest.length > 0 ? `${base}::${rest.join(':').trim()}` : base;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if (v.text !== undefined) return cellText(v.text);
    if (v.result !== undefined) return cellText(v.result);
  }
  return '';
}
