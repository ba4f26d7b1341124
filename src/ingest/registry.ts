import { basename } from 'node:path';
import type { Registry, Structure } from '../survey/records.js';
import { looksLikeCommuneCode, resolveCommune } from './commune.js';
import { InputError, type InputProblem } from './problems.js';
import { cellLocation, cellText, isEmptyCell, type Table } from './table.js';
import { readTable, readTableFile } from './table-file.js';

const ID_COLUMNS = new Set(['id', 'identifiant']);
const NAME_COLUMNS = new Set(['nom', 'name']);
const COMMUNE_COLUMNS = new Set(['commune', 'code_commune', 'code_insee']);
/** Attributes filled from the commune code when the registry does not give them. */
const GEO_ATTRIBUTES = ['departement', 'region', 'epci'] as const;

export interface RegistryPreviewError {
  /** Line in a CSV file, row number in a spreadsheet. */
  line: number;
  /** Header name of the column ('' when the problem is the whole line). */
  column: string;
  value: string;
  reason: string;
}

export interface RegistryPreviewRow extends Structure {
  line: number;
}

export interface RegistryPreview {
  /** Header names in file order. */
  columns: string[];
  rows: RegistryPreviewRow[];
  errors: RegistryPreviewError[];
  /** The registry that importing would produce; only when there is no error. */
  registry?: Registry;
}

/** Reads a registry of structures from CSV or XLSX; throws an InputError listing every problem. */
export async function loadRegistryFile(path: string): Promise<Registry> {
  const table = await readTableFile(path);
  const { registry, problems } = tableToRegistry(table);
  if (problems.length > 0) throw new InputError(problems);
  return registry;
}

/**
 * For the web import screen: what would be imported and every problem (line, column, value,
 * reason), without throwing, so nothing is written before the user has seen it.
 */
export async function previewRegistryImport(
  input: string | Uint8Array,
  filename: string,
): Promise<RegistryPreview> {
  const file = basename(filename);
  let table: Table;
  try {
    table = await readTable(typeof input === 'string' ? new TextEncoder().encode(input) : input, file);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return { columns: [], rows: [], errors: err.problems.map(toPreviewError) };
  }
  const { registry, problems, lines } = tableToRegistry(table);
  const rows = registry.structures.map((s, i) => ({ ...s, line: lines[i]! }));
  const errors = problems.map(toPreviewError);
  return { columns: table.header, rows, errors, ...(errors.length === 0 ? { registry } : {}) };
}

function toPreviewError(p: InputProblem): RegistryPreviewError {
  const column =
    typeof p.column === 'string' ? p.column.replace(/^[A-Z]+ /, '').replace(/^"(.*)"$/, '$1') : '';
  return {
    line: p.line ?? 0,
    column,
    value: p.value === undefined || p.value === null ? '' : String(p.value),
    reason: p.message,
  };
}

