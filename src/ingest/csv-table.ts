import { CsvError, parse } from 'csv-parse/sync';
import { decodeText } from './decode.js';
import type { InputProblem } from './problems.js';
import { codedProblem, InputError } from './problems.js';
import type { Table, TableRow } from './table.js';
import { unneutraliseCell } from '../csv/write.js';

const SEPARATORS = [',', ';', '\t'] as const;

/**
 * Reads a CSV file: UTF-8 (with or without BOM) or Windows-1252, separator `,` `;` or tab guessed
 * from the header line. Every ragged line is reported, not only the first.
 */
export function readCsvTable(bytes: Uint8Array, file: string): Table {
  // csv-parse miscounts lines when a quoted field holds CRLF; one newline style keeps numbers exact.
  const text = decodeText(bytes).text.replace(/\r\n?/g, '\n');
  const delimiter = detectSeparator(text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      // A stray quote inside an unquoted field (5" écran) is text, as spreadsheets read it.
      relax_quotes: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    const e = err as CsvError & { lines?: number };
    const line = e.code === 'CSV_QUOTE_NOT_CLOSED' ? unclosedQuoteLine(text) : e.lines;
    // csv-parse's own English text is never shown: its code says which mistake it met.
    const reason =
      e.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'quote_not_closed'
        : /QUOTE/.test(String(e.code))
          ? 'quote'
          : 'other';
    throw new InputError([
      codedProblem({ file, ...(line !== undefined ? { line } : {}) }, 'ingest_csv_invalid', { reason }),
    ]);
  }
  if (records.length === 0) throw new InputError([codedProblem({ file, line: 1 }, 'ingest_csv_empty')]);
  const [first, ...rest] = records;
  const header = first!.record.map((h) => unneutraliseCell(h.trim()));
  const headerLine = startLine(first!);
  const problems: InputProblem[] = [];
  const rows: TableRow[] = [];
  for (const entry of rest) {
    const cells = entry.record;
    const line = startLine(entry);
    if (cells.every((c) => c.trim() === '')) continue;
    if (cells.length < header.length || cells.slice(header.length).some((c) => c.trim() !== '')) {
      problems.push(
        codedProblem({ file, line }, 'ingest_csv_ragged', {
          fields: cells.length,
          columns: header.length,
          separator: printable(delimiter),
        }),
      );
      continue;
    }
    // Text a spreadsheet would have run as a formula was written with an apostrophe (src/csv).
    rows.push({ cells: cells.slice(0, header.length).map(unneutraliseCell), line });
  }
  return { file, header, headerLine, rows, problems };
}

/** csv-parse reports the line where a record ends; quoted newlines make it start earlier. */
function startLine(entry: { record: string[]; info: { lines: number } }): number {
  let newlines = 0;
  for (const field of entry.record) {
    for (let i = field.indexOf('\n'); i !== -1; i = field.indexOf('\n', i + 1)) newlines++;
  }
  return entry.info.lines - newlines;
}

/** Line of the quote that is still open at the end of the text. */
function unclosedQuoteLine(text: string): number {
  let line = 1;
  let openedAt = 1;
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) line++;
    else if (ch === 34) {
      inQuotes = !inQuotes;
      if (inQuotes) openedAt = line;
    }
  }
  return openedAt;
}

/** The separator occurring most often outside quotes on the first non-empty line. */
export function detectSeparator(text: string): string {
  const counts = new Map<string, number>(SEPARATORS.map((s) => [s, 0]));
  let inQuotes = false;
  let started = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      if (started) break;
    } else if (!inQuotes && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
    if (ch !== '\n' && ch !== '\r') started = true;
  }
  let best: string = ',';
  for (const s of SEPARATORS) if (counts.get(s)! > counts.get(best)!) best = s;
  return best;
}

function printable(separator: string): string {
  return separator === '\t' ? 'tab' : separator;
}
