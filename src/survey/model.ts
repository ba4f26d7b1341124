import { fieldIssues, PanoramaError, wordFieldIssue, type FieldIssue } from '../contract/errors/index.js';
import { ConditionRunner } from 'survey-core';
import { localize } from './localized.js';
import { parseJsonText } from './json-position.js';
import { isReservedKey } from './reserved.js';
import { surveyJsonSchema, type ChoiceJson, type ElementJson, type SurveyJson } from './definition-schema.js';
import { legacyPages, ownConditions, triggerConditions } from './legacy.js';
import { generatedChoices, ratingScale, toChoices, toNumber } from './choice-lists.js';

/** What a question's answers look like, independent of how SurveyJS draws it. */
export type QuestionKind =
  | 'single' // radiogroup, dropdown: one choice value
  | 'multiple' // checkbox, tagbox: array of choice values
  | 'boolean' // true / false
  | 'number' // text with inputType number/range
  | 'date' // text with inputType date/datetime-local/month
  | 'text' // other single-line text
  | 'comment' // multi-line free text
  | 'rating' // one value of a numeric scale
  | 'matrix' // one column value per row
  | 'ranking' // array of choice values, in the respondent's order
  | 'composite' // matrixdropdown, matrixdynamic, multipletext, paneldynamic: nested answers
  | 'expression' // a value computed by the form (expression question)
  | 'file'; // file upload, signature: kept, counted, not analysed

export type ChoiceValue = string | number | boolean;

export interface Choice {
  value: ChoiceValue;
  /** Display text in the survey's own locale. */
  label: string;
  /** Every translation given in the definition (locale → text). */
  labels?: Record<string, string>;
}

export interface QuestionDef {
  name: string;
  kind: QuestionKind;
  /** The SurveyJS element type ("radiogroup", "checkbox", …). */
  sourceType: string;
  title: string;
  titles?: Record<string, string>;
  /** Page name and title, and the names of enclosing panels (outermost first). */
  page: string;
  pageTitle: string;
  panels: string[];
  /** All conditions that must hold for the question to be displayed: page, panels, then its own. */
  visibleIf: string[];
  required: boolean;
  inputType?: string;
  min?: number;
  max?: number;
  /** Choices for single, multiple, rating, boolean; columns for matrix. Never includes other/none. */
  choices: Choice[];
  /** Matrix rows (each row is answered with one of `choices`). */
  rows: Choice[];
  hasOther: boolean;
  otherText: string;
  hasNone: boolean;
  noneText: string;
  /** SurveyJS `valueName`: the key the answer is stored under, when not the name. */
  valueName?: string;
  /** Choices loaded at run time (choicesByUrl, choicesFromQuestion, lazy loading): any value is accepted. */
  openChoices?: boolean;
}

export interface PageDef {
  name: string;
  title: string;
  questions: string[];
}

export interface SurveyModel {
  title: string;
  description: string;
  locale: string;
  pages: PageDef[];
  questions: QuestionDef[];
  byName: ReadonlyMap<string, QuestionDef>;
  /** The definition as given, for the form library. */
  json: SurveyJson;
}

export interface DefinitionProblem {
  /** Question (or page/panel) name, when the problem belongs to one. */
  question?: string;
  /** JSON path to the offending element, e.g. pages[1].elements[3]. */
  path: string;
  /** English text; `code` + `params` (or `issue`) word it in the user's language at the edge. */
  message: string;
  /** Error code (src/contract/errors) for problems the edges word in the user's language. */
  code?: 'reserved_question_name';
  params?: Record<string, unknown>;
  /** A problem of the definition's shape, as data (src/contract/errors/zod.ts). */
  issue?: FieldIssue;
}

/** A survey definition that cannot be used: every problem, worded at the edge (`survey_definition_invalid`). */
export class SurveyDefinitionError extends PanoramaError<'survey_definition_invalid'> {
  constructor(
    readonly source: string,
    readonly problems: DefinitionProblem[],
  ) {
    super('survey_definition_invalid', { source, problems });
    // `message` stays English for logs and programmatic callers; users get messageIn(lang).
    this.message = this.messageIn('en');
    this.name = 'SurveyDefinitionError';
  }
}

