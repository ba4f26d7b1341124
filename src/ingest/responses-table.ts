import { jsonDepthExcess } from '../survey/json-depth.js';
import {
  COMMENT_SUFFIX,
  NONE_VALUE,
  OTHER_VALUE,
  choiceKey,
  commentKey,
  type QuestionDef,
  type SurveyModel,
} from '../survey/model.js';
import type { ResponseRecord } from '../survey/records.js';
import { allowsComment, booleanValues } from '../survey/question-rules.js';
import { validateResponseData } from '../survey/validate.js';
import { closestName } from '../survey/wording.js';
import {
  DuplicateIds,
  ProblemCollector,
  progressReporter,
  unknownStructureProblem,
  type LoadOptions,
  type LoadResult,
} from './collect.js';
import { codedProblem, type InputProblem } from './problems.js';
import { cellLocation, cellText, isEmptyCell, type Cell, type Table, type TableRow } from './table.js';
import { parseLocaleNumber, submittedAtFromCell, toIsoDate } from './values.js';

/** What one column of a response table holds. */
type ColumnPlan =
  | { kind: 'id' | 'structure' | 'submittedAt' | 'ignored' }
  | { kind: 'answer'; question: QuestionDef }
  | { kind: 'comment'; question: QuestionDef }
  /** One checkbox choice (`<name>/<value>`): a 1/0/oui/non/x mark. */
  | { kind: 'choice'; question: QuestionDef; value: string }
  /** One matrix row (`<name>/<row>`): the chosen column value. */
  | { kind: 'row'; question: QuestionDef; row: string };

const SPECIAL: Record<string, 'id' | 'structure' | 'submittedAt'> = {
  id: 'id',
  structure: 'structure',
  submittedat: 'submittedAt',
};
const TRUE_MARKS = new Set(['1', 'x', 'oui', 'o', 'yes', 'y', 'true', 'vrai']);
const FALSE_MARKS = new Set(['0', 'non', 'n', 'no', 'false', 'faux', '']);

/**
 * Turns a CSV/XLSX table into responses: one column per question, checkboxes as one column per
 * choice or a `;` list, "other" text in `<name>-Comment`, numbers with a French decimal comma.
 */
export function tableToResponses(table: Table, survey: SurveyModel, options: LoadOptions): LoadResult {
  const collector = new ProblemCollector(options.lenient ?? false);
  for (const p of table.problems) collector.error(p);
  const plans = planColumns(table, survey, collector);
  const firstColumn = new Map<string, number>();
  plans.forEach((plan, index) => {
    if ('question' in plan) {
      const key = plan.kind === 'comment' ? commentKey(plan.question.name) : plan.question.name;
      if (!firstColumn.has(key)) firstColumn.set(key, index);
    }
  });
  const idColumn = plans.findIndex((p) => p.kind === 'id');
  const structureColumn = plans.findIndex((p) => p.kind === 'structure');
  const ids = new DuplicateIds();
  const responses: ResponseRecord[] = [];
  const progress = progressReporter(options, table.rows.length);

  for (let rowIndex = 0; rowIndex < table.rows.length; rowIndex++) {
    const row = table.rows[rowIndex]!;
    const id = idColumn >= 0 ? cellText(row.cells[idColumn]) : `line-${row.line}`;
    let usable = true;
    if (id === '') {
      collector.error(codedProblem(cellLocation(table, row.line, idColumn), 'ingest_response_id_empty'));
      usable = false;
    } else {
      const first = ids.check(id, row.line);
      if (first !== undefined) {
        collector.error(
          codedProblem(
            { ...cellLocation(table, row.line, idColumn), responseId: id },
            'ingest_duplicate_response_id',
            {
              id,
              first,
              unit: table.sheet ? 'row' : 'line',
            },
          ),
        );
        usable = false;
      }
    }
    const converted = convertRow(table, row, plans, id, survey, collector);
    if (converted.structure !== null && options.structures && !options.structures.has(converted.structure)) {
      collector.value(
        unknownStructureProblem(
          { ...cellLocation(table, row.line, structureColumn), responseId: id },
          converted.structure,
          options.registryName,
        ),
      );
      converted.structure = null;
    }
    // Keys in column order, as SurveyJS would store them in question order.
    const ordered: Record<string, unknown> = {};
    for (const key of firstColumn.keys()) if (key in converted.data) ordered[key] = converted.data[key];
    const result = validateResponseData(survey, ordered);
    for (const p of result.problems) {
      const column = firstColumn.get(p.question) ?? firstColumn.get(p.question.replace(/-Comment$/, ''));
      collector.value({
        ...cellLocation(table, row.line, column),
        responseId: id,
        question: p.question,
        value: p.value,
        message: p.message,
        code: p.code,
        params: p.params,
      });
    }
    if (usable) {
      const record: ResponseRecord = { id, structure: converted.structure, data: result.data };
      if (converted.submittedAt !== undefined) record.submittedAt = converted.submittedAt;
      responses.push(record);
    }
    progress(rowIndex + 1);
  }
  if (table.rows.length === 0) options.onProgress?.(0, 0);
  return { responses, warnings: collector.finish() };
}

