import type { QuestionResult } from '../report/model.js';
import type { ResponseData } from '../survey/conditions.js';
import type { QuestionDef } from '../survey/model.js';
import type { NumericClass } from './config.js';
import {
  isEmptyAnswer,
  type QuestionAccumulator,
  type QuestionSettings,
  type ReportContext,
  type RowDef,
} from './context.js';
import { FloatBuffer, numericStats } from './quantiles.js';
import { CountTable, numericBreakdown } from './table.js';
import { isYearQuestion } from '../report/format.js';

/** Reads a number answer; CSV imports may hand over "12,5". NaN when it is not a number. */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const trimmed = value.trim().replace(',', '.');
    return trimmed === '' ? NaN : Number(trimmed);
  }
  return NaN;
}

/**
 * Number questions: values kept in growable Float64Arrays (one per breakdown slot) for the
 * summary; with classes, also a frequency table of classes with a "Sans réponse" row.
 */
export class NumericAccumulator implements QuestionAccumulator {
  private readonly values: FloatBuffer[];
  private readonly shown: Int32Array;
  private readonly hidden: Int32Array;
  private readonly classes?: NumericClass[];
  private readonly table?: CountTable;
  private invalid = 0;
  private unclassified = 0;
  /** Profile "limesurvey": its summary query skips zeros (`<> 0`); they are counted here. */
  private readonly skipZeros: boolean;
  private zeros = 0;

  constructor(
    readonly question: QuestionDef,
    private readonly ctx: ReportContext,
    private readonly settings: QuestionSettings,
  ) {
    this.values = Array.from({ length: ctx.slots }, () => new FloatBuffer());
    this.shown = new Int32Array(ctx.slots);
    this.hidden = new Int32Array(ctx.slots);
    this.skipZeros = ctx.profile === 'limesurvey';
    if (settings.classes) {
      this.classes = settings.classes;
      const rows: RowDef[] = settings.classes.map((c) => ({
        value: c.id ?? c.label,
        label: c.label,
        rowKind: 'class',
      }));
      rows.push({ value: null, label: ctx.words.noAnswer, rowKind: 'no-answer' });
      this.table = new CountTable(rows, ctx.slots);
    }
  }

  add(data: ResponseData, slot: number): void {
    this.shown[0]!++;
    if (slot > 0) this.shown[slot]!++;
    this.table?.show(slot);
    const raw = data[this.question.name];
    const value = isEmptyAnswer(raw) ? NaN : toNumber(raw);
    if (Number.isNaN(value) || !Number.isFinite(value)) {
      if (!isEmptyAnswer(raw)) this.invalid++;
      this.table?.count(this.classes!.length, slot);
      return;
    }
    if (this.skipZeros && value === 0) this.zeros++;
    else {
      this.values[0]!.push(value);
      if (slot > 0) this.values[slot]!.push(value);
    }
    if (this.classes) {
      const at = classOf(this.classes, value);
      if (at < 0) this.unclassified++;
      else this.table!.count(at, slot);
    }
  }

  hide(slot: number): void {
    this.hidden[0]!++;
    if (slot > 0) this.hidden[slot]!++;
    this.table?.hide(slot);
  }

  finish(): QuestionResult {
    const { question, ctx, settings } = this;
    const bases = Array.from(this.shown, (n, s) => (ctx.baseMode === 'all' ? n + this.hidden[s]! : n));
    const stats = numericStats(this.values[0]!.values(), ctx.quartiles, ctx.profile);
    const result: QuestionResult = {
      name: question.name,
      type: question.kind,
      kind: this.table ? 'classes' : 'numeric',
      title: settings.title,
      page: question.page,
      base: bases[0]!,
      answered: stats.count,
      stats,
      ...(isYearQuestion(question) ? { valueFormat: 'year' as const } : {}),
    };
    const groupStats = numericBreakdown(ctx.grouping, bases, (s) =>
      numericStats(this.values[s]!.values(), ctx.quartiles, ctx.profile),
    );
    if (this.table) {
      result.rows = this.table.frequencyRows(ctx, 'definition');
      result.breakdown = this.table.breakdown(ctx, 'definition');
      if (result.breakdown && groupStats) result.breakdown.stats = groupStats.stats;
    } else {
      result.breakdown = groupStats;
    }
    const notes: string[] = [];
    if (this.invalid > 0) {
      notes.push(
        ctx.lang === 'fr'
          ? `${this.invalid} réponse(s) non numérique(s) ignorée(s).`
          : `${this.invalid} non-numeric answer(s) ignored.`,
      );
    }
    if (this.zeros > 0) {
      notes.push(
        ctx.lang === 'fr'
          ? `${this.zeros} valeur(s) égale(s) à 0 laissée(s) hors du résumé, comme LimeSurvey.`
          : `${this.zeros} value(s) equal to 0 left out of the summary, as LimeSurvey does.`,
      );
    }
    if (this.unclassified > 0) {
      notes.push(
        ctx.lang === 'fr'
          ? `${this.unclassified} valeur(s) hors de toutes les classes.`
          : `${this.unclassified} value(s) outside every class.`,
      );
    }
    if (notes.length > 0) result.notes = notes;
    return result;
  }
}

/** First class whose inclusive bounds hold the value, −1 when none does. */
export function classOf(classes: NumericClass[], value: number): number {
  for (let i = 0; i < classes.length; i++) {
    const c = classes[i]!;
    if ((c.min === null || value >= c.min) && (c.max === null || value <= c.max)) return i;
  }
  return -1;
}
