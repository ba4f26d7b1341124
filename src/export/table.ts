import {
  NONE_VALUE,
  OTHER_VALUE,
  choiceKey,
  commentKey,
  type Choice,
  type QuestionDef,
  type SurveyModel,
} from '../survey/model.js';
import type { Registry, ResponseRecord, Structure } from '../survey/records.js';
import { allowsComment } from '../survey/question-rules.js';
import { answerWallClock, parisWallClock, type Cell } from './cells.js';
import type { ExportOptions } from './options.js';
import { EXPORT_WORDS } from './words.js';

/** A code and its label: the value labels an R or SPSS script gives a choice variable. */
export interface ValueLabel {
  code: string | number;
  label: string;
}

/** One column of an export. */
export interface Variable {
  /** The column's key: the question name, `question/choice` for a choice or matrix row. */
  name: string;
  /** What it holds, in the export's language: the question's title, "Title [choice]"… */
  label: string;
  type: 'text' | 'number' | 'date' | 'datetime';
  /** The codes of a choice variable (codes mode), every choice with its label. */
  valueLabels?: ValueLabel[];
  value(response: ResponseRecord, structure: Structure | undefined): Cell;
}

export interface ExportTable {
  variables: Variable[];
  /** One response's row, with its structure looked up in the registry. */
  row(response: ResponseRecord): Cell[];
}

/**
 * The columns of an export for a survey and a registry: id, structure (and its name and registry
 * attributes), submission time, then every question as the options ask, with its "other"/comment
 * text after it. The pure core shared by every format.
 */
export function exportTable(survey: SurveyModel, registry: Registry, options: ExportOptions): ExportTable {
  const words = EXPORT_WORDS[options.lang];
  const variables: Variable[] = [
    { name: 'id', label: words.id, type: 'text', value: (r) => r.id },
    { name: 'structure', label: words.structure, type: 'text', value: (r) => r.structure },
  ];
  if (options.registry) {
    variables.push({
      name: 'structure_name',
      label: words.structureName,
      type: 'text',
      value: (_r, s) => s?.name ?? null,
    });
    for (const attribute of registry.attributes)
      variables.push({
        name: attribute,
        label: words.attribute(attribute),
        type: 'text',
        value: (_r, s) => s?.attributes[attribute] ?? null,
      });
  }
  variables.push({
    name: 'submittedAt',
    label: words.submittedAt,
    type: 'datetime',
    value: (r) => (r.submittedAt ? parisWallClock(r.submittedAt) : null),
  });
  for (const q of survey.questions) {
    variables.push(...questionVariables(q, options));
    if (allowsComment(survey, q.name)) {
      const key = commentKey(q.name);
      variables.push({
        name: key,
        label: `${titleOf(q, options.lang)} ${words.comment}`,
        type: 'text',
        value: (r) => textOf(r.data[key]),
      });
    }
  }
  const byId = new Map(registry.structures.map((s) => [s.id, s]));
  return {
    variables,
    row: (response) => {
      const structure = response.structure ? byId.get(response.structure) : undefined;
      return variables.map((v) => v.value(response, structure));
    },
  };
}

