import type { LabelKey } from '../report/i18n.js';
import type {
  BaseMode,
  QuartileMethod,
  ReportLang,
  RowKind,
  StatsProfile,
  TermMode,
} from '../report/model.js';
import type { ResponseData } from '../survey/conditions.js';
import type { Choice, ChoiceValue, QuestionDef } from '../survey/model.js';
import type { QuestionResult } from '../report/model.js';
import type { NumericClass, RowOrder } from './config.js';

/** The breakdown every table is split by, resolved once for the whole report. */
export interface GroupingInfo {
  key: string;
  label: string;
  source: 'registry' | 'question';
  /** One entry per group slot 1..G (slot 0 is the whole table); the last is "not specified". */
  groups: { value: string | null; label: string }[];
  /** Slots to show, decided after the pass (an empty "not specified" group is dropped). */
  visible: number[];
}

/** Settings shared by every accumulator of one report. */
export interface ReportContext {
  lang: ReportLang;
  words: Record<LabelKey, string>;
  /** 1 + number of groups: counters hold one cell per slot (slot 0 = all responses). */
  slots: number;
  baseMode: BaseMode;
  quartiles: QuartileMethod;
  topTerms: number;
  grouping?: GroupingInfo;
  /** Statistical profile: "limesurvey" reproduces LimeSurvey 6's statistics (see profile.ts). */
  profile: StatsProfile;
  /** Term tables: grouped forms or the reference's raw counting. */
  terms: TermMode;
  /** count / base × 100 to 2 decimals, rounded the profile's way; null for a zero base. */
  percent: (count: number, base: number) => number | null;
}

/** Label of the row of responses that did not display the question, in the profile's words. */
export function notDisplayedLabel(ctx: ReportContext): string {
  return ctx.profile === 'limesurvey' ? ctx.words.notCompleted : ctx.words.notDisplayed;
}

/** Per-question settings after merging the configuration with the report defaults. */
export interface QuestionSettings {
  title: string;
  order: RowOrder;
  topTerms: number;
  classes?: NumericClass[];
}

export interface RowDef {
  value: ChoiceValue | null;
  label: string;
  rowKind: RowKind;
}

/**
 * One question's running totals. `add` is called for each response where the question is
 * displayed, `hide` where it is not; `slot` is the response's breakdown group (0 when none).
 */
export interface QuestionAccumulator {
  readonly question: QuestionDef;
  add(data: ResponseData, slot: number): void;
  hide(slot: number): void;
  finish(): QuestionResult;
}

/** Texts the survey model fills in the survey's own locale when the definition gives none. */
const BUILT_IN = {
  fr: { other: 'Autre', none: 'Aucun', yes: 'Oui', no: 'Non' },
  en: { other: 'Other', none: 'None', yes: 'Yes', no: 'No' },
} as const;
const BUILT_IN_KEYS = ['other', 'none', 'yes', 'no'] as const;

/** A built-in label ("Autre", "Aucun", "Oui", "Non") in the report language; other texts unchanged. */
export function builtInLabel(text: string, lang: ReportLang): string {
  for (const texts of Object.values(BUILT_IN)) {
    for (const key of BUILT_IN_KEYS) if (texts[key] === text) return BUILT_IN[lang][key];
  }
  return text;
}

/** The choice's translation in the report language, else its label (built-in words translated). */
export function choiceLabel(choice: Choice, lang: ReportLang): string {
  return choice.labels?.[lang] ?? builtInLabel(choice.label, lang);
}

export function isEmptyAnswer(value: unknown): boolean {
  return (
    value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

/** Maps raw answer values (and their string forms, as CSV imports give) to row indexes. */
export function valueIndex(question: QuestionDef, extra: [ChoiceValue, number][] = []): Map<unknown, number> {
  const map = new Map<unknown, number>();
  question.choices.forEach((choice, i) => {
    map.set(choice.value, i);
    map.set(String(choice.value), i);
  });
  for (const [value, index] of extra) {
    if (!map.has(value)) map.set(value, index);
  }
  return map;
}
