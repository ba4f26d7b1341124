import { labels } from '../report/i18n.js';
import type {
  BaseMode,
  QuartileMethod,
  ReportLang,
  ReportModel,
  StatsProfile,
  TermMode,
} from '../report/model.js';
import { ConditionEvaluator } from '../survey/conditions.js';
import { commentKey, type QuestionDef, type SurveyModel } from '../survey/model.js';
import type { Registry, ResponseRecord } from '../survey/records.js';
import { MultipleChoiceAccumulator, SingleChoiceAccumulator } from './choice.js';
import { checkConfigAgainstSurvey, type ReportConfig } from './config.js';
import type { QuestionAccumulator, QuestionSettings, ReportContext } from './context.js';
import {
  compileFilter,
  compileGrouping,
  indexRegistry,
  type CompiledFilter,
  type CompiledGrouping,
  type RegistryIndex,
} from './keys.js';
import { NumericAccumulator } from './numeric.js';
import { defaultGroupBy, ParticipationCounter } from './participation.js';
import { percentFor } from './profile.js';
import { MatrixAccumulator, TextAccumulator } from './text.js';
import { AnswerCountAccumulator, RankingAccumulator } from './structured.js';

export interface ReportOptions {
  lang?: ReportLang;
  registry?: Registry;
  config?: ReportConfig;
  /** Names the configuration file in error messages. */
  configSource?: string;
  /** Keep responses matching every filter: a registry attribute first, else a question. */
  filters?: { key: string; value: string }[];
  /** Split every table by a registry attribute or a single-choice question. */
  by?: string;
  quartiles?: QuartileMethod;
  base?: BaseMode;
  /**
   * Statistical profile (default: the configuration's, else "panorama"). "limesurvey" fixes the
   * base to "all" and the quartiles to "minitab", as LimeSurvey 6 computes them.
   */
  profile?: StatsProfile;
  /** Term tables (default: the configuration's, else "grouped"). */
  terms?: TermMode;
  /**
   * ISO date-time given to responses without `submittedAt` (default: `generatedAt`, else the
   * report's own time is not known and the note says "the report date"). Counted and noted.
   */
  undatedDefault?: string;
}

const DEFAULT_TOP_TERMS = 20;

/**
 * Computes the whole report in one pass over the responses (which may be a lazy iterable of a
 * million records): each question feeds a typed-array accumulator, nothing per answer is kept
 * except numbers (Float64Array) and free texts. Pure: no I/O.
 */
/**
 * Throws the ReportOptionsError / ReportConfigError the options would raise, without reading any
 * response: lets a caller refuse a bad filter or breakdown before handing the work to a worker.
 */
export function checkReportOptions(survey: SurveyModel, options: ReportOptions = {}): void {
  new ReportBuilder(survey, options);
}

export function buildReport(
  survey: SurveyModel,
  responses: Iterable<ResponseRecord>,
  options: ReportOptions = {},
): ReportModel {
  const builder = new ReportBuilder(survey, options);
  for (const response of responses) builder.add(response);
  return builder.finish();
}

/**
 * The same computation fed one response at a time, for streamed inputs (e.g. a JSONL file read
 * line by line): `add` every response, then `finish` once.
 */
export class ReportBuilder {
  private readonly config: ReportConfig;
  private readonly ctx: ReportContext;
  private readonly index: RegistryIndex;
  private readonly filters: CompiledFilter[];
  private readonly grouping?: CompiledGrouping;
  private readonly accumulators: QuestionAccumulator[];
  /**
   * The accumulators again, split by class so that each loop of `add` calls one class only
   * (monomorphic, inlined calls), each with the ids of the distinct conditions guarding its
   * question (page, panels, own).
   */
  private readonly singles: Fed<SingleChoiceAccumulator>;
  private readonly multiples: Fed<MultipleChoiceAccumulator>;
  private readonly numerics: Fed<NumericAccumulator>;
  private readonly others: Fed<QuestionAccumulator>;
  private readonly conditions: string[];
  /** Per response: −1 not evaluated yet, 0 false, 1 true — questions of a panel share one evaluation. */
  private readonly conditionState: Int8Array;
  private readonly evaluator: ConditionEvaluator;
  private readonly participation: ParticipationCounter;
  private readonly groupSizes: Int32Array;
  /** Conditions guarding each filter's question (empty for registry filters). */
  private readonly filterGuards: Int32Array[];
  private readonly groupingGuard: Int32Array;
  private readonly undatedDefault?: string;
  private undated = 0;

