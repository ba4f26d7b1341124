import type { ElementJson, PageJson, SurveyJson } from './definition-schema.js';

/*
 * The older SurveyJS formats survey-core still reads: root-level question lists, pages with
 * `questions`, and "visible" triggers instead of visibleIf.
 */

/** Pages from every format survey-core reads: pages (with `elements` or legacy `questions`), or root lists. */
export function legacyPages(json: SurveyJson): PageJson[] {
  if (json.pages) return json.pages;
  const elements = json.elements ?? json.questions;
  return elements ? [{ name: 'page1', elements }] : [];
}

const TRIGGER_OPERATORS: Record<string, string> = {
  equal: '=',
  notequal: '<>',
  greater: '>',
  less: '<',
  greaterorequal: '>=',
  lessorequal: '<=',
  contains: 'contains',
  notcontains: 'notcontains',
  anyof: 'anyof',
  allof: 'allof',
};

/**
 * Legacy "visible" triggers (question name, operator, value → questions): survey-core shows the
 * target questions while the condition holds and hides them otherwise, i.e. a visibleIf.
 */
export function triggerConditions(json: SurveyJson): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const triggers = (json as Record<string, unknown>).triggers;
  if (!Array.isArray(triggers)) return out;
  for (const t of triggers as Record<string, unknown>[]) {
    if (t?.type !== 'visible' || !Array.isArray(t.questions)) continue;
    let condition: string | undefined;
    if (typeof t.expression === 'string') condition = t.expression;
    else if (typeof t.name === 'string') {
      const op = String(t.operator ?? 'equal');
      if (op === 'empty' || op === 'notempty') condition = `{${t.name}} ${op}`;
      else if (TRIGGER_OPERATORS[op])
        condition = `{${t.name}} ${TRIGGER_OPERATORS[op]} ${JSON.stringify(t.value)}`;
    }
    if (!condition) continue;
    for (const q of t.questions) if (typeof q === 'string') out.set(q, [...(out.get(q) ?? []), condition]);
  }
  return out;
}

/** The element's own display condition: `visible: false` hides it unless a trigger shows it. */
export function ownConditions(element: ElementJson, triggered: Map<string, string[]>): string[] {
  const hidden = element.visible === false || element.visible === 'false';
  const triggers = element.name ? triggered.get(element.name) : undefined;
  const out: string[] = [];
  // survey-core runs triggers on value changes only, so the final data cannot always replay them:
  // an answer to the target is proof that it was shown.
  if (hidden)
    out.push(
      triggers ? [...triggers.map((c) => `(${c})`), `{${element.name}} notempty`].join(' or ') : 'false',
    );
  if (element.visibleIf) out.push(element.visibleIf);
  return out;
}
