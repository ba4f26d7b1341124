import type { FrequencyRow, MatrixRow, QuestionResult } from '../report/model.js';
import type { ResponseData } from '../survey/conditions.js';
import type { QuestionDef } from '../survey/model.js';
import {
  choiceLabel,
  isEmptyAnswer,
  notDisplayedLabel,
  valueIndex,
  type QuestionAccumulator,
  type QuestionSettings,
  type ReportContext,
} from './context.js';
import { fivePointNote, fivePointSummary, isFivePointScale, markAnsweredPercents } from './five-point.js';
import { analyzeFreeTexts } from './text-analysis.js';

/** Text, comment and date questions: the verbatims in response order, and their term tables. */
export class TextAccumulator implements QuestionAccumulator {
  private readonly verbatims: string[] = [];
  private displayed = 0;
  private hidden = 0;

  constructor(
    readonly question: QuestionDef,
    private readonly ctx: ReportContext,
    private readonly settings: QuestionSettings,
  ) {}

  add(data: ResponseData, _slot: number): void {
    this.displayed++;
    const value = data[this.question.name];
    if (isEmptyAnswer(value)) return;
    const text = (typeof value === 'string' ? value : String(value)).trim();
    if (text !== '') this.verbatims.push(text);
  }

  hide(_slot: number): void {
    this.hidden++;
  }

  finish(): QuestionResult {
    const { question, ctx, settings } = this;
    const result: QuestionResult = {
      name: question.name,
      type: question.kind,
      kind: 'text',
      title: settings.title,
      page: question.page,
      base: ctx.baseMode === 'all' ? this.displayed + this.hidden : this.displayed,
      answered: this.verbatims.length,
      verbatims: this.verbatims,
    };
    // LimeSurvey tables a text question as "Réponse / Sans réponse / Non complété ou non
    // affiché" over all responses (it shows nothing for dates).
    if (ctx.profile === 'limesurvey' && question.kind !== 'date') result.rows = this.answerRows(result.base);
    if (question.kind !== 'date') {
      const analysis = analyzeFreeTexts(this.verbatims, settings.topTerms, ctx.lang, ctx.terms);
      result.terms = analysis.terms;
      result.segments = analysis.segments;
    }
    return result;
  }

  private answerRows(base: number): FrequencyRow[] {
    const { ctx } = this;
    const answered = this.verbatims.length;
    const row = (label: string, count: number, rowKind: FrequencyRow['rowKind']): FrequencyRow => ({
      value: null,
      label,
      count,
      percent: ctx.percent(count, base),
      rowKind,
    });
    return [
      row(ctx.words.answer, answered, 'answer'),
      row(ctx.words.noAnswer, this.displayed - answered, 'no-answer'),
      row(notDisplayedLabel(ctx), this.hidden, 'not-displayed'),
    ];
  }
}

/** Matrix: per row, the count of each column over the responses that displayed the question. */
export class MatrixAccumulator implements QuestionAccumulator {
  private readonly columns: Map<unknown, number>;
  /** counts[row × (columns + 1) + column]; the extra column is "Sans réponse". */
  private readonly counts: Int32Array;
  private readonly width: number;
  private displayed = 0;
  private hidden = 0;
  private answered = 0;

  constructor(
    readonly question: QuestionDef,
    private readonly ctx: ReportContext,
    private readonly settings: QuestionSettings,
  ) {
    this.columns = valueIndex(question);
    this.width = question.choices.length + 1;
    this.counts = new Int32Array(question.rows.length * this.width);
  }

  add(data: ResponseData, _slot: number): void {
    this.displayed++;
    const value = data[this.question.name];
    const answers =
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : {};
    let any = false;
    const rows = this.question.rows;
    for (let r = 0; r < rows.length; r++) {
      const answer = answers[String(rows[r]!.value)];
      const column = isEmptyAnswer(answer) ? undefined : this.columns.get(answer);
      if (column === undefined) {
        this.counts[r * this.width + this.width - 1]!++;
      } else {
        this.counts[r * this.width + column]!++;
        any = true;
      }
    }
    if (any) this.answered++;
  }

  hide(_slot: number): void {
    this.hidden++;
  }

  finish(): QuestionResult {
    const { question, ctx, settings } = this;
    const base = ctx.baseMode === 'all' ? this.displayed + this.hidden : this.displayed;
    const matrix: MatrixRow[] = question.rows.map((row, r) => {
      const cells: FrequencyRow[] = question.choices.map((column, c) => {
        const count = this.counts[r * this.width + c]!;
        return {
          value: column.value,
          label: choiceLabel(column, ctx.lang),
          count,
          percent: ctx.percent(count, base),
          rowKind: 'choice',
        };
      });
      const missing = this.counts[r * this.width + this.width - 1]!;
      cells.push({
        value: null,
        label: ctx.words.noAnswer,
        count: missing,
        percent: ctx.percent(missing, base),
        rowKind: 'no-answer',
      });
      if (ctx.baseMode === 'all') {
        cells.push({
          value: null,
          label: notDisplayedLabel(ctx),
          count: this.hidden,
          percent: ctx.percent(this.hidden, base),
          rowKind: 'not-displayed',
        });
      }
      return { value: row.value, label: choiceLabel(row, ctx.lang), base, cells };
    });
    // LimeSurvey's arrays of 5-point choices (type A): each line's aggregated data.
    const notes: string[] = [];
    if (ctx.profile === 'limesurvey' && isFivePointScale(question.choices)) {
      for (const line of matrix) {
        const summary = fivePointSummary(line.cells.slice(0, 5).map((c) => c.count));
        markAnsweredPercents(line.cells, summary);
        notes.push(fivePointNote(summary, ctx, line.label));
      }
    }
    return {
      name: question.name,
      type: question.kind,
      kind: 'matrix',
      title: settings.title,
      page: question.page,
      base,
      answered: this.answered,
      matrix,
      ...(notes.length > 0 ? { notes } : {}),
    };
  }
}
