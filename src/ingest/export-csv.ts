import { NONE_VALUE, OTHER_VALUE, choiceKey, commentKey, type SurveyModel } from '../survey/model.js';
import type { ResponseRecord } from '../survey/records.js';
import { allowsComment } from '../survey/question-rules.js';

export interface CsvExportOptions {
  /** Field separator; `;` suits French Excel. Default `,`. */
  separator?: ',' | ';' | '\t';
  /** Write numbers with a decimal comma (12,5). Default false. */
  decimalComma?: boolean;
  /** Start with a UTF-8 byte-order mark so Excel reads accents correctly. Default true. */
  bom?: boolean;
}

type Column = { header: string; value: (r: ResponseRecord) => unknown };

/**
 * The "CSV of the raw answers": one line per response, one column per question, one column per
 * checkbox choice (1 = ticked, 0 = not ticked, empty = unanswered), one per matrix row, and the
 * "other"/comment text in `<name>-Comment`. Reads back with the CSV loader unchanged.
 */
export function writeResponsesCsv(
  survey: SurveyModel,
  responses: Iterable<ResponseRecord>,
  options: CsvExportOptions = {},
): string {
  const separator = options.separator ?? ',';
  const decimalComma = options.decimalComma ?? false;
  const columns = exportColumns(survey);
  const lines = [columns.map((c) => quote(c.header, separator)).join(separator)];
  for (const response of responses) {
    lines.push(columns.map((c) => quote(format(c.value(response), decimalComma), separator)).join(separator));
  }
  return (options.bom === false ? '' : '\ufeff') + lines.join('\r\n') + '\r\n';
}

function exportColumns(survey: SurveyModel): Column[] {
  const columns: Column[] = [
    { header: 'id', value: (r) => r.id },
    { header: 'structure', value: (r) => r.structure },
    { header: 'submittedAt', value: (r) => r.submittedAt },
  ];
  for (const q of survey.questions) {
    const answer = (r: ResponseRecord) => r.data[q.name];
    if (q.kind === 'multiple') {
      const values = q.choices.map((c) => choiceKey(c.value));
      if (q.hasOther) values.push(OTHER_VALUE);
      if (q.hasNone) values.push(NONE_VALUE);
      for (const value of values) {
        columns.push({
          header: `${q.name}/${value}`,
          value: (r) => {
            const list = answer(r);
            if (!Array.isArray(list) || list.length === 0) return undefined;
            return list.some((v) => choiceKey(v as string) === value) ? 1 : 0;
          },
        });
      }
    } else if (q.kind === 'matrix') {
      for (const row of q.rows) {
        const key = choiceKey(row.value);
        columns.push({
          header: `${q.name}/${key}`,
          value: (r) => {
            const a = answer(r);
            return a && typeof a === 'object' ? (a as Record<string, unknown>)[key] : undefined;
          },
        });
      }
    } else {
      columns.push({ header: q.name, value: answer });
    }
    if (allowsComment(survey, q.name)) {
      const key = commentKey(q.name);
      columns.push({ header: key, value: (r) => r.data[key] });
    }
  }
  return columns;
}

function format(value: unknown, decimalComma: boolean): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return decimalComma ? String(value).replace('.', ',') : String(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return JSON.stringify(value);
}

function quote(text: string, separator: string): string {
  const needs =
    text.includes(separator) ||
    text.includes('"') ||
    text.includes('\n') ||
    text.includes('\r') ||
    text !== text.trim();
  return needs ? `"${text.replace(/"/g, '""')}"` : text;
}
