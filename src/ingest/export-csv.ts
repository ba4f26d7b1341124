import { NONE_VALUE, OTHER_VALUE, choiceKey, commentKey, type SurveyModel } from '../survey/model.js';
import type { ResponseRecord } from '../survey/records.js';
import { allowsComment } from '../survey/question-rules.js';
import { writeCsv, type CsvCell, type CsvWriteOptions } from '../csv/write.js';

export type CsvExportOptions = CsvWriteOptions;

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
  const columns = exportColumns(survey);
  const rows = (function* () {
    for (const response of responses) yield columns.map((c) => format(c.value(response)));
  })();
  return writeCsv(
    columns.map((c) => c.header),
    rows,
    options,
  );
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

/** Numbers stay numbers (the writer neutralises text only); lists and objects as JSON. */
function format(value: unknown): CsvCell {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}
