import { ConditionRunner } from 'survey-core';
import type { ElementJson, SurveyJson } from '../survey/definition-schema.js';
import type { IssueList } from './issues.js';

/**
 * Removes, reporting each, the conditions and expression validators that name a question the
 * conversion left out (a photo, a calculation…): SurveyJS would read them as always empty.
 */
export function dropDanglingReferences(survey: SurveyJson, issues: IssueList): void {
  const known = new Set<string>();
  const all: ElementJson[] = [];
  const walk = (elements: ElementJson[]) => {
    for (const element of elements) {
      all.push(element);
      known.add(element.name);
      if (element.elements) walk(element.elements);
    }
  };
  for (const page of survey.pages ?? []) walk(page.elements);
  const missing = (expression: string) =>
    new ConditionRunner(expression)
      .getVariables()
      .map((v) => v.replace(/-Comment$/, '').split(/[.[]/)[0]!)
      .find((v) => !known.has(v));
  const holders = [...(survey.pages ?? []), ...all] as ElementJson[];
  for (const element of holders) {
    if (typeof element.visibleIf === 'string') {
      const name = missing(element.visibleIf);
      if (name) {
        issues.add({
          code: 'condition_not_converted',
          question: element.name,
          feature: `condition on "${name}", which is not imported`,
          detail: element.visibleIf,
        });
        delete element.visibleIf;
      }
    }
    if (Array.isArray(element.validators)) {
      element.validators = (element.validators as { type?: string; expression?: string }[]).filter((v) => {
        const name = v.type === 'expression' && v.expression ? missing(v.expression) : undefined;
        if (name) {
          issues.add({
            code: 'validator_not_converted',
            question: element.name,
            feature: `rule on "${name}", which is not imported`,
            detail: v.expression,
          });
        }
        return !name;
      });
    }
  }
}
