import { percentOf } from '../report/format.js';
import type { FrequencyRow, MatrixRow, QuestionResult } from '../report/model.js';
import type { ResponseData } from '../survey/conditions.js';
import type { QuestionDef } from '../survey/model.js';
import {
  choiceLabel,
  isEmptyAnswer,
  valueIndex,
  type QuestionAccumulator,
  type QuestionSettings,
  type ReportContext,
} from './context.js';
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
    if (question.kind !== 'date') {
      const analysis = analyzeFreeTexts(this.verbatims, settings.topTerms, ctx.lang);
      result.terms = analysis.terms;
      result.segments = analysis.segments;
    }
    return result;
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
          percent: percentOf(count, base),
          rowKind: 'choice',
        };
      });
      const missing = this.counts[r * this.width + this.width - 1]!;
      cells.push({
        value: null,
        label: ctx.words.noAnswer,
        count: missing,
        percent: percentOf(missing, base),
        rowKind: 'no-answer',
      });
      if (ctx.baseMode === 'all') {
        cells.push({
          value: null,
          label: ctx.words.notDisplayed,
          count: this.hidden,
          percent: percentOf(this.hidden, base),
          rowKind: 'not-displayed',
        });
      }
      return { value: row.value, label: choiceLabel(row, ctx.lang), base, cells };
    });
    return {
      name: question.name,
      type: question.kind,
      kind: 'matrix',
      title: settings.title,
      page: question.page,
      base,
      answered: this.answered,
      matrix,
    };
  }
}
