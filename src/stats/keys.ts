import { PanoramaError, type ErrorCode, type ErrorParamsOf } from '../contract/errors/index.js';
import type { LabelKey } from '../report/i18n.js';
import type { ReportFilter, ReportLang } from '../report/model.js';
import type { ResponseData } from '../survey/conditions.js';
import {
  NONE_VALUE,
  OTHER_VALUE,
  type ChoiceValue,
  type QuestionDef,
  type SurveyModel,
} from '../survey/model.js';
import type { Registry } from '../survey/records.js';
import { builtInLabel, choiceLabel, type GroupingInfo } from './context.js';
import { toNumber } from './numeric.js';

type OptionCode = Extract<ErrorCode, `report_${'key' | 'filter' | 'breakdown' | 'group'}_${string}`>;

/**
 * A filter or breakdown key that names nothing known, or a value no structure/choice has: a
 * catalogue code and its parameters, worded at the edge (API, command line) in the user's language.
 */
export class ReportOptionsError<C extends OptionCode = OptionCode> extends PanoramaError<C> {
  constructor(code: C, params: ErrorParamsOf<C>) {
    super(code, ...([params] as never as []));
    this.name = 'ReportOptionsError';
  }
}

/** Registry rows indexed by id, so each response resolves its structure once. */
export interface RegistryIndex {
  registry?: Registry;
  byId: Map<string, number>;
}

export function indexRegistry(registry: Registry | undefined): RegistryIndex {
  const byId = new Map<string, number>();
  registry?.structures.forEach((s, i) => byId.set(s.id, i));
  return { registry, byId };
}

export interface CompiledFilter {
  spec: ReportFilter;
  /** Registry filter: which structures pass (anonymous responses never do). */
  structures?: Uint8Array;
  /** Question filter. */
  matches?: (data: ResponseData) => boolean;
  /**
   * The filtered question: a response where it was hidden never matches, whatever stale value
   * its data holds, so the filter keeps exactly the responses the question's own table counts.
   */
  question?: QuestionDef;
}

function availableKeys(survey: SurveyModel, registry: Registry | undefined) {
  return { attributes: registry?.attributes ?? [], questions: survey.questions.map((q) => q.name) };
}

const same = (a: string, b: string) => a.trim().toLocaleLowerCase('fr') === b.trim().toLocaleLowerCase('fr');

/** Resolves `key` as a registry attribute first, else as a question; unknown keys are an error. */
export function compileFilter(
  filter: { key: string; value: string },
  survey: SurveyModel,
  index: RegistryIndex,
): CompiledFilter {
  const { key, value } = filter;
  const registry = index.registry;
  if (registry?.attributes.includes(key)) {
    const structures = Uint8Array.from(registry.structures, (s) =>
      same(s.attributes[key] ?? '', value) ? 1 : 0,
    );
    if (!structures.includes(1)) {
      const known = [...new Set(registry.structures.map((s) => s.attributes[key] ?? ''))]
        .filter(Boolean)
        .sort();
      throw new ReportOptionsError('report_filter_no_structure', { key, value, known });
    }
    return { spec: { key, value, source: 'registry' }, structures };
  }
  const question = survey.byName.get(key);
  if (!question) {
    throw new ReportOptionsError('report_key_unknown', {
      usage: 'filter',
      key,
      value,
      ...availableKeys(survey, registry),
    });
  }
  return { spec: { key, value, source: 'question' }, matches: questionMatcher(question, value), question };
}

function choiceValues(question: QuestionDef): ChoiceValue[] {
  const values: ChoiceValue[] = question.choices.map((c) => c.value);
  if (question.hasOther) values.push(OTHER_VALUE);
  if (question.hasNone) values.push(NONE_VALUE);
  return values;
}

