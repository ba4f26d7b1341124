import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { readCsvTable } from './csv-table.js';
import { codedProblem, InputError } from './problems.js';
import type { Table } from './table.js';
import { readXlsxTable } from './xlsx-table.js';

/** Reads a CSV (by default) or XLSX table; `file` names it in messages and gives the format. */
export async function readTable(bytes: Uint8Array, file: string): Promise<Table> {
  const ext = extname(file).toLowerCase();
  if (ext === '.xlsx') return readXlsxTable(bytes, file);
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return readCsvTable(bytes, file);
  throw new InputError([codedProblem({ file }, 'ingest_table_format', { ext })]);
}

export async function readTableFile(path: string): Promise<Table> {
  return readTable(await readFile(path), basename(path));
}
