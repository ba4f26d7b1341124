import { writeCsv } from '../csv/write.js';
import { isoWallClock, isWallClock, type Cell } from './cells.js';
import type { ExportFile } from './options.js';
import { statisticalNames, truncateBytes } from './names.js';
import type { Variable } from './table.js';

/** SPSS limits: a variable label holds 255 bytes, a value label 120, a string 32,767. */
const VARIABLE_LABEL_BYTES = 255;
const VALUE_LABEL_BYTES = 120;
const MAX_STRING = 32767;

/**
 * The SPSS export, as LimeSurvey gives it: the answers (codes) in a tab-separated file and a
 * syntax file (.sps) that reads it with GET DATA, then sets VARIABLE LABELS for every variable and
 * VALUE LABELS for every choice variable. Works in SPSS and in PSPP. Decimal point, ISO dates
 * (SDATE10, YMDHMS19), Paris time; line breaks inside answers become spaces (one case per line).
 */
export function exportSpss(
  variables: readonly Variable[],
  rows: Iterable<readonly Cell[]>,
  base: string,
  title: string,
): ExportFile[] {
  const names = statisticalNames(variables.map((v) => v.name));
  const widths = variables.map(() => 1);
  const decimals = variables.map(() => 0);
  const lines: (string | number | null)[][] = [];
  for (const row of rows) {
    lines.push(
      row.map((cell, i) => {
        if (cell === null) return null;
        if (isWallClock(cell)) return isoWallClock(cell);
        if (typeof cell === 'number') {
          const text = String(cell);
          widths[i] = Math.max(widths[i]!, text.length);
          decimals[i] = Math.max(decimals[i]!, text.includes('.') ? text.split('.')[1]!.length : 0);
          return cell;
        }
        const text = cell.replace(/[\r\n\t]+/g, ' ');
        widths[i] = Math.max(widths[i]!, Buffer.byteLength(text, 'utf8') + 1);
        return text;
      }),
    );
  }
  const formats = variables.map((v, i) => {
    if (v.type === 'date') return 'SDATE10';
    if (v.type === 'datetime') return 'YMDHMS19';
    if (isNumeric(v)) {
      const d = Math.min(16, decimals[i]!);
      return `F${Math.min(40, Math.max(8, widths[i]! + 2, d + 3))}.${d}`;
    }
    const codes = v.valueLabels?.map((c) => Buffer.byteLength(String(c.code), 'utf8')) ?? [];
    return `A${Math.min(MAX_STRING, Math.max(widths[i]!, ...codes, 1))}`;
  });
  const data = writeCsv(names, lines, { separator: '\t', bom: false });
  const syntax: string[] = [
    '* Encoding: UTF-8.',
    ...(title.trim() ? [`* ${oneLine(title)}.`] : []),
    '* Réponses brutes exportées par Panorama / raw answers exported by Panorama.',
    `* Open this file from the folder that holds ${base}.dat (or give its full path in /FILE).`,
    '',
    'GET DATA',
    '  /TYPE=TXT',
    `  /FILE=${spssString(`${base}.dat`)}`,
    "  /ENCODING='UTF8'",
    '  /ARRANGEMENT=DELIMITED',
    '  /DELCASE=LINE',
    '  /FIRSTCASE=2',
    '  /DELIMITERS="\\t"',
    `  /QUALIFIER='"'`,
    '  /VARIABLES=',
    ...names.map((n, i) => `    ${n} ${formats[i]}`),
    '.',
    '',
    'VARIABLE LABELS',
    ...variables.map(
      (v, i) =>
        `  ${i === 0 ? '' : '/'}${names[i]} ${spssString(truncateBytes(oneLine(v.label), VARIABLE_LABEL_BYTES))}`,
    ),
    '.',
  ];
  const labelled = variables.map((v, i) => ({ v, i })).filter(({ v }) => v.valueLabels);
  if (labelled.length) {
    syntax.push('', 'VALUE LABELS');
    labelled.forEach(({ v, i }, n) => {
      syntax.push(`  ${n === 0 ? '' : '/'}${names[i]}`);
      for (const c of v.valueLabels!) {
        const code = isNumeric(v) ? String(c.code) : spssString(String(c.code));
        syntax.push(`    ${code} ${spssString(truncateBytes(oneLine(c.label), VALUE_LABEL_BYTES))}`);
      }
    });
    syntax.push('.');
    // Codes are categories, not quantities: SPSS then offers them to crosstabs, not to means.
    const nominal = labelled.filter(({ v }) => isNumeric(v)).map(({ i }) => names[i]!);
    if (nominal.length) syntax.push('', 'VARIABLE LEVEL', ...nominal.map((n) => `  ${n}`), '  (NOMINAL).');
  }
  syntax.push('', 'EXECUTE.', '');
  return [
    { name: `${base}.dat`, bytes: Buffer.from(data, 'utf8') },
    { name: `${base}.sps`, bytes: Buffer.from(syntax.join('\n'), 'utf8') },
  ];
}

function isNumeric(v: Variable): boolean {
  return v.type === 'number';
}

/** A quoted SPSS string: single quotes, doubled inside. */
export function spssString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
