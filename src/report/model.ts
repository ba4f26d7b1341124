import type { ChoiceValue, QuestionKind } from '../survey/model.js';

/**
 * The report model: everything a renderer needs, nothing it has to compute. Built by the pure
 * statistics engine (`src/stats`), rendered by `src/report/render/*`. Labels are already in the
 * report language; numbers are raw (renderers format them). Its JSON form is documented in
 * docs/report-json.md and is a stable contract: add fields, never rename or remove them.
 */
export interface ReportModel {
  schemaVersion: 1;
  lang: ReportLang;
  title: string;
  description: string;
  /** ISO 8601 date-time the report was produced; renderers print it on the title page (today when absent). */
  generatedAt?: string;
  method: ReportMethod;
  participation: Participation;
  /** Survey pages in order, each listing the names of its questions present in `questions`. */
  sections: ReportSection[];
  questions: QuestionResult[];
}

export type ReportLang = 'fr' | 'en';
export type QuartileMethod = 'minitab' | 'excel';
/**
 * "displayed": base = responses for which the question was displayed (Panorama's default);
 * "all": every response, hidden ones in a "not displayed" row (LimeSurvey's default).
 */
export type BaseMode = 'displayed' | 'all';
/**
 * The statistical methods as a whole: "panorama" (documented in docs/report-json.md: sample SD,
 * chosen quartile method and base) or "limesurvey" (LimeSurvey 6's statistics, point for point).
 */
export type StatsProfile = 'panorama' | 'limesurvey';
/** Term tables: "grouped" (case, plural and elision grouping) or "raw" (every written form apart). */
export type TermMode = 'grouped' | 'raw';

export interface ReportMethod {
  /** Statistical profile the tables follow (absent in models written before profiles: "panorama"). */
  profile?: StatsProfile;
  /** How the free-text term tables count (absent in older models: "grouped"). */
  terms?: TermMode;
  /** Responses without `submittedAt`, dated by the engine's default (see notes). */
  undated?: number;
  quartiles: QuartileMethod;
  base: BaseMode;
  filters: ReportFilter[];
  /** Breakdown applied to every table, when one was asked for. */
  by?: { key: string; label: string };
  /** Human-readable footnotes, in the report language (quartile method, base rule, filters). */
  notes: string[];
}

export interface ReportFilter {
  key: string;
  value: string;
  /** Where `key` was found: a registry attribute or a question. */
  source: 'registry' | 'question';
}

export interface Participation {
  /** Number of structures targeted (registry rows after filters); null without a registry. */
  population: number | null;
  responses: number;
  /** Responses linked to a structure of the registry. */
  linked: number;
  /** Responses without a known structure. */
  anonymous: number;
  /** responses / population × 100, 2 decimals; null without a population. */
  rate: number | null;
  /** Registry attribute the groups are taken from (e.g. "territoire"). */
  groupBy?: string;
  byGroup: ParticipationGroup[];
}

export interface ParticipationGroup {
  group: string;
  population: number;
  responses: number;
  rate: number | null;
}

export interface ReportSection {
  name: string;
  title: string;
  questions: string[];
}

export type ResultKind = 'choice' | 'numeric' | 'classes' | 'text' | 'matrix';

export interface QuestionResult {
  name: string;
  /** Question kind from the survey model ("single", "multiple", "number", "comment", …). */
  type: QuestionKind;
  /** How the result is presented. */
  kind: ResultKind;
  title: string;
  page: string;
  /** Number of responses the percentages are computed over. */
  base: number;
  /** Number of responses with a non-empty answer. */
  answered: number;
  /** Choice and class tables. The "Sans réponse" row has value null. */
  rows?: FrequencyRow[];
  /** Multiple choice: rows may sum past 100 %. */
  multiple?: boolean;
  /** Free texts given with "Autre". */
  otherTexts?: string[];
  /** The same "Autre" texts grouped: each distinct text once with how many gave it, most frequent first. */
  otherCounts?: OtherTextCount[];
  /** Numeric summary (number questions, also given for class tables). */
  stats?: NumericStats;
  /** "year": the values are calendar years (bounds like 1900–2026), printed without grouping. */
  valueFormat?: 'year';
  /** Free-text analysis. */
  terms?: TermCount[];
  segments?: SegmentCount[];
  verbatims?: string[];
  /** Matrix: one line per row, one cell per column. */
  matrix?: MatrixRow[];
  breakdown?: Breakdown;
  notes?: string[];
}

/** "answer": a text question's "Réponse" row (non-empty answers), profile "limesurvey". */
export type RowKind = 'choice' | 'other' | 'none' | 'no-answer' | 'not-displayed' | 'class' | 'answer';

export interface FrequencyRow {
  value: ChoiceValue | null;
  label: string;
  count: number;
  /** count / base × 100 rounded to 2 decimals; null when the base is 0. */
  percent: number | null;
  rowKind: RowKind;
  /**
   * Profile "limesurvey", 5-point scales and arrays: count / answered responses × 100 (the
   * "Only answered" percentage LimeSurvey shows beside the main one).
   */
  answeredPercent?: number | null;
}

export interface OtherTextCount {
  text: string;
  count: number;
}

export interface NumericStats {
  count: number;
  sum: number | null;
  mean: number | null;
  sd: number | null;
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
}

export interface TermCount {
  term: string;
  count: number;
}

export interface SegmentCount {
  segment: string;
  count: number;
}

export interface MatrixRow {
  value: ChoiceValue;
  label: string;
  base: number;
  cells: FrequencyRow[];
}

/** A table split by a registry attribute or another question: counts and column percentages. */
export interface Breakdown {
  key: string;
  label: string;
  source: 'registry' | 'question';
  groups: BreakdownGroup[];
  /** Choice/class tables: one line per row of the main table. */
  rows?: BreakdownRow[];
  /** Numeric questions: one summary per group. */
  stats?: NumericStats[];
}

export interface BreakdownGroup {
  value: string | null;
  label: string;
  base: number;
}

export interface BreakdownRow {
  value: ChoiceValue | null;
  label: string;
  counts: number[];
  /** Column percentages (count / group base × 100, 2 decimals). */
  percents: (number | null)[];
}