function questionVariables(q: QuestionDef, options: ExportOptions): Variable[] {
  const lang = options.lang;
  const words = EXPORT_WORDS[lang];
  const title = titleOf(q, lang);
  const labels = options.values === 'labels';
  const answer = (r: ResponseRecord) => r.data[q.name];
  switch (q.kind) {
    case 'single':
    case 'rating': {
      const choices = allChoices(q, lang);
      const numeric = q.kind === 'rating' || choices.every((c) => typeof c.code === 'number');
      return [
        {
          name: q.name,
          label: title,
          type: labels || !numeric ? 'text' : 'number',
          ...(labels ? {} : { valueLabels: choices }),
          value: (r) => choiceCell(answer(r), choices, labels),
        },
      ];
    }
    case 'boolean': {
      const [yes, no] = q.choices;
      const choices: ValueLabel[] = [
        { code: 1, label: labelOf(yes!, lang) },
        { code: 0, label: labelOf(no!, lang) },
      ];
      return [
        {
          name: q.name,
          label: title,
          type: labels ? 'text' : 'number',
          ...(labels ? {} : { valueLabels: choices }),
          value: (r) => {
            const a = answer(r);
            if (typeof a !== 'boolean') return a === undefined || a === null ? null : String(a);
            return labels ? choices[a ? 0 : 1]!.label : a ? 1 : 0;
          },
        },
      ];
    }
    case 'multiple': {
      const choices = allChoices(q, lang);
      if (options.choices === 'cell')
        return [
          {
            name: q.name,
            label: title,
            type: 'text',
            value: (r) => {
              const list = answer(r);
              if (!Array.isArray(list) || list.length === 0) return null;
              return list.map((v) => String(choiceCell(v, choices, labels))).join(' | ');
            },
          },
        ];
      const ticked: ValueLabel[] = [
        { code: 0, label: words.no },
        { code: 1, label: words.yes },
      ];
      return choices.map((choice) => ({
        name: `${q.name}/${choiceKey(choice.code)}`,
        label: `${title} [${choice.label}]`,
        type: labels ? 'text' : 'number',
        ...(labels ? {} : { valueLabels: ticked }),
        value: (r) => {
          const list = answer(r);
          if (!Array.isArray(list) || list.length === 0) return null;
          const on = list.some((v) => choiceKey(v as string) === choiceKey(choice.code));
          return labels ? (on ? words.yes : words.no) : on ? 1 : 0;
        },
      }));
    }
    case 'matrix': {
      const columns = q.choices.map((c) => ({ code: c.value as string | number, label: labelOf(c, lang) }));
      const numeric = columns.every((c) => typeof c.code === 'number');
      return q.rows.map((row) => {
        const key = choiceKey(row.value);
        return {
          name: `${q.name}/${key}`,
          label: `${title} [${labelOf(row, lang)}]`,
          type: labels || !numeric ? 'text' : 'number',
          ...(labels ? {} : { valueLabels: columns }),
          value: (r) => {
            const a = answer(r);
            const cell = a && typeof a === 'object' ? (a as Record<string, unknown>)[key] : undefined;
            return choiceCell(cell, columns, labels);
          },
        } satisfies Variable;
      });
    }
    case 'number':
      return [{ name: q.name, label: title, type: 'number', value: (r) => numberCell(answer(r)) }];
    case 'date': {
      const type =
        q.inputType === 'date' || q.inputType === undefined
          ? 'date'
          : q.inputType.startsWith('datetime')
            ? 'datetime'
            : 'text';
      return [
        {
          name: q.name,
          label: title,
          type,
          value: (r) => {
            const text = textOf(answer(r));
            if (text === null || type === 'text') return text;
            return answerWallClock(text) ?? text;
          },
        },
      ];
    }
    default:
      return [{ name: q.name, label: title, type: 'text', value: (r) => textOf(answer(r)) }];
  }
}

/** The choices with "other" and "none" when the question offers them, as codes and labels. */
function allChoices(q: QuestionDef, lang: 'fr' | 'en'): ValueLabel[] {
  const out: ValueLabel[] = q.choices.map((c) => ({
    code: typeof c.value === 'boolean' ? String(c.value) : c.value,
    label: labelOf(c, lang),
  }));
  if (q.hasOther) out.push({ code: OTHER_VALUE, label: q.otherText });
  if (q.hasNone) out.push({ code: NONE_VALUE, label: q.noneText });
  return out;
}

function choiceCell(value: unknown, choices: readonly ValueLabel[], labels: boolean): Cell {
  if (value === undefined || value === null || value === '') return null;
  const key = String(value);
  const choice = choices.find((c) => choiceKey(c.code) === key);
  if (!choice) return typeof value === 'number' ? value : key;
  return labels ? choice.label : choice.code;
}

function numberCell(value: unknown): Cell {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value.trim().replace(',', '.'));
    return Number.isFinite(n) ? n : value;
  }
  return value === undefined || value === null ? null : JSON.stringify(value);
}

function textOf(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function titleOf(q: QuestionDef, lang: 'fr' | 'en'): string {
  return q.titles?.[lang] ?? q.title;
}

function labelOf(c: Choice, lang: 'fr' | 'en'): string {
  return c.labels?.[lang] ?? c.label;
}