  constructor(
    private readonly survey: SurveyModel,
    options: ReportOptions = {},
  ) {
    const config = (this.config = options.config ?? {});
    checkConfigAgainstSurvey(config, survey, options.configSource);
    const lang: ReportLang = options.lang ?? config.lang ?? (survey.locale === 'en' ? 'en' : 'fr');
    const words = labels(lang);
    const index = (this.index = indexRegistry(options.registry));
    this.filters = (options.filters ?? []).map((f) => compileFilter(f, survey, index));
    this.grouping = options.by ? compileGrouping(options.by, survey, index, words, lang) : undefined;
    const profile = options.profile ?? config.profile ?? 'panorama';
    const limesurvey = profile === 'limesurvey';
    this.ctx = {
      lang,
      words,
      slots: this.grouping ? this.grouping.info.groups.length + 1 : 1,
      baseMode: limesurvey ? 'all' : (options.base ?? config.base ?? 'displayed'),
      quartiles: limesurvey ? 'minitab' : (options.quartiles ?? config.quartiles ?? 'minitab'),
      topTerms: config.topTerms ?? DEFAULT_TOP_TERMS,
      grouping: this.grouping?.info,
      profile,
      terms: options.terms ?? config.terms ?? 'grouped',
      percent: percentFor(profile),
    };
    this.undatedDefault = options.undatedDefault;
    const excluded = new Set(config.exclude ?? []);
    this.accumulators = survey.questions
      .filter((q) => !excluded.has(q.name))
      .map((q) => makeAccumulator(q, this.ctx, settingsFor(q, config, this.ctx)));
    const conditionIds = new Map<string, number>();
    const guardOf = (a: { question: QuestionDef }) =>
      Int32Array.from(a.question.visibleIf, (condition) => {
        let id = conditionIds.get(condition);
        if (id === undefined) conditionIds.set(condition, (id = conditionIds.size));
        return id;
      });
    const feed = <A extends QuestionAccumulator>(list: A[]): Fed<A> => ({ list, guards: list.map(guardOf) });
    this.filterGuards = this.filters.map((f) => (f.question ? guardOf({ question: f.question }) : NO_GUARD));
    this.groupingGuard = this.grouping?.question ? guardOf({ question: this.grouping.question }) : NO_GUARD;
    const rest = this.accumulators.filter(
      (a) =>
        !(a instanceof SingleChoiceAccumulator) &&
        !(a instanceof MultipleChoiceAccumulator) &&
        !(a instanceof NumericAccumulator),
    );
    this.singles = feed(this.accumulators.filter((a) => a instanceof SingleChoiceAccumulator));
    this.multiples = feed(this.accumulators.filter((a) => a instanceof MultipleChoiceAccumulator));
    this.numerics = feed(this.accumulators.filter((a) => a instanceof NumericAccumulator));
    this.others = feed(rest);
    this.conditions = [...conditionIds.keys()];
    // Validated responses only carry question names and comment keys (see validateResponseData),
    // which lets the evaluator rule out case-variant keys once instead of per response.
    this.evaluator = new ConditionEvaluator(
      4096,
      survey.questions.flatMap((q) => [q.name, commentKey(q.name)]),
    );
    this.conditionState = new Int8Array(this.conditions.length);
    this.participation = new ParticipationCounter(index);
    // Fail before a long pass rather than after it.
    this.participation.checkGroupBy(defaultGroupBy(index, config.participation?.groupBy));
    this.groupSizes = new Int32Array(this.ctx.slots);
  }

