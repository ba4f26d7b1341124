import type { Cell } from './table.js';

// Spaces (incl. no-break and narrow no-break) group thousands in French: "65 951".
const GROUPING = /[\s\u00a0\u202f]/g;
const NUMBER = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?$/;

/** "12", "12,5", "12.5", "1 234,5" → number; anything else → undefined. */
export function parseLocaleNumber(text: string): number | undefined {
  const compact = text.replace(GROUPING, '');
  if (!NUMBER.test(compact)) return undefined;
  const n = Number(compact.replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
}

const FRENCH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2})[:h](\d{2})(?::(\d{2}))?)?$/;

/**
 * Dates as SurveyJS stores them (ISO text). Spreadsheet date cells and French "31/12/2020" text are
 * converted; anything else is returned unchanged for validation to report.
 */
export function toIsoDate(cell: Cell, inputType: string): string {
  if (cell instanceof Date) {
    const iso = cell.toISOString(); // exceljs gives spreadsheet dates as UTC instants
    if (inputType === 'date') return iso.slice(0, 10);
    if (inputType === 'month') return iso.slice(0, 7);
    if (inputType === 'time') return iso.slice(11, 16);
    if (inputType === 'datetime-local') return iso.slice(0, 16);
    return iso;
  }
  const text = cell === null ? '' : String(cell).trim();
  const m = FRENCH_DATE.exec(text);
  if (!m) return text;
  const date = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  if (m[4] === undefined || inputType === 'date') return date;
  return `${date}T${m[4].padStart(2, '0')}:${m[5]}${m[6] ? `:${m[6]}` : ''}`;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A submission time as ISO 8601 text, or undefined. Only ISO is trusted: Date.parse would read a
 * French "03/04/2020" as the 4th of March.
 */
export function isoInstant(text: string): string | undefined {
  return ISO_INSTANT.test(text) && !Number.isNaN(Date.parse(text)) ? text : undefined;
}

/** Spreadsheet cells: ISO text, a date cell, or French "31/12/2020 09:30" (local time). */
export function submittedAtFromCell(cell: Cell): string | undefined {
  if (cell instanceof Date) return cell.toISOString();
  const text = cell === null ? '' : String(cell).trim();
  const m = FRENCH_DATE.exec(text);
  if (!m) return isoInstant(text);
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}${
    m[4] === undefined ? '' : `T${m[4].padStart(2, '0')}:${m[5]}:${m[6] ?? '00'}`
  }`;
  return isoInstant(iso);
}
