import type { OtherTextCount, QuestionResult } from '../report/model.js';
import type { ResponseData } from '../survey/conditions.js';
import { commentKey, NONE_VALUE, OTHER_VALUE, type QuestionDef } from '../survey/model.js';
import {
  builtInLabel,
  choiceLabel,
  isEmptyAnswer,
  valueIndex,
  type QuestionAccumulator,
  type QuestionSettings,
  type ReportContext,
  type RowDef,
} from './context.js';
import { fivePointNote, fivePointSummary, isFivePointScale, markAnsweredPercents } from './five-point.js';
import { numericStatsOfCounts } from './quantiles.js';
import { numericBreakdown, CountTable } from './table.js';

function choiceRows(question: QuestionDef, ctx: ReportContext): RowDef[] {
  const rows: RowDef[] = question.choices.map((c) => ({
    value: c.value,
    label: choiceLabel(c, ctx.lang),
    rowKind: 'choice',
  }));
  if (question.hasOther)
    rows.push({ value: OTHER_VALUE, label: builtInLabel(question.otherText, ctx.lang), rowKind: 'other' });
  if (question.hasNone)
    rows.push({ value: NONE_VALUE, label: builtInLabel(question.noneText, ctx.lang), rowKind: 'none' });
  return rows;
}

function specialIndexes(question: QuestionDef): [string, number][] {
  const extra: [string, number][] = [];
  let next = question.choices.length;
  if (question.hasOther) extra.push([OTHER_VALUE, next++]);
  if (question.hasNone) extra.push([NONE_VALUE, next++]);
  return extra;
}

function invalidNote(count: number, ctx: ReportContext): string[] | undefined {
  if (count === 0) return undefined;
  return ctx.lang === 'fr'
    ? [
        `${count} réponse(s) dont la valeur n'est pas un choix de la question ont été comptées « ${ctx.words.noAnswer} ».`,
      ]
    : [
        `${count} answer(s) whose value is not a choice of the question were counted as "${ctx.words.noAnswer}".`,
      ];
}

/** Single choice, boolean and rating: one row per choice, "Autre", "Aucun", then "Sans réponse". */
export class SingleChoiceAccumulator implements QuestionAccumulator {
  private readonly table: CountTable;
  private readonly index: Map<unknown, number>;
  private readonly noAnswer: number;
  private readonly otherTexts: string[] = [];
  /** Numeric value of each choice row of a rating whose choices are all numbers. */
  private readonly ratingValues?: Float64Array;
  private invalid = 0;
  private readonly name: string;
  private readonly hasOther: boolean;
  /** Built once: `name-Comment` concatenated per response would be a new string to hash each time. */
  private readonly commentKey: string;
  private readonly counts: Int32Array;
  private readonly displayed: Int32Array;
  private readonly slots: number;

  constructor(
    readonly question: QuestionDef,
    private readonly ctx: ReportContext,
    private readonly settings: QuestionSettings,
  ) {
    this.name = question.name;
    this.hasOther = question.hasOther;
    this.commentKey = commentKey(question.name);
    const rows = choiceRows(question, ctx);
    this.noAnswer = rows.length;
    rows.push({ value: null, label: ctx.words.noAnswer, rowKind: 'no-answer' });
    this.table = new CountTable(rows, ctx.slots);
    this.counts = this.table.counts;
    this.displayed = this.table.displayed;
    this.slots = ctx.slots;
    this.index = valueIndex(question, specialIndexes(question));
    if (question.kind === 'rating') {
      const values = Float64Array.from(question.choices, (c) =>
        typeof c.value === 'boolean' ? NaN : Number(c.value),
      );
      if (values.every(Number.isFinite)) this.ratingValues = values;
    }
  }

  // Same bookkeeping as CountTable.show/count, written out: this runs once per question per response.
  add(data: ResponseData, slot: number): void {
    const value = data[this.name];
    let row = value === undefined || value === null ? undefined : this.index.get(value);
    if (row === undefined) {
      if (!isEmptyAnswer(value)) this.invalid++;
      row = this.noAnswer;
    } else if (this.hasOther && value === OTHER_VALUE) {
      collectOther(data, this.commentKey, this.otherTexts);
    }
    const at = row * this.slots;
    this.displayed[0]!++;
    this.counts[at]!++;
    if (slot > 0) {
      this.displayed[slot]!++;
      this.counts[at + slot]!++;
    }
  }

  hide(slot: number): void {
    this.table.hide(slot);
  }

