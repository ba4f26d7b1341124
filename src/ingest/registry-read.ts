import { looksLikeCommuneCode, resolveCommune, type CommuneInfo } from './commune.js';
import type { InputProblem } from './problems.js';
import {
  mapRegistryColumns,
  registryProblem,
  type RegistryColumns,
  type RegistryField,
} from './registry-columns.js';
import { cellLocation, cellText, type Table } from './table.js';

/** One line of a registry file, as read: only the columns the file has. */
export interface RegistryRow {
  line: number;
  id: string;
  /** Trimmed text of each recognised column present in the file ('' for an empty cell). */
  fields: Partial<Record<RegistryField, string>>;
  /** Parsed values of non-empty recognised cells. */
  type?: 'CS' | 'EVS';
  qpv?: boolean;
  /** The commune of a code given in the code column (or in a "commune" column holding codes). */
  commune?: CommuneInfo;
  /** Free columns present in the file, by header name ('' for an empty cell). */
  attributes: Record<string, string>;
  /** The row has a problem (listed in `problems`): it is never imported. */
  invalid?: true;
}

export interface RegistryRead {
  table: Table;
  columns: RegistryColumns;
  /** Every data row, in file order; rows with a problem are marked `invalid`. */
  rows: RegistryRow[];
  /** Every problem of the file (structure, header, cells), in file order. */
  problems: InputProblem[];
}

export interface RegistryReadOptions {
  /**
   * A registry for statistics must name every structure. An import may leave the names out: it
   * updates structures that exist (a new one still needs a name, which the import checks).
   */
  requireName?: boolean;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Reads a registry table with the one set of column rules; problems are returned, never thrown. */
export function readRegistryTable(table: Table, options: RegistryReadOptions = {}): RegistryRead {
  const columns = mapRegistryColumns(table);
  const problems: InputProblem[] = [...table.problems, ...columns.problems];
  const { fields } = columns;
  const found = table.header.filter((h) => h !== '').join(', ') || '—';
  const headerAt = cellLocation(table, table.headerLine, undefined);
  if (fields.id === undefined)
    problems.push(
      registryProblem({ ...headerAt, header: 'id', value: found }, 'registry_no_id_column', { found }),
    );
  // Without ids nothing can be matched: a missing name column is reported with it.
  if (fields.name === undefined && (options.requireName || fields.id === undefined))
    problems.push(
      registryProblem({ ...headerAt, header: 'nom', value: found }, 'registry_no_name_column', { found }),
    );

  const rows: RegistryRow[] = [];
  if (fields.id !== undefined && (fields.name !== undefined || !options.requireName)) {
    const idLines = new Map<string, number>();
    for (const tableRow of table.rows) {
      const before = problems.length;
      const row = readRow(table, columns, tableRow.cells, tableRow.line, problems, idLines, options);
      if (problems.length > before) row.invalid = true;
      rows.push(row);
    }
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { table, columns, rows, problems };
}

function readRow(
  table: Table,
  columns: RegistryColumns,
  cells: Table['rows'][number]['cells'],
  line: number,
  problems: InputProblem[],
  idLines: Map<string, number>,
  options: RegistryReadOptions,
): RegistryRow {
  const at = (field: RegistryField, value: string) => ({
    ...cellLocation(table, line, columns.fields[field]),
    value,
  });
  const fields: RegistryRow['fields'] = {};
  for (const [field, index] of Object.entries(columns.fields) as [RegistryField, number][])
    fields[field] = cellText(cells[index]);
  const attributes: Record<string, string> = {};
  for (const index of columns.attributes) attributes[table.header[index]!] = cellText(cells[index]);
  const id = fields.id ?? '';
  const row: RegistryRow = { line, id, fields, attributes };

  if (id === '') problems.push(registryProblem(at('id', ''), 'registry_empty_id'));
  else if (idLines.has(id)) {
    problems.push(
      registryProblem(at('id', id), 'registry_duplicate_id', {
        id,
        first: idLines.get(id)!,
        line,
        sheet: table.sheet !== undefined,
      }),
    );
  } else idLines.set(id, line);
  if (options.requireName && fields.name === '')
    problems.push(registryProblem(at('name', ''), 'registry_empty_name', { id }));

  const type = fields.type ?? '';
  if (type !== '') {
    const parsed = parseType(type);
    if (parsed) row.type = parsed;
    else problems.push(registryProblem(at('type', type), 'registry_bad_type', { value: type }));
  }
  const qpv = fields.qpv ?? '';
  if (qpv !== '') {
    const parsed = parseYesNo(qpv);
    if (parsed !== undefined) row.qpv = parsed;
    else problems.push(registryProblem(at('qpv', qpv), 'registry_bad_yes_no', { value: qpv }));
  }
  const email = fields.email ?? '';
  if (email !== '' && !EMAIL.test(email))
    problems.push(registryProblem(at('email', email), 'registry_bad_email', { value: email }));
  readCommune(row, at, problems);
  return row;
}

/**
 * The commune code: from the code column, or from a "commune" column when it holds a code (a name
 * there stays text). Spreadsheets turn "01053" into 1053: every INSEE code has 5 characters, so
 * the zero comes back.
 */
function readCommune(
  row: RegistryRow,
  at: (field: RegistryField, value: string) => Omit<InputProblem, 'message'>,
  problems: InputProblem[],
): void {
  const field: RegistryField = row.fields.communeCode !== undefined ? 'communeCode' : 'commune';
  let code = row.fields[field] ?? '';
  if (code === '') return;
  if (/^\d{4}$/.test(code)) row.fields[field] = code = `0${code}`;
  if (!looksLikeCommuneCode(code)) {
    if (field === 'communeCode')
      problems.push(registryProblem(at(field, code), 'registry_bad_commune_code', { value: code }));
    return;
  }
  const commune = resolveCommune(code);
  if (commune) row.commune = commune;
  else problems.push(registryProblem(at(field, code), 'registry_unknown_commune_code', { value: code }));
}

const norm = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();

export function parseType(value: string): 'CS' | 'EVS' | undefined {
  const v = norm(value);
  if (v === 'cs' || v === 'centre social' || v === 'centres sociaux') return 'CS';
  if (v === 'evs' || v === 'espace de vie sociale') return 'EVS';
  return undefined;
}

export function parseYesNo(value: string): boolean | undefined {
  const v = norm(value);
  if (['oui', 'o', 'yes', 'y', 'true', 'vrai', '1', 'x'].includes(v)) return true;
  if (['non', 'n', 'no', 'false', 'faux', '0'].includes(v)) return false;
  return undefined;
}