export const OTHER_VALUE = 'other';
export const NONE_VALUE = 'none';
export const COMMENT_SUFFIX = '-Comment';

const CHOICE_TYPES: Record<string, QuestionKind> = {
  radiogroup: 'single',
  dropdown: 'single',
  buttongroup: 'single',
  checkbox: 'multiple',
  tagbox: 'multiple',
};
const COMPOSITE_TYPES = new Set(['matrixdropdown', 'matrixdynamic', 'multipletext', 'paneldynamic']);
const FILE_TYPES = new Set(['file', 'signaturepad']);
/** Where survey-core finds choices at run time instead of in the definition. */
const RUNTIME_CHOICES = ['choicesByUrl', 'choicesFromQuestion', 'choicesLazyLoadEnabled'];
/** Elements that carry no answer and are skipped. */
const DISPLAY_ONLY = new Set(['html', 'image', 'empty']);
const NUMBER_INPUTS = new Set(['number', 'range']);
const DATE_INPUTS = new Set(['date', 'datetime-local', 'datetime', 'month', 'week', 'time']);

const DEFAULT_TEXTS: Record<string, { other: string; none: string; yes: string; no: string }> = {
  fr: { other: 'Autre', none: 'Aucun', yes: 'Oui', no: 'Non' },
  en: { other: 'Other', none: 'None', yes: 'Yes', no: 'No' },
};

/** Reads and checks a SurveyJS definition given as JSON text; `source` names it in messages. */
export function loadSurveyDefinition(text: string, source = 'survey.json'): SurveyModel {
  return buildSurveyModel(parseJsonText(text, source), source);
}

export function buildSurveyModel(input: unknown, source = 'survey.json'): SurveyModel {
  const parsed = surveyJsonSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) {
    throw new SurveyDefinitionError(
      source,
      parsed.error.issues.map((zodIssue) => {
        const issue = fieldIssues([zodIssue])[0]!;
        // Never zod's text: our own English words (and the issue, for other languages).
        return {
          path: formatPath(zodIssue.path),
          question: questionNameAt(input, zodIssue.path),
          message: wordFieldIssue({ ...issue, field: '' }, 'en'),
          issue: { ...issue, field: '' },
        };
      }),
    );
  }
  const json = parsed.data;
  const locale = json.locale ?? 'fr';
  const texts = DEFAULT_TEXTS[locale] ?? DEFAULT_TEXTS.fr!;
  const problems: DefinitionProblem[] = [];
  const questions: QuestionDef[] = [];
  const pages: PageDef[] = [];
  const rawPages = legacyPages(json);
  const triggered = triggerConditions(json);
  if (rawPages.length === 0)
    problems.push({ path: 'pages', message: 'the survey has no page and no element' });

  rawPages.forEach((page, pageIndex) => {
    const pageName = page.name ?? `page${pageIndex + 1}`;
    const pageTitle = localize(page.title, locale) ?? pageName;
    const pageDef: PageDef = { name: pageName, title: pageTitle, questions: [] };
    pages.push(pageDef);
    const walk = (elements: ElementJson[], path: string, panels: string[], conditions: string[]) => {
      elements.forEach((element, i) => {
        const elementPath = `${path}.elements[${i}]`;
        const own = [...conditions, ...ownConditions(element, triggered)];
        if (element.type === 'panel') {
          walk(
            element.elements ?? (element.questions as ElementJson[] | undefined) ?? [],
            elementPath,
            [...panels, element.name],
            own,
          );
          return;
        }
        if (DISPLAY_ONLY.has(element.type)) return;
        if (!element.name) {
          problems.push({ path: `${elementPath}.name`, message: 'every question needs a "name"' });
          return;
        }
        const question = toQuestion(element, elementPath, texts, locale, problems);
        if (!question) return;
        Object.assign(question, { page: pageName, pageTitle, panels, visibleIf: own });
        questions.push(question);
        pageDef.questions.push(question.name);
      });
    };
    walk(
      page.elements.length ? page.elements : (page.questions ?? []),
      `pages[${pageIndex}]`,
      [],
      page.visibleIf ? [page.visibleIf] : [],
    );
  });

  const byName = new Map<string, QuestionDef>();
  for (const q of [...questions]) {
    const first = byName.get(q.name);
    if (first && first.sourceType === q.sourceType) {
      // survey-core lets questions of one type share a name (they share one answer): one table.
      questions.splice(questions.indexOf(q), 1);
      const page = pages.find((p) => p.name === q.page);
      if (page) page.questions = page.questions.filter((n, i, all) => all.indexOf(n) === i);
      continue;
    }
    if (first) {
      problems.push({ question: q.name, path: q.page, message: 'this name is used by two questions' });
    }
    byName.set(q.name, q);
  }
  checkConditions(questions, byName, json, problems);
  if (problems.length > 0) throw new SurveyDefinitionError(source, problems);

  return {
    title: localize(json.title, locale) ?? '',
    description: localize(json.description, locale) ?? '',
    locale,
    pages,
    questions,
    byName,
    json,
  };
}