function questionMatcher(question: QuestionDef, wanted: string): (data: ResponseData) => boolean {
  const name = question.name;
  switch (question.kind) {
    case 'single':
    case 'boolean':
    case 'rating':
    case 'multiple': {
      const choice = choiceValues(question).find((v) => same(String(v), wanted));
      if (choice === undefined) {
        throw new ReportOptionsError('report_filter_not_choice', {
          question: name,
          value: wanted,
          choices: choiceValues(question).map(String),
        });
      }
      const text = String(choice);
      const equal = (v: unknown) => v === choice || String(v) === text;
      return question.kind === 'multiple'
        ? (data) => Array.isArray(data[name]) && (data[name] as unknown[]).some(equal)
        : (data) => data[name] !== undefined && data[name] !== null && equal(data[name]);
    }
    case 'number': {
      const target = toNumber(wanted);
      if (Number.isNaN(target)) {
        throw new ReportOptionsError('report_filter_not_number', { question: name, value: wanted });
      }
      return (data) => toNumber(data[name]) === target;
    }
    case 'matrix':
      throw new ReportOptionsError('report_filter_matrix', { question: name, value: wanted });
    default:
      return (data) => typeof data[name] === 'string' && same(data[name], wanted);
  }
}

export interface CompiledGrouping {
  info: GroupingInfo;
  /** Breakdown slot (1..G) of a response. */
  slotOf(data: ResponseData, structure: number): number;
  /** Breakdown by a question: responses where it was hidden go to "not specified" (`hiddenSlot`). */
  question?: QuestionDef;
  hiddenSlot?: number;
}

/** Resolves `by` as a registry attribute first, else a single-choice/boolean/rating question. */
export function compileGrouping(
  key: string,
  survey: SurveyModel,
  index: RegistryIndex,
  words: Record<LabelKey, string>,
  lang: ReportLang,
): CompiledGrouping {
  const registry = index.registry;
  const notSpecified = { value: null, label: words.notSpecified };
  if (registry?.attributes.includes(key)) {
    const values = [
      ...new Set(registry.structures.map((s) => s.attributes[key] ?? '').filter((v) => v !== '')),
    ].sort((a, b) => a.localeCompare(b, 'fr', { numeric: true }));
    const slotByValue = new Map(values.map((v, i) => [v, i + 1]));
    const missing = values.length + 1;
    const slotOfStructure = Int32Array.from(
      registry.structures,
      (s) => slotByValue.get(s.attributes[key] ?? '') ?? missing,
    );
    return {
      info: {
        key,
        label: key,
        source: 'registry',
        groups: [...values.map((v) => ({ value: v, label: v })), notSpecified],
        visible: [],
      },
      slotOf: (_data, structure) => (structure < 0 ? missing : slotOfStructure[structure]!),
    };
  }
  const question = survey.byName.get(key);
  if (!question) {
    throw new ReportOptionsError('report_key_unknown', {
      usage: 'breakdown',
      key,
      ...availableKeys(survey, registry),
    });
  }
  if (question.kind !== 'single' && question.kind !== 'boolean' && question.kind !== 'rating') {
    throw new ReportOptionsError('report_breakdown_kind', { question: key, kind: question.kind });
  }
  const groups: { value: string | null; label: string }[] = question.choices.map((c) => ({
    value: String(c.value),
    label: choiceLabel(c, lang),
  }));
  if (question.hasOther) groups.push({ value: OTHER_VALUE, label: builtInLabel(question.otherText, lang) });
  if (question.hasNone) groups.push({ value: NONE_VALUE, label: builtInLabel(question.noneText, lang) });
  const slotByValue = new Map<unknown, number>();
  choiceValues(question).forEach((v, i) => {
    slotByValue.set(v, i + 1);
    slotByValue.set(String(v), i + 1);
  });
  const missing = groups.length + 1;
  groups.push(notSpecified);
  return {
    info: { key, label: question.title, source: 'question', groups, visible: [] },
    slotOf: (data) => slotByValue.get(data[key]) ?? missing,
    question,
    hiddenSlot: missing,
  };
}
