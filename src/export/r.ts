import { writeCsv } from '../csv/write.js';
import { isoWallClock, isWallClock, type Cell } from './cells.js';
import type { ExportFile } from './options.js';
import { statisticalNames } from './names.js';
import type { Variable } from './table.js';

const R_CLASS: Record<Variable['type'], string> = {
  text: 'character',
  number: 'numeric',
  date: 'character',
  datetime: 'character',
};

/**
 * The R export, as LimeSurvey gives it: the answers (codes) in a CSV that `read.csv2` reads (`;`,
 * decimal comma, ISO dates) and a script that reads it, turns every choice variable into a factor
 * with its labels, dates into Date / POSIXct (Europe/Paris), and gives every variable its label
 * (attribute "label", which RStudio's viewer and the labelled / haven packages show).
 */
export function exportR(
  variables: readonly Variable[],
  rows: Iterable<readonly Cell[]>,
  base: string,
  title: string,
): ExportFile[] {
  const names = statisticalNames(variables.map((v) => v.name));
  const data = writeCsv(
    names,
    (function* () {
      for (const row of rows) yield row.map((cell) => (isWallClock(cell) ? isoWallClock(cell) : cell));
    })(),
    { separator: ';', decimalComma: true, bom: true },
  );
  const lines: string[] = [
    ...(title.trim() ? [`# ${oneLine(title)}`] : []),
    '# Réponses brutes exportées par Panorama / raw answers exported by Panorama.',
    `# Usage: setwd() to this folder, then source("${base}.R", encoding = "UTF-8")`,
    '',
    `data <- read.csv2(${rString(`${base}.csv`)}, fileEncoding = "UTF-8-BOM", na.strings = "",`,
    '  check.names = FALSE, stringsAsFactors = FALSE,',
    `  colClasses = c(${names.map((n, i) => `${rString(n)} = ${rString(R_CLASS[variables[i]!.type])}`).join(', ')}))`,
    '',
    '# Text that a spreadsheet would run as a formula was written with a leading apostrophe: remove it.',
    'data[] <- lapply(data, function(x) if (is.character(x)) sub("^\'([=+@\\t\\r-])", "\\\\1", x) else x)',
    '',
  ];
  variables.forEach((v, i) => {
    const column = `data[[${rString(names[i]!)}]]`;
    if (v.type === 'date') lines.push(`${column} <- as.Date(${column})`);
    if (v.type === 'datetime')
      lines.push(`${column} <- as.POSIXct(${column}, tz = "Europe/Paris", format = "%Y-%m-%d %H:%M:%S")`);
    if (v.valueLabels)
      lines.push(
        `${column} <- factor(${column}, levels = c(${v.valueLabels.map((c) => rValue(c.code)).join(', ')}), labels = c(${v.valueLabels.map((c) => rString(c.label)).join(', ')}))`,
      );
    // After factor(), which drops attributes.
    lines.push(`attr(${column}, "label") <- ${rString(v.label)}`);
  });
  lines.push('');
  return [
    { name: `${base}.csv`, bytes: Buffer.from(data, 'utf8') },
    { name: `${base}.R`, bytes: Buffer.from(lines.join('\n'), 'utf8') },
  ];
}

export function rString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`;
}

function rValue(code: string | number): string {
  return typeof code === 'number' ? String(code) : rString(code);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}