  add(response: ResponseRecord): void {
    const structure = response.structure === null ? -1 : (this.index.byId.get(response.structure) ?? -1);
    const data = response.data;
    if (this.conditions.length > 0) this.conditionState.fill(-1);
    if (!this.passes(data, structure)) return;
    if (!response.submittedAt) this.undated++;
    this.participation.add(structure);
    const grouping = this.grouping;
    const slot = !grouping
      ? 0
      : this.groupingGuard.length > 0 && !this.holds(this.groupingGuard, data)
        ? grouping.hiddenSlot!
        : grouping.slotOf(data, structure);
    this.groupSizes[slot]!++;
    // Four copies of one loop on purpose: one call site per accumulator class.
    {
      const { list, guards } = this.singles;
      for (let i = 0; i < list.length; i++) {
        const guard = guards[i]!;
        if (guard.length === 0 || this.holds(guard, data)) list[i]!.add(data, slot);
        else list[i]!.hide(slot);
      }
    }
    {
      const { list, guards } = this.multiples;
      for (let i = 0; i < list.length; i++) {
        const guard = guards[i]!;
        if (guard.length === 0 || this.holds(guard, data)) list[i]!.add(data, slot);
        else list[i]!.hide(slot);
      }
    }
    {
      const { list, guards } = this.numerics;
      for (let i = 0; i < list.length; i++) {
        const guard = guards[i]!;
        if (guard.length === 0 || this.holds(guard, data)) list[i]!.add(data, slot);
        else list[i]!.hide(slot);
      }
    }
    {
      const { list, guards } = this.others;
      for (let i = 0; i < list.length; i++) {
        const guard = guards[i]!;
        if (guard.length === 0 || this.holds(guard, data)) list[i]!.add(data, slot);
        else list[i]!.hide(slot);
      }
    }
  }

  /** Every filter holds; a question filter also needs its question displayed to the response. */
  private passes(data: Record<string, unknown>, structure: number): boolean {
    const filters = this.filters;
    for (let i = 0; i < filters.length; i++) {
      const filter = filters[i]!;
      if (filter.structures) {
        if (structure < 0 || filter.structures[structure] !== 1) return false;
      } else {
        const guard = this.filterGuards[i]!;
        if (guard.length > 0 && !this.holds(guard, data)) return false;
        if (!filter.matches!(data)) return false;
      }
    }
    return true;
  }

  private holds(guard: Int32Array, data: Record<string, unknown>): boolean {
    const state = this.conditionState;
    for (let k = 0; k < guard.length; k++) {
      const id = guard[k]!;
      let value = state[id]!;
      if (value < 0) value = state[id] = this.evaluator.evaluate(this.conditions[id]!, data) ? 1 : 0;
      if (value === 0) return false;
    }
    return true;
  }

  finish(): ReportModel {
    const { ctx, config, grouping, filters, survey } = this;
    if (grouping) {
      const last = ctx.slots - 1;
      grouping.info.visible = Array.from({ length: last }, (_, k) => k + 1).filter(
        (s) => s < last || this.groupSizes[s]! > 0,
      );
    }
    const questions = this.accumulators.map((a) => a.finish());
    const present = new Set(questions.map((q) => q.name));
    return {
      schemaVersion: 1,
      lang: ctx.lang,
      title: config.title ?? survey.title,
      description: config.description ?? survey.description,
      method: {
        profile: ctx.profile,
        terms: ctx.terms,
        ...(this.undated > 0 ? { undated: this.undated } : {}),
        quartiles: ctx.quartiles,
        base: ctx.baseMode,
        filters: filters.map((f) => f.spec),
        ...(grouping ? { by: { key: grouping.info.key, label: grouping.info.label } } : {}),
        notes: methodNotes(
          ctx,
          filters,
          questions.some((q) => q.stats !== undefined),
          questions.some((q) => q.terms !== undefined),
          { count: this.undated, date: this.undatedDefault },
        ),
      },
      participation: this.participation.result(
        filters,
        defaultGroupBy(this.index, config.participation?.groupBy),
        config.participation?.rate ?? 'responses',
      ),
      sections: survey.pages
        .map((p) => ({ name: p.name, title: p.title, questions: p.questions.filter((n) => present.has(n)) }))
        .filter((s) => s.questions.length > 0),
      questions,
    };
  }
}