function toQuestion(
  element: ElementJson,
  path: string,
  texts: (typeof DEFAULT_TEXTS)[string],
  locale: string,
  problems: DefinitionProblem[],
): QuestionDef | undefined {
  const name = element.name ?? '';
  const problem = (message: string) => problems.push({ question: name, path, message });
  if (isReservedKey(name)) {
    problems.push({
      question: element.name,
      path,
      code: 'reserved_question_name',
      params: { name: element.name, path },
      message: `the name "${element.name}" is reserved (it would break how answers are stored): rename the question`,
    });
    return undefined;
  }
  const kind = kindOf(element);
  if (!kind) {
    problem(`the question type "${element.type}" is not supported`);
    return undefined;
  }
  const base: QuestionDef = {
    name,
    kind,
    sourceType: element.type,
    title: localize(element.title, locale) ?? element.name,
    titles: typeof element.title === 'object' ? element.title : undefined,
    page: '',
    pageTitle: '',
    panels: [],
    visibleIf: [],
    required: element.isRequired ?? false,
    ...(typeof element.valueName === 'string' && element.valueName !== name
      ? { valueName: element.valueName }
      : {}),
    inputType: element.inputType,
    min: toNumber(element.min),
    max: toNumber(element.max),
    choices: [],
    rows: [],
    hasOther: flag(element.showOtherItem ?? element.hasOther),
    otherText: localize(element.otherText, locale) ?? texts.other,
    hasNone: flag(element.showNoneItem ?? element.hasNone),
    noneText: localize(element.noneText, locale) ?? texts.none,
  };
  if (kind === 'single' || kind === 'multiple' || kind === 'ranking') {
    base.openChoices = RUNTIME_CHOICES.some((key) => Boolean(element[key]));
    if (!base.openChoices && !element.choices?.length && element.choicesMax === undefined)
      problem('a choice question needs "choices"');
    base.choices = toChoices(element.choices ?? generatedChoices(element), locale);
  } else if (kind === 'boolean') {
    base.choices = [
      { value: true, label: localize(element.labelTrue, locale) ?? texts.yes },
      { value: false, label: localize(element.labelFalse, locale) ?? texts.no },
    ];
  } else if (kind === 'rating') {
    base.choices = element.rateValues?.length ? toChoices(element.rateValues, locale) : ratingScale(element);
  } else if (kind === 'matrix') {
    if (!element.rows?.length) problem('a matrix needs "rows"');
    if (!element.columns?.length) problem('a matrix needs "columns"');
    base.rows = toChoices(element.rows ?? [], locale);
    base.choices = toChoices((element.columns ?? []) as ChoiceJson[], locale);
    // Rows are keys of the matrix answer object, like question names.
    for (const row of base.rows.filter((r) => isReservedKey(String(r.value))))
      problem(
        `the row value "${String(row.value)}" is reserved (it would break how answers are stored): rename it`,
      );
  }
  const seen = new Set<string>();
  for (const choice of [...base.choices, ...base.rows]) {
    const key = String(choice.value);
    if (seen.has(key) && kind !== 'matrix') problem(`the choice value "${key}" appears twice`);
    seen.add(key);
  }
  if (base.hasOther && seen.has(OTHER_VALUE)) problem(`a choice uses the reserved value "${OTHER_VALUE}"`);
  if (base.min !== undefined && base.max !== undefined && base.min > base.max) {
    problem(`"min" (${base.min}) is greater than "max" (${base.max})`);
  }
  return base;
}