/** Builds the registry; problems are returned (never thrown) so the preview can list them. */
export function tableToRegistry(table: Table): {
  registry: Registry;
  problems: InputProblem[];
  lines: number[];
} {
  const problems: InputProblem[] = [...table.problems];
  const lower = table.header.map((h) => h.toLowerCase());
  const idColumn = lower.findIndex((h) => ID_COLUMNS.has(h));
  const nameColumns = lower.flatMap((h, i) => (NAME_COLUMNS.has(h) ? [i] : []));
  const headerAt = (column?: number) => cellLocation(table, table.headerLine, column);
  if (idColumn < 0) {
    problems.push({
      ...headerAt(),
      value: table.header.join(', '),
      message: `the registry has no "id" column (columns: ${table.header.join(', ')})`,
    });
  }
  if (nameColumns.length === 0) {
    problems.push({
      ...headerAt(),
      value: table.header.join(', '),
      message: `the registry has no "nom" (or "name") column (columns: ${table.header.join(', ')})`,
    });
  } else if (nameColumns.length > 1) {
    problems.push({
      ...headerAt(nameColumns[1]),
      value: table.header[nameColumns[1]!],
      message: 'the registry has both a "nom" and a "name" column: keep one',
    });
  }
  const nameColumn = nameColumns[0] ?? -1;
  const attributeColumns: number[] = [];
  const seen = new Map<string, number>();
  table.header.forEach((header, i) => {
    if (i === idColumn || i === nameColumn) return;
    if (header === '') {
      if (!table.rows.every((row) => isEmptyCell(row.cells[i]))) {
        problems.push({ ...headerAt(i), value: '', message: 'this column has values but no header name' });
      }
      return;
    }
    const first = seen.get(header.toLowerCase());
    if (first !== undefined) {
      problems.push({
        ...headerAt(i),
        value: header,
        message: `the column ${JSON.stringify(header)} appears twice (columns ${first + 1} and ${i + 1})`,
      });
      return;
    }
    seen.set(header.toLowerCase(), i);
    attributeColumns.push(i);
  });
  const attributes = attributeColumns.map((i) => table.header[i]!);
  const communeColumn = attributeColumns.find((i) => COMMUNE_COLUMNS.has(lower[i]!));
  const addedGeo = new Set<string>();

  const structures: Structure[] = [];
  const lines: number[] = [];
  const idLines = new Map<string, number>();
  if (idColumn >= 0 && nameColumn >= 0) {
    for (const row of table.rows) {
      const at = (column: number) => cellLocation(table, row.line, column);
      const id = cellText(row.cells[idColumn]);
      const name = cellText(row.cells[nameColumn]);
      let ok = true;
      if (id === '') {
        problems.push({ ...at(idColumn), value: '', message: 'the structure id is empty' });
        ok = false;
      } else if (idLines.has(id)) {
        const first = idLines.get(id)!;
        const unit = table.sheet ? 'rows' : 'lines';
        problems.push({
          ...at(idColumn),
          value: id,
          message: `the id ${JSON.stringify(id)} is used twice (${unit} ${first} and ${row.line})`,
        });
        ok = false;
      } else idLines.set(id, row.line);
      if (name === '') {
        problems.push({
          ...at(nameColumn),
          value: '',
          message: `the name of structure ${JSON.stringify(id)} is empty`,
        });
        ok = false;
      }
      const values: Record<string, string> = {};
      for (const i of attributeColumns) values[table.header[i]!] = cellText(row.cells[i]);
      if (communeColumn !== undefined) {
        const problem = fillGeography(values, table.header[communeColumn]!, addedGeo);
        if (problem) {
          problems.push({
            ...at(communeColumn),
            value: values[table.header[communeColumn]!],
            message: problem,
          });
          ok = false;
        }
      }
      if (ok) {
        structures.push({ id, name, attributes: values });
        lines.push(row.line);
      }
    }
  }
  const allAttributes = [
    ...attributes,
    ...GEO_ATTRIBUTES.filter((g) => addedGeo.has(g) && !attributes.includes(g)),
  ];
  for (const s of structures) for (const a of allAttributes) s.attributes[a] ??= '';
  return { registry: { structures, attributes: allAttributes }, problems, lines };
}

/**
 * Fills departement (code), region and epci (names) from an INSEE commune code when the row does
 * not give them. Returns a problem text for a code that does not exist.
 */
function fillGeography(
  values: Record<string, string>,
  column: string,
  added: Set<string>,
): string | undefined {
  let code = values[column] ?? '';
  if (code === '') return undefined;
  // Spreadsheets turn "01053" into 1053: every INSEE code has 5 characters, so the zero comes back.
  if (/^\d{4}$/.test(code)) values[column] = code = `0${code}`;
  if (!looksLikeCommuneCode(code)) {
    // A plain "commune" column may hold names; only a code column must hold codes.
    return column.toLowerCase() === 'commune'
      ? undefined
      : `${JSON.stringify(code)} is not an INSEE commune code (5 characters, e.g. 59350)`;
  }
  const info = resolveCommune(code);
  if (!info) return `${JSON.stringify(code)} is not a known INSEE commune code`;
  const geo = { departement: info.departement.code, region: info.region.name, epci: info.epci?.name ?? '' };
  for (const key of GEO_ATTRIBUTES) {
    if ((values[key] ?? '') === '' && geo[key] !== '') {
      values[key] = geo[key];
      added.add(key);
    }
  }
  return undefined;
}