interface Fed<A extends QuestionAccumulator> {
  list: A[];
  guards: Int32Array[];
}

const NO_GUARD = new Int32Array(0);

function settingsFor(question: QuestionDef, config: ReportConfig, ctx: ReportContext): QuestionSettings {
  const own = config.questions?.[question.name];
  return {
    title: own?.title ?? question.titles?.[ctx.lang] ?? question.title,
    order: own?.order ?? config.order ?? 'definition',
    topTerms: own?.topTerms ?? ctx.topTerms,
    classes: own?.classes,
  };
}

function makeAccumulator(
  question: QuestionDef,
  ctx: ReportContext,
  settings: QuestionSettings,
): QuestionAccumulator {
  switch (question.kind) {
    case 'single':
    case 'boolean':
      return new SingleChoiceAccumulator(question, ctx, settings);
    case 'rating':
      return settings.classes
        ? new NumericAccumulator(question, ctx, settings)
        : new SingleChoiceAccumulator(question, ctx, settings);
    case 'multiple':
      return new MultipleChoiceAccumulator(question, ctx, settings);
    case 'number':
    case 'expression':
      return new NumericAccumulator(question, ctx, settings);
    case 'ranking':
      return new RankingAccumulator(question, ctx, settings);
    case 'composite':
    case 'file':
      return new AnswerCountAccumulator(question, ctx, settings);
    case 'matrix':
      return new MatrixAccumulator(question, ctx, settings);
    case 'text':
    case 'comment':
    case 'date':
      return new TextAccumulator(question, ctx, settings);
  }
}

function methodNotes(
  ctx: ReportContext,
  filters: CompiledFilter[],
  numeric: boolean,
  terms: boolean,
  undated: { count: number; date?: string },
): string[] {
  const { words } = ctx;
  const baseAll =
    ctx.profile === 'limesurvey'
      ? words.baseNoteAll.replace(words.notDisplayed, words.notCompleted)
      : words.baseNoteAll;
  const notes = [ctx.baseMode === 'all' ? baseAll : words.baseNoteDisplayed];
  if (numeric) notes.push(ctx.quartiles === 'excel' ? words.quartileNoteExcel : words.quartileNoteMinitab);
  // Every report names the profile its tables follow, and the term counting when it has terms.
  notes.push(ctx.profile === 'limesurvey' ? words.profileNoteLimesurvey : words.profileNotePanorama);
  if (terms) notes.push(ctx.terms === 'raw' ? words.termsNoteRaw : words.termsNoteGrouped);
  if (undated.count > 0) notes.push(undatedNote(ctx, undated.count, undated.date));
  for (const f of filters)
    notes.push(`${words.filterNote}${ctx.lang === 'fr' ? '\u00a0:' : ':'} ${f.spec.key} = ${f.spec.value}`);
  if (ctx.grouping) notes.push(`${words.breakdownBy} ${ctx.grouping.label}`);
  return notes;
}

/** A warning that some responses carry no submission date, and which date stands in for it. */
function undatedNote(ctx: ReportContext, count: number, date: string | undefined): string {
  const fr = ctx.lang === 'fr';
  const when = date ? date.slice(0, 10) : fr ? 'celle du rapport' : 'the report date';
  return `${fr ? 'Attention\u00a0:' : 'Warning:'} ${count} ${ctx.words.undatedNote} ${when}.`;
}