function kindOf(element: ElementJson): QuestionKind | undefined {
  if (CHOICE_TYPES[element.type]) return CHOICE_TYPES[element.type];
  if (COMPOSITE_TYPES.has(element.type)) return 'composite';
  if (FILE_TYPES.has(element.type)) return 'file';
  switch (element.type) {
    case 'imagepicker':
      return flag(element.multiSelect) ? 'multiple' : 'single';
    case 'ranking':
      return 'ranking';
    case 'slider':
      return element.sliderType === 'range' ? 'composite' : 'number';
    case 'expression':
      return 'expression';
    case 'boolean':
      return 'boolean';
    case 'comment':
      return 'comment';
    case 'rating':
      return 'rating';
    case 'matrix':
      return 'matrix';
    case 'text': {
      const input = element.inputType ?? 'text';
      if (NUMBER_INPUTS.has(input)) return 'number';
      if (DATE_INPUTS.has(input)) return 'date';
      return 'text';
    }
    default:
      return undefined;
  }
}

function flag(value: unknown): boolean {
  return value === true || value === 'true';
}

function checkConditions(
  questions: QuestionDef[],
  byName: Map<string, QuestionDef>,
  json: SurveyJson,
  problems: DefinitionProblem[],
) {
  const known = new Set(byName.keys());
  for (const extra of ['calculatedValues', 'variables']) {
    const list = (json as Record<string, unknown>)[extra];
    if (Array.isArray(list)) for (const v of list) if (v && typeof v.name === 'string') known.add(v.name);
  }
  const checked = new Set<string>();
  for (const q of questions) {
    for (const condition of q.visibleIf) {
      const key = `${q.name}\u0000${condition}`;
      if (checked.has(key)) continue;
      checked.add(key);
      const runner = new ConditionRunner(condition);
      if (!runner.canRun()) {
        problems.push({
          question: q.name,
          path: 'visibleIf',
          message: `the condition "${condition}" cannot be parsed`,
        });
        continue;
      }
      for (const variable of runner.getVariables()) {
        const root = variable.replace(/-Comment$/, '').split(/[.[]/)[0]!;
        if (!known.has(root)) {
          problems.push({
            question: q.name,
            path: 'visibleIf',
            message: `the condition "${condition}" refers to {${variable}}, which is not a question of this survey`,
          });
        }
      }
    }
  }
}

function formatPath(path: PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
    '',
  );
}

/** Finds the nearest enclosing element name along a zod issue path, to name the question in errors. */
function questionNameAt(input: unknown, path: PropertyKey[]): string | undefined {
  let node: unknown = input;
  let name: string | undefined;
  for (const key of path) {
    if (node === null || typeof node !== 'object') break;
    node = (node as Record<PropertyKey, unknown>)[key as string];
    if (node && typeof node === 'object' && typeof (node as { name?: unknown }).name === 'string') {
      name = (node as { name: string }).name;
    }
  }
  return name;
}

/** The key under which SurveyJS stores an "other" answer's free text. */
export function commentKey(questionName: string): string {
  return questionName + COMMENT_SUFFIX;
}

/** Canonical string key for a choice value (answers are matched by value, never by label). */
export function choiceKey(value: ChoiceValue): string {
  return String(value);
}
