import type { ElementJson } from '../../survey/definition-schema.js';
import type { ConversionIssue } from '../issues.js';
import type { VariableRef } from './expressions.js';
import type { LsAnswer, LsQuestion, LsSubquestion } from './structure.js';
import { fixedLabel, surveyText, type SurveyText } from './texts.js';

export type ResponseData = Record<string, unknown>;

/** Reads one question's answer from a response row (`get(suffix)` = the column `<SGQA><suffix>`). */
export type AnswerReader = (
  get: (suffix: string) => string,
  data: ResponseData,
  report: (i: ConversionIssue) => void,
) => void;

export interface ConvertedQuestion {
  elements: ElementJson[];
  read?: AnswerReader;
  /** LimeSurvey variable names (question and subquestion codes) → their SurveyJS reading. */
  variables: Map<string, VariableRef>;
}

export interface QuestionContext {
  languages: string[];
  report: (issue: ConversionIssue) => void;
}

type Choice = { value: string | number; text?: SurveyText };

const ARRAY_COLUMNS: Record<string, string[]> = {
  A: ['1', '2', '3', '4', '5'],
  B: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
  C: ['Y', 'U', 'N'],
  E: ['I', 'S', 'D'],
};

/** The SurveyJS elements, the response reader and the variables of one LimeSurvey question. */
export function convertQuestion(q: LsQuestion, ctx: QuestionContext): ConvertedQuestion {
  const name = q.code;
  const texts = (text: Record<string, string>, html = false) =>
    surveyText(text, ctx.languages, {
      html,
      missing: (lang) => ctx.report({ code: 'translation_missing', question: name, feature: lang }),
    });
  const base: ElementJson = { type: 'text', name, title: texts(q.text) ?? name };
  const help = texts(q.help);
  if (help) base.description = help;
  if (q.mandatory) base.isRequired = true;
  const variables = new Map<string, VariableRef>([[name, { kind: 'value', name }]]);
  const answerChoices = (scale = 0): Choice[] =>
    q.answers.filter((a) => a.scale === scale).map((a: LsAnswer) => ({ value: a.code, text: texts(a.text) }));
  const subChoices = (scale = 0): Choice[] =>
    subs(q, scale).map((s) => ({ value: s.code, text: texts(s.text) }));
  const fixed = (codes: string[]): Choice[] =>
    codes.map((c) => ({ value: c, text: fixedLabel(c, ctx.languages) }));
  const approximated = (detail: string) =>
    ctx.report({ code: 'question_type_approximated', question: name, feature: typeLabel(q.type), detail });
  reportSettings(q, ctx);

  switch (q.type) {
    case 'L':
    case '!':
    case 'O':
    case 'Y':
    case 'G': {
      const choices =
        q.type === 'Y' ? fixed(['Y', 'N']) : q.type === 'G' ? fixed(['F', 'M']) : answerChoices();
      const element: ElementJson = { ...base, type: q.type === '!' ? 'dropdown' : 'radiogroup', choices };
      const withOther = q.other && (q.type === 'L' || q.type === '!');
      if (withOther) {
        element.showOtherItem = true;
        const otherText = q.attributes.other_replace_text;
        if (otherText) element.otherText = otherText;
      }
      if (q.type === 'O') element.showCommentArea = true;
      const allowed = new Set(choices.map((c) => String(c.value)));
      return {
        elements: [element],
        variables,
        read: (get, data, report) => {
          const value = get('');
          if (withOther && value === '-oth-') {
            data[name] = 'other';
            const text = get('other');
            if (text) data[`${name}-Comment`] = text;
          } else if (value !== '') {
            if (allowed.has(value)) data[name] = value;
            else report({ code: 'response_value_unknown', question: name, feature: 'value', detail: value });
          }
          if (q.type === 'O') {
            const comment = get('comment');
            if (comment) data[`${name}-Comment`] = comment;
          }
        },
      };
    }
    case 'M':
    case 'P': {
      const choices = subChoices();
      const element: ElementJson = { ...base, type: 'checkbox', choices };
      if (q.other) element.showOtherItem = true;
      for (const s of choices)
        variables.set(`${name}_${String(s.value)}`, { kind: 'ticked', name, value: String(s.value) });
      if (q.type === 'P')
        ctx.report({ code: 'choice_comments_dropped', question: name, feature: typeLabel('P') });
      copyNumber(q.attributes.min_answers, element, 'minSelectedChoices');
      copyNumber(q.attributes.max_answers, element, 'maxSelectedChoices');
      return {
        elements: [element],
        variables,
        read: (get, data) => {
          const ticked = choices.map((c) => String(c.value)).filter((code) => get(code) === 'Y');
          const other = q.other ? get('other') : '';
          if (other) {
            ticked.push('other');
            data[`${name}-Comment`] = other;
          }
          if (ticked.length > 0) data[name] = ticked;
        },
      };
    }
    case '5':
      return {
        elements: [{ ...base, type: 'rating', rateMin: 1, rateMax: 5 }],
        variables,
        read: (get, data) => setNumber(data, name, get('')),
      };
    case 'N': {
      const element: ElementJson = { ...base, inputType: 'number' };
      copyNumber(q.attributes.min_num_value_n, element, 'min');
      copyNumber(q.attributes.max_num_value_n, element, 'max');
      return { elements: [element], variables, read: (get, data) => setNumber(data, name, get('')) };
    }
    case 'S':
    case 'T':
    case 'U': {
      const element: ElementJson = q.type === 'S' ? { ...base } : { ...base, type: 'comment' };
      return { elements: [element], variables, read: (get, data) => setText(data, name, get('')) };
    }
    case 'D': {
      const withTime = /[HhGgi]/.test(q.attributes.date_format ?? '');
      const element: ElementJson = { ...base, inputType: withTime ? 'datetime-local' : 'date' };
      return {
        elements: [element],
        variables,
        read: (get, data) => {
          const value = get('');
          if (!value) return;
          const [day, time] = value.split(' ');
          data[name] = withTime ? `${day}T${(time ?? '00:00').slice(0, 5)}` : day;
        },
      };
    }
    case 'K':
    case 'Q': {
      const children = subs(q, 0).map((s) => ({
        sub: s,
        element: {
          type: 'text',
          name: `${name}_${s.code}`,
          title: texts(s.text) ?? s.code,
          ...(q.type === 'K' ? { inputType: 'number' } : {}),
          ...(q.mandatory ? { isRequired: true } : {}),
        },
      }));
      for (const c of children) variables.set(c.element.name, { kind: 'value', name: c.element.name });
      approximated('one question per subquestion, in a panel');
      return {
        elements: [
          panel(
            base,
            children.map((c) => c.element),
          ),
        ],
        variables,
        read: (get, data) => {
          for (const c of children) {
            if (q.type === 'K') setNumber(data, c.element.name, get(c.sub.code));
            else setText(data, c.element.name, get(c.sub.code));
          }
        },
      };
    }
    case 'F':
    case 'H':
    case 'A':
    case 'B':
    case 'C':
    case 'E': {
      const columns = ARRAY_COLUMNS[q.type]
        ? q.type === 'C' || q.type === 'E'
          ? fixed(ARRAY_COLUMNS[q.type]!)
          : ARRAY_COLUMNS[q.type]!.map((v) => ({ value: v }))
        : answerChoices();
      if (q.type === 'H') approximated('array by column shown as an array by row');
      return matrix(base, subChoices(), columns, variables, (sub) => sub);
    }
    case '1': {
      approximated('dual scale split into two arrays');
      const rows = subChoices();
      const first = matrix(base, rows, answerChoices(0), variables, (sub) => `${sub}#0`);
      const secondName = `${name}_2`;
      const second = matrix(
        { ...base, name: secondName, title: scaleTitle(base.title, q.attributes.dualscale_headerB) },
        rows,
        answerChoices(1),
        variables,
        (sub) => `${sub}#1`,
      );
      return {
        elements: [...first.elements, ...second.elements],
        variables,
        read: (get, data, report) => {
          first.read!(get, data, report);
          second.read!(get, data, report);
        },
      };
    }
    case ';':
    case ':': {
      approximated('one question per cell, in a panel');
      const rows = subs(q, 0);
      const columns = subs(q, 1);
      const cells: { column: string; element: ElementJson }[] = [];
      for (const row of rows) {
        for (const column of columns) {
          const cell: ElementJson = {
            type: 'text',
            name: `${name}_${row.code}_${column.code}`,
            title: joinTitles(texts(row.text) ?? row.code, texts(column.text) ?? column.code),
            ...(q.type === ':' ? { inputType: 'number' } : {}),
          };
          variables.set(cell.name, { kind: 'value', name: cell.name });
          cells.push({ column: `${row.code}_${column.code}`, element: cell });
        }
      }
      return {
        elements: [
          panel(
            base,
            cells.map((c) => c.element),
          ),
        ],
        variables,
        read: (get, data) => {
          for (const c of cells) {
            if (q.type === ':') setNumber(data, c.element.name, get(c.column));
            else setText(data, c.element.name, get(c.column));
          }
        },
      };
    }
    case 'R': {
      approximated('one drop-down list per rank, in a panel');
      const items = q.answers.length > 0 ? answerChoices() : subChoices();
      const allowed = new Set(items.map((i) => String(i.value)));
      const ranks = items.map((_, index) => ({
        type: 'dropdown',
        name: `${name}_${index + 1}`,
        title: String(index + 1),
        choices: items,
        ...(q.mandatory ? { isRequired: true } : {}),
      })) as ElementJson[];
      for (const r of ranks) variables.set(r.name, { kind: 'value', name: r.name });
      return {
        elements: [panel(base, ranks)],
        variables,
        read: (get, data, report) => {
          ranks.forEach((r, index) => {
            const value = get(String(index + 1));
            if (!value) return;
            if (allowed.has(value)) data[r.name] = value;
            else
              report({ code: 'response_value_unknown', question: r.name, feature: 'value', detail: value });
          });
        },
      };
    }
    case 'X':
      return { elements: [{ type: 'html', name, html: texts(q.text, true) ?? '' }], variables: new Map() };
    case '*':
      ctx.report({
        code: 'calculation_not_converted',
        question: name,
        feature: typeLabel('*'),
        detail: plainEquation(q),
      });
      return { elements: [], variables: new Map() };
    default:
      ctx.report({ code: 'question_type_unsupported', question: name, feature: typeLabel(q.type) });
      return { elements: [], variables: new Map() };
  }
}