  finish(): QuestionResult {
    const { question, ctx, table, settings } = this;
    const base = table.base(0, ctx);
    const result: QuestionResult = {
      name: question.name,
      type: question.kind,
      kind: 'choice',
      title: settings.title,
      page: question.page,
      base,
      answered: table.displayed[0]! - table.cell(this.noAnswer, 0),
      rows: table.frequencyRows(ctx, settings.order),
      breakdown: table.breakdown(ctx, settings.order),
    };
    if (question.hasOther) {
      result.otherTexts = this.otherTexts;
      result.otherCounts = countOtherTexts(this.otherTexts);
    }
    const notes = invalidNote(this.invalid, ctx) ?? [];
    const limesurvey = ctx.profile === 'limesurvey';
    // LimeSurvey prints no numeric summary under a list question; its 5-point scales get the
    // "aggregated data" (percentages over the answered responses, mean and deviation) instead.
    const ratingValues = limesurvey ? undefined : this.ratingValues;
    if (limesurvey && question.kind === 'rating' && isFivePointScale(question.choices)) {
      const summary = fivePointSummary(question.choices.map((_, row) => table.cell(row, 0)));
      markAnsweredPercents(result.rows!, summary);
      notes.push(fivePointNote(summary, ctx));
    }
    if (ratingValues) {
      // The summary of the ratings comes from the choice counts: memory does not grow with R.
      const statsOf = (slot: number) =>
        numericStatsOfCounts(
          ratingValues,
          Array.from(ratingValues, (_, row) => table.cell(row, slot)),
          ctx.quartiles,
        );
      result.stats = statsOf(0);
      if (result.breakdown) result.breakdown.stats = numericBreakdown(ctx.grouping, [], statsOf)!.stats;
    }
    if (notes.length > 0) result.notes = notes;
    return result;
  }
}

/** Multiple choice: every choice over the same displayed base; rows may sum past 100 %. */
export class MultipleChoiceAccumulator implements QuestionAccumulator {
  private readonly table: CountTable;
  private readonly index: Map<unknown, number>;
  private readonly otherTexts: string[] = [];
  private answered = 0;
  private invalid = 0;
  private readonly name: string;
  private readonly hasOther: boolean;
  private readonly commentKey: string;
  private readonly counts: Int32Array;
  private readonly slots: number;
  /** LimeSurvey counts "Autre" only where its text is not empty (its own column, `<> ''`). */
  private readonly otherNeedsText: boolean;

  constructor(
    readonly question: QuestionDef,
    private readonly ctx: ReportContext,
    private readonly settings: QuestionSettings,
  ) {
    // Profile "limesurvey" (also decides the "not displayed" row below).
    this.otherNeedsText = ctx.profile === 'limesurvey';
    this.table = new CountTable(choiceRows(question, ctx), ctx.slots);
    this.index = valueIndex(question, specialIndexes(question));
    this.name = question.name;
    this.hasOther = question.hasOther;
    this.commentKey = commentKey(question.name);
    this.counts = this.table.counts;
    this.slots = ctx.slots;
  }

  add(data: ResponseData, slot: number): void {
    this.table.show(slot);
    const value = data[this.name];
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) {
      if (value.length === 0) return;
      let counted = false;
      for (let i = 0; i < value.length; i++) if (this.countValue(data, value[i], slot)) counted = true;
      if (counted) this.answered++;
    } else if (value !== '' && this.countValue(data, value, slot)) {
      this.answered++;
    }
  }

  private countValue(data: ResponseData, value: unknown, slot: number): boolean {
    const row = this.index.get(value);
    if (row === undefined) {
      this.invalid++;
      return false;
    }
    if (this.otherNeedsText && value === OTHER_VALUE && !hasText(data[this.commentKey])) return false;
    const at = row * this.slots;
    this.counts[at]!++;
    if (slot > 0) this.counts[at + slot]!++;
    if (this.hasOther && value === OTHER_VALUE) collectOther(data, this.commentKey, this.otherTexts);
    return true;
  }

  hide(slot: number): void {
    this.table.hide(slot);
  }

  finish(): QuestionResult {
    const { question, ctx, table, settings } = this;
    const result: QuestionResult = {
      name: question.name,
      type: question.kind,
      kind: 'choice',
      title: settings.title,
      page: question.page,
      base: table.base(0, ctx),
      answered: this.answered,
      multiple: true,
      // LimeSurvey lists "not completed or not displayed" under a multiple choice only when some
      // response did not display it.
      rows: table.frequencyRows(ctx, settings.order, this.otherNeedsText ? 'nonzero' : 'always'),
      breakdown: table.breakdown(ctx, settings.order, this.otherNeedsText ? 'nonzero' : 'always'),
      notes: [ctx.words.multipleNote],
    };
    if (question.hasOther) {
      result.otherTexts = this.otherTexts;
      result.otherCounts = countOtherTexts(this.otherTexts);
    }
    if (this.invalid > 0) {
      result.notes!.push(
        ctx.lang === 'fr'
          ? `${this.invalid} valeur(s) qui ne sont pas des choix de la question ont été ignorées.`
          : `${this.invalid} value(s) that are not choices of the question were ignored.`,
      );
    }
    return result;
  }
}

function hasText(text: unknown): boolean {
  return typeof text === 'string' && text.trim() !== '';
}

/**
 * "Autre" texts grouped: the same text typed by several structures (ignoring case, accents kept,
 * and runs of spaces) is listed once with its count, most frequent first, then alphabetically.
 * The first way it was written is the one shown.
 */
export function countOtherTexts(texts: readonly string[]): OtherTextCount[] {
  const groups = new Map<string, OtherTextCount>();
  for (const raw of texts) {
    const text = raw.replace(/\s+/g, ' ').trim();
    const key = text.toLocaleLowerCase('fr');
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { text, count: 1 });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text, 'fr'));
}

function collectOther(data: ResponseData, key: string, into: string[]): void {
  const text = data[key];
  if (typeof text === 'string' && text.trim() !== '') into.push(text.trim());
}
