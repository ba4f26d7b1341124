import { EXPORT_FORMATS } from '../contract/exports.js';
import type { SurveyModel } from '../survey/model.js';
import type { Registry, ResponseRecord } from '../survey/records.js';
import type { Cell } from './cells.js';
import { exportCsv } from './csv.js';
import type { ExportOptions } from './options.js';
import { exportR } from './r.js';
import { exportSpss } from './spss.js';
import { exportTable, type ExportTable, type Variable } from './table.js';
import { exportXlsx } from './xlsx.js';
import { zipFiles } from './zip.js';

export { DEFAULT_EXPORT_OPTIONS, type ExportFile, type ExportOptions } from './options.js';
export { exportTable, type ExportTable, type Variable, type ValueLabel } from './table.js';
export type { Cell, WallClock } from './cells.js';

/**
 * The analysts' exports of raw answers (issue 14): CSV and XLSX with codes or labels, and, as
 * LimeSurvey gives them, R and SPSS bundles (data + labelling script in one .zip).
 * Pure: (survey, responses, registry, options) → bytes; the use case (src/app/exports) reads the
 * store and the caller's scope.
 */
export { EXPORT_FORMATS };
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportDocument {
  body: Buffer;
  extension: 'csv' | 'xlsx' | 'zip';
  contentType: string;
}

export const EXPORT_CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
} as const;

/**
 * The options a format actually uses: R and SPSS hold codes, one 0/1 column per choice, and put
 * the labels in their script (a joined cell or a label in the data could not carry value labels).
 */
export function effectiveOptions(format: ExportFormat, options: ExportOptions): ExportOptions {
  return format === 'r' || format === 'spss' ? { ...options, values: 'codes', choices: 'columns' } : options;
}

/** The table of an export in a format, before any response is read. */
export function exportTableFor(
  format: ExportFormat,
  survey: SurveyModel,
  registry: Registry,
  options: ExportOptions,
): ExportTable {
  return exportTable(survey, registry, effectiveOptions(format, options));
}

/** Rows already built (by `ExportTable.row`) written in a format; `base` names the files in a bundle. */
export async function writeExport(
  format: ExportFormat,
  variables: readonly Variable[],
  rows: readonly (readonly Cell[])[],
  options: ExportOptions,
  naming: { base: string; title: string },
): Promise<ExportDocument> {
  const used = effectiveOptions(format, options);
  switch (format) {
    case 'csv':
      return {
        body: exportCsv(variables, rows, used),
        extension: 'csv',
        contentType: EXPORT_CONTENT_TYPES.csv,
      };
    case 'xlsx':
      return {
        body: await exportXlsx(variables, rows, used),
        extension: 'xlsx',
        contentType: EXPORT_CONTENT_TYPES.xlsx,
      };
    case 'r':
      return zipped(exportR(variables, rows, naming.base, naming.title));
    case 'spss':
      return zipped(exportSpss(variables, rows, naming.base, naming.title));
  }
}

/** Everything at once, for a folder or a test: survey, responses and registry → the document. */
export async function buildExport(
  format: ExportFormat,
  survey: SurveyModel,
  responses: Iterable<ResponseRecord>,
  registry: Registry,
  options: ExportOptions,
  naming: { base: string; title: string } = { base: 'reponses', title: survey.title },
): Promise<ExportDocument> {
  const table = exportTableFor(format, survey, registry, options);
  const rows = [...responses].map((r) => table.row(r));
  return writeExport(format, table.variables, rows, options, naming);
}

function zipped(files: { name: string; bytes: Buffer }[]): ExportDocument {
  return { body: zipFiles(files), extension: 'zip', contentType: EXPORT_CONTENT_TYPES.zip };
}