function subs(q: LsQuestion, scale: number): LsSubquestion[] {
  return q.subquestions.filter((s) => s.scale === scale);
}

function panel(base: ElementJson, elements: ElementJson[]): ElementJson {
  const out: ElementJson = { type: 'panel', name: `${base.name}_panel`, title: base.title, elements };
  if (base.description) out.description = base.description;
  return out;
}

function matrix(
  base: ElementJson,
  rows: Choice[],
  columns: Choice[],
  variables: Map<string, VariableRef>,
  column: (sub: string) => string,
): ConvertedQuestion {
  const name = base.name;
  const element: ElementJson = { ...base, type: 'matrix', rows, columns };
  if (base.isRequired) {
    delete element.isRequired;
    element.isAllRowRequired = true;
  }
  for (const row of rows)
    variables.set(`${name}_${String(row.value)}`, { kind: 'row', name, row: String(row.value) });
  const allowed = new Set(columns.map((c) => String(c.value)));
  return {
    elements: [element],
    variables,
    read: (get, data, report) => {
      const answer: Record<string, string> = {};
      for (const row of rows) {
        const value = get(column(String(row.value)));
        if (!value) continue;
        if (allowed.has(value)) answer[String(row.value)] = value;
        else
          report({
            code: 'response_value_unknown',
            question: name,
            feature: `row ${String(row.value)}`,
            detail: value,
          });
      }
      if (Object.keys(answer).length > 0) data[name] = answer;
    },
  };
}

