import { isReservedKey } from '../../../survey/reserved.js';
import { inspectExpression } from './conditions.js';
import { CHOICE_KINDS, kindOf, questionNames, textOf, type EditorDoc, type Json } from './definition.js';

/**
 * The editor's own checks before saving, each naming the question concerned, so that the usual
 * mistakes are fixed in place. The server checks the saved definition again with the checks of
 * any uploaded questionnaire; these only save a round trip and word the problem for a non-expert.
 */
export type ProblemCode =
  | 'noTitle'
  | 'noPage'
  | 'emptyPage'
  | 'noName'
  | 'badName'
  | 'reservedName'
  | 'duplicateName'
  | 'noChoices'
  | 'emptyChoiceValue'
  | 'duplicateChoice'
  | 'minAboveMax'
  | 'noRows'
  | 'noColumns'
  | 'badCondition'
  | 'unknownInCondition'
  | 'selfCondition';

export interface EditorProblem {
  code: ProblemCode;
  /** The element concerned (its editor key), to open and focus it. */
  key?: string;
  /** Filled into the message: question name, page title, value… */
  vars: Record<string, string | number>;
}

/** Characters that break a `{name}` in a condition or a column header. */
const BAD_NAME = /[\s{}[\]'".,;:]/;

function choiceValues(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.map((c) =>
    c && typeof c === 'object' ? String((c as Json).value ?? '') : String(c as string | number),
  );
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const v of values) (seen.has(v) ? twice : seen).add(v);
  return [...twice];
}

export function checkDocument(doc: EditorDoc): EditorProblem[] {
  const problems: EditorProblem[] = [];
  if (!textOf(doc.root.title).trim()) problems.push({ code: 'noTitle', vars: {} });
  if (doc.pages.length === 0) problems.push({ code: 'noPage', vars: {} });
  const known = new Set(questionNames(doc));
  const counted = new Map<string, number>();
  for (const name of questionNames(doc)) counted.set(name, (counted.get(name) ?? 0) + 1);

  doc.pages.forEach((page, pageIndex) => {
    const pageLabel = textOf(page.json.title).trim() || String(pageIndex + 1);
    if (page.elements.length === 0) problems.push({ code: 'emptyPage', vars: { page: pageLabel } });
    for (const { key, json } of page.elements) {
      const name = String(json.name ?? '').trim();
      const question = name || textOf(json.title) || '?';
      const add = (code: ProblemCode, vars: Record<string, string | number> = {}) =>
        problems.push({ code, key, vars: { question, ...vars } });
      if (!name) add('noName');
      else if (isReservedKey(name)) add('reservedName');
      else if (BAD_NAME.test(name)) add('badName');
      else if ((counted.get(name) ?? 0) > 1) add('duplicateName');

      const kind = kindOf(json);
      if (kind && CHOICE_KINDS.has(kind)) {
        const values = choiceValues(json.choices);
        if (values.length === 0) add('noChoices');
        if (values.some((v) => !v.trim())) add('emptyChoiceValue');
        for (const value of duplicates(values)) add('duplicateChoice', { value });
      }
      if (kind === 'matrix') {
        if (choiceValues(json.rows).length === 0) add('noRows');
        if (choiceValues(json.columns).length === 0) add('noColumns');
        const all = [...choiceValues(json.rows), ...choiceValues(json.columns)];
        if (all.some((v) => !v.trim())) add('emptyChoiceValue');
        for (const value of [
          ...duplicates(choiceValues(json.rows)),
          ...duplicates(choiceValues(json.columns)),
        ])
          add('duplicateChoice', { value });
      }
      const [min, max] = [json.min ?? json.rateMin, json.max ?? json.rateMax].map((v) =>
        v === undefined || v === '' ? undefined : Number(v),
      );
      if (min !== undefined && max !== undefined && min > max) add('minAboveMax', { min, max });

      const condition = typeof json.visibleIf === 'string' ? json.visibleIf.trim() : '';
      if (condition) {
        const { valid, variables } = inspectExpression(condition);
        if (!valid) add('badCondition', { condition });
        else if (variables.includes(name)) add('selfCondition');
        else
          for (const variable of variables.filter((v) => !known.has(v)))
            add('unknownInCondition', { other: variable });
      }
    }
  });
  return problems;
}
