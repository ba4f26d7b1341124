import type { ElementJson } from './definition-schema.js';
import {
  NONE_VALUE,
  OTHER_VALUE,
  choiceKey,
  type ChoiceValue,
  type QuestionDef,
  type SurveyModel,
} from './model.js';

/** What a question accepts, precomputed once per survey so 100k responses cost map lookups only. */
export interface QuestionRule {
  def: QuestionDef;
  /** Accepted values by string key (choices, plus other/none when enabled), mapped to the typed value. */
  accepted: Map<string, ChoiceValue>;
  /** Matrix rows by string key. */
  rows: Set<string>;
  allowsComment: boolean;
  valueTrue: unknown;
  valueFalse: unknown;
}

const rulesCache = new WeakMap<SurveyModel, Map<string, QuestionRule>>();

/** The rule of every question, by name, built on first use and kept as long as the survey model lives. */
export function rulesFor(survey: SurveyModel): Map<string, QuestionRule> {
  let rules = rulesCache.get(survey);
  if (rules) return rules;
  const elements = elementsByName(survey);
  rules = new Map();
  for (const def of survey.questions) {
    const element = elements.get(def.name);
    const accepted = new Map<string, ChoiceValue>();
    for (const choice of def.choices) accepted.set(choiceKey(choice.value), choice.value);
    if (def.kind === 'single' || def.kind === 'multiple') {
      if (def.hasOther) accepted.set(OTHER_VALUE, OTHER_VALUE);
      if (def.hasNone) accepted.set(NONE_VALUE, NONE_VALUE);
    }
    rules.set(def.name, {
      def,
      accepted,
      rows: new Set(def.rows.map((r) => choiceKey(r.value))),
      allowsComment: def.hasOther || Boolean(element?.showCommentArea ?? element?.hasComment),
      valueTrue: element?.valueTrue,
      valueFalse: element?.valueFalse,
    });
  }
  // Answers stored under a `valueName` are checked as their question's (and renamed, see validate.ts).
  for (const def of survey.questions)
    if (def.valueName && !rules.has(def.valueName)) rules.set(def.valueName, rules.get(def.name)!);
  rulesCache.set(survey, rules);
  return rules;
}

/** The raw element of each question: comment boxes and custom boolean values are not in QuestionDef. */
function elementsByName(survey: SurveyModel): Map<string, ElementJson> {
  const out = new Map<string, ElementJson>();
  const walk = (elements: ElementJson[] | undefined) => {
    for (const element of elements ?? []) {
      if (element.type === 'panel')
        walk(element.elements ?? (element.questions as ElementJson[] | undefined));
      else if (element.name) out.set(element.name, element);
    }
  };
  for (const page of survey.json.pages ?? []) walk(page.elements.length ? page.elements : page.questions);
  walk(survey.json.elements ?? survey.json.questions);
  return out;
}

/** The custom values a boolean question stores (SurveyJS `valueTrue`/`valueFalse`), when defined. */
export function booleanValues(
  survey: SurveyModel,
  question: string,
): { valueTrue: unknown; valueFalse: unknown } {
  const rule = rulesFor(survey).get(question);
  return { valueTrue: rule?.valueTrue, valueFalse: rule?.valueFalse };
}

/** True when `<question>-Comment` may hold text (an "other" item or a comment box). */
export function allowsComment(survey: SurveyModel, question: string): boolean {
  return rulesFor(survey).get(question)?.allowsComment ?? false;
}