function setNumber(data: ResponseData, name: string, raw: string): void {
  if (raw === '') return;
  const value = Number(raw);
  if (Number.isFinite(value)) data[name] = value;
}

function setText(data: ResponseData, name: string, raw: string): void {
  if (raw !== '') data[name] = raw;
}

function copyNumber(raw: string | undefined, element: ElementJson, key: string): void {
  if (raw === undefined || raw.trim() === '') return;
  const value = Number(raw);
  if (Number.isFinite(value)) element[key] = value;
}

function joinTitles(row: SurveyText, column: SurveyText): SurveyText {
  if (typeof row === 'string' && typeof column === 'string') return `${row} — ${column}`;
  const r = typeof row === 'string' ? { default: row } : row;
  const c = typeof column === 'string' ? { default: column } : column;
  const out: Record<string, string> = {};
  for (const lang of new Set([...Object.keys(r), ...Object.keys(c)])) {
    out[lang] = `${r[lang] ?? r.default ?? ''} — ${c[lang] ?? c.default ?? ''}`;
  }
  return out;
}

function scaleTitle(title: ElementJson['title'], header: string | undefined): SurveyText {
  const suffix = header?.trim() ? header.trim() : '2';
  if (typeof title === 'string' || title === undefined) return `${title ?? ''} (${suffix})`;
  return Object.fromEntries(Object.entries(title).map(([lang, text]) => [lang, `${text} (${suffix})`]));
}