interface ConvertedRow {
  data: Record<string, unknown>;
  structure: string | null;
  submittedAt: string | undefined;
}

/** One row's cells → SurveyJS data. A plain loop without per-cell closures: it runs for every cell. */
function convertRow(
  table: Table,
  row: TableRow,
  plans: ColumnPlan[],
  id: string,
  survey: SurveyModel,
  collector: ProblemCollector,
): ConvertedRow {
  const data: Record<string, unknown> = {};
  const out: ConvertedRow = { data, structure: null, submittedAt: undefined };
  let checked: Map<string, unknown[]> | undefined;
  let matrices: Map<string, Record<string, unknown>> | undefined;
  for (let column = 0; column < plans.length; column++) {
    const plan = plans[column]!;
    const cell = row.cells[column] ?? null;
    if (plan.kind === 'ignored' || plan.kind === 'id' || isEmptyCell(cell)) continue;
    switch (plan.kind) {
      case 'structure':
        out.structure = cellText(cell);
        break;
      case 'submittedAt': {
        const iso = submittedAtFromCell(cell);
        if (iso === undefined) {
          collector.error(
            codedProblem(
              { ...cellLocation(table, row.line, column), responseId: id, value: cell },
              'ingest_submitted_at_cell',
              { got: cellText(cell) },
            ),
          );
        } else out.submittedAt = iso;
        break;
      }
      case 'answer':
        data[plan.question.name] = convertCell(plan.question, cell, survey);
        break;
      case 'comment':
        data[commentKey(plan.question.name)] = cellText(cell);
        break;
      case 'choice': {
        checked ??= new Map();
        let list = checked.get(plan.question.name);
        if (!list) checked.set(plan.question.name, (list = []));
        const mark = checkboxMark(cell);
        if (mark === true) list.push(plan.value);
        else if (mark === undefined && plan.value === OTHER_VALUE) {
          // LimeSurvey-style exports put the "other" text in the other column itself.
          list.push(OTHER_VALUE);
          data[commentKey(plan.question.name)] ??= cellText(cell);
        } else if (mark === undefined) {
          collector.value(
            codedProblem(
              {
                ...cellLocation(table, row.line, column),
                responseId: id,
                question: plan.question.name,
                value: cell,
              },
              'ingest_checkbox_mark',
              { question: plan.question.name, got: cellText(cell) },
            ),
          );
        }
        break;
      }
      case 'row': {
        matrices ??= new Map();
        let answer = matrices.get(plan.question.name);
        if (!answer) matrices.set(plan.question.name, (answer = {}));
        answer[plan.row] = cellText(cell);
        break;
      }
    }
  }
  if (checked) {
    for (const [name, list] of checked) {
      const single = data[name];
      const merged = Array.isArray(single) ? [...single, ...list] : list;
      if (merged.length > 0) data[name] = merged;
    }
  }
  if (matrices) {
    for (const [name, answer] of matrices) {
      const whole = data[name];
      data[name] =
        whole && typeof whole === 'object' && !Array.isArray(whole) ? { ...whole, ...answer } : answer;
    }
  }
  return out;
}

function planColumns(table: Table, survey: SurveyModel, collector: ProblemCollector): ColumnPlan[] {
  const seen = new Map<string, number>();
  return table.header.map((name, index): ColumnPlan => {
    const at = cellLocation(table, table.headerLine, index);
    if (name === '') {
      const empty = table.rows.every((row) => isEmptyCell(row.cells[index]));
      if (!empty) collector.error(codedProblem(at, 'ingest_unnamed_column'));
      return { kind: 'ignored' };
    }
    const previous = seen.get(name);
    if (previous !== undefined) {
      collector.error(codedProblem(at, 'ingest_duplicate_column', { column: name, first: previous + 1 }));
      return { kind: 'ignored' };
    }
    seen.set(name, index);
    const plan = planColumn(name, survey, { ...at, value: name });
    if ('message' in plan) {
      collector.value(plan);
      return { kind: 'ignored' };
    }
    return plan;
  });
}