function plainEquation(q: LsQuestion): string {
  return (q.attributes.equation ?? Object.values(q.text)[0] ?? '').slice(0, 200);
}

const TYPE_NAMES: Record<string, string> = {
  '1': 'array dual scale',
  '5': '5 point choice',
  A: 'array 5 point',
  B: 'array 10 point',
  C: 'array yes/uncertain/no',
  D: 'date',
  E: 'array increase/same/decrease',
  F: 'array',
  G: 'gender',
  H: 'array by column',
  I: 'language switch',
  K: 'multiple numerical input',
  L: 'list (radio)',
  M: 'multiple choice',
  N: 'numerical input',
  O: 'list with comment',
  P: 'multiple choice with comments',
  Q: 'multiple short text',
  R: 'ranking',
  S: 'short free text',
  T: 'long free text',
  U: 'huge free text',
  X: 'text display',
  Y: 'yes/no',
  '!': 'list (dropdown)',
  ':': 'array (numbers)',
  ';': 'array (texts)',
  '|': 'file upload',
  '*': 'equation',
};

/** "LimeSurvey type L (list (radio))": the feature named in the report. */
export function typeLabel(type: string): string {
  return `LimeSurvey type ${type} (${TYPE_NAMES[type] ?? 'unknown'})`;
}

/** Settings that change what is asked or accepted and that the conversion does not carry. */
const MEANINGFUL_SETTINGS = [
  'random_order',
  'array_filter',
  'array_filter_exclude',
  'em_validation_q',
  'em_validation_sq',
  'exclude_all_others',
  'equals_num_value',
  'min_num_value',
  'max_num_value',
  'num_value_int_only',
  'hidden',
  'date_min',
  'date_max',
  'multiflexible_checkbox',
  'input_boxes',
];

function reportSettings(q: LsQuestion, ctx: QuestionContext): void {
  for (const setting of MEANINGFUL_SETTINGS) {
    const value = q.attributes[setting]?.trim();
    if (!value || value === '0' || value === 'N') continue;
    ctx.report({ code: 'setting_not_converted', question: q.code, feature: setting, detail: value });
  }
}