/** The plan for a header, or the problem saying why it matches nothing (located `at`). */
function planColumn(
  name: string,
  survey: SurveyModel,
  at: Omit<InputProblem, 'message' | 'code' | 'params'>,
): ColumnPlan | InputProblem {
  const special = SPECIAL[name.toLowerCase()];
  if (special) return { kind: special };
  const question = survey.byName.get(name);
  if (question) return { kind: 'answer', question };
  if (name.endsWith(COMMENT_SUFFIX)) {
    const owner = survey.byName.get(name.slice(0, -COMMENT_SUFFIX.length));
    if (owner && allowsComment(survey, owner.name)) return { kind: 'comment', question: owner };
    if (owner) return codedProblem(at, 'ingest_column_no_comment', { column: name, question: owner.name });
  }
  for (const [questionName, sub] of splitCandidates(name)) {
    const q = survey.byName.get(questionName);
    if (!q) continue;
    if (q.kind === 'multiple') {
      const choices = q.choices.map((c) => choiceKey(c.value));
      if (q.hasOther) choices.push(OTHER_VALUE);
      if (q.hasNone) choices.push(NONE_VALUE);
      if (choices.includes(sub)) return { kind: 'choice', question: q, value: sub };
      return codedProblem(at, 'ingest_column_not_choice', {
        column: name,
        value: sub,
        question: q.name,
        choices: choices.map(String),
      });
    }
    if (q.kind === 'matrix') {
      const rows = q.rows.map((r) => choiceKey(r.value));
      if (rows.includes(sub)) return { kind: 'row', question: q, row: sub };
      return codedProblem(at, 'ingest_column_not_row', {
        column: name,
        value: sub,
        question: q.name,
        rows: rows.map(String),
      });
    }
  }
  const hint = closestName(name, survey.byName.keys());
  return codedProblem(at, 'ingest_column_unknown', hint ? { column: name, hint } : { column: name });
}

/** `q/a`, `q.a` and `q[a]` splits of a header, longest question name first. */
function splitCandidates(name: string): [string, string][] {
  const out: [string, string][] = [];
  const bracket = /^(.+)\[(.+)\]$/.exec(name);
  if (bracket) out.push([bracket[1]!, bracket[2]!]);
  for (let i = name.length - 1; i > 0; i--) {
    if (name[i] === '/' || name[i] === '.') out.push([name.slice(0, i), name.slice(i + 1)]);
  }
  return out;
}

function checkboxMark(cell: Cell): boolean | undefined {
  if (cell === '1') return true;
  if (cell === '0') return false;
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return cell === 1 ? true : cell === 0 ? false : undefined;
  const text = cellText(cell).toLowerCase();
  if (TRUE_MARKS.has(text)) return true;
  if (FALSE_MARKS.has(text)) return false;
  return undefined;
}

/**
 * Converts a cell to the SurveyJS value type of its question. A cell that cannot be converted is
 * passed on as text so that validation reports it with the question and value.
 */
function convertCell(question: QuestionDef, cell: Cell, survey: SurveyModel): unknown {
  switch (question.kind) {
    case 'number': {
      if (typeof cell === 'number') return cell;
      const text = cellText(cell);
      return parseLocaleNumber(text) ?? text;
    }
    case 'multiple': {
      if (typeof cell === 'number') return [cell];
      return cellText(cell)
        .split(';')
        .map((v) => v.trim())
        .filter((v) => v !== '');
    }
    case 'boolean': {
      const { valueTrue, valueFalse } = booleanValues(survey, question.name);
      const text = cellText(cell);
      if (valueTrue !== undefined && text === String(valueTrue)) return valueTrue;
      if (valueFalse !== undefined && text === String(valueFalse)) return valueFalse;
      const mark = checkboxMark(cell);
      if (mark === undefined) return text;
      if (valueTrue !== undefined || valueFalse !== undefined)
        return mark ? (valueTrue ?? true) : (valueFalse ?? false);
      return mark;
    }
    case 'date':
      return toIsoDate(cell, question.inputType ?? 'date');
    case 'matrix': {
      const text = cellText(cell);
      // Too deep to be a matrix answer: kept as text, refused by validation like any other text.
      if (jsonDepthExcess(text)) return text;
      try {
        return JSON.parse(text);
      } catch {
        return text;
      }
    }
    default:
      return typeof cell === 'string' ? cell.trim() : cellText(cell);
  }
}
