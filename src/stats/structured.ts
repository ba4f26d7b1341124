import type { FrequencyRow, MatrixRow, QuestionResult } from '../report/model.js';
import type { ResponseData } from '../survey/conditions.js';
import type { QuestionDef } from '../survey/model.js';
import {
  choiceLabel,
  isEmptyAnswer,
  notDisplayedLabel,
  type QuestionAccumulator,
  type QuestionSettings,
  type ReportContext,
} from './context.js';

/**
 * Questions whose answers are kept but not broken down (file, signature) or not broken down yet
 * (dynamic/dropdown matrices, multiple text, dynamic panels): the table says how many answered
 * among the responses that displayed the question, and a note says why there is no more.
 */
export class AnswerCountAccumulator implements QuestionAccumulator {
  private displayed = 0;
  private hidden = 0;
  private answered = 0;

  constructor(
    readonly question: QuestionDef,
    private readonly ctx: ReportContext,
    private readonly settings: QuestionSettings,
  ) {}

  add(data: ResponseData, _slot: number): void {
    this.displayed++;
    const value = data[this.question.name];
    if (
      !isEmptyAnswer(value) &&
      !(typeof value === 'object' && value !== null && Object.keys(value).length === 0)
    )
      this.answered++;
  }

  hide(_slot: number): void {
    this.hidden++;
  }

  finish(): QuestionResult {
    const { question, ctx } = this;
    const base = ctx.baseMode === 'all' ? this.displayed + this.hidden : this.displayed;
    const fr = ctx.lang === 'fr';
    const rows: FrequencyRow[] = [
      {
        value: null,
        label: fr ? 'Réponse donnée' : 'Answered',
        count: this.answered,
        percent: ctx.percent(this.answered, base),
        rowKind: 'answer',
      },
      {
        value: null,
        label: ctx.words.noAnswer,
        count: this.displayed - this.answered,
        percent: ctx.percent(this.displayed - this.answered, base),
        rowKind: 'no-answer',
      },
    ];
    if (ctx.baseMode === 'all')
      rows.push({
        value: null,
        label: notDisplayedLabel(ctx),
        count: this.hidden,
        percent: ctx.percent(this.hidden, base),
        rowKind: 'not-displayed',
      });
    const note =
      question.kind === 'file'
        ? fr
          ? 'Fichiers et signatures : non analysés, seules les réponses sont comptées.'
          : 'Files and signatures: not analysed, only answers are counted.'
        : fr
          ? `Question composée (${question.sourceType}) : seules les réponses sont comptées, le détail par élément n'est pas encore calculé.`
          : `Composite question (${question.sourceType}): only answers are counted, the per-item detail is not computed yet.`;
    return {
      name: question.name,
      type: question.kind,
      kind: 'choice',
      title: this.settings.title,
      page: question.page,
      base,
      answered: this.answered,
      rows,
      notes: [note],
    };
  }
}

/** Ranking: how often each item was put at each rank, and its mean rank (1 = first). */
export class RankingAccumulator implements QuestionAccumulator {
  private displayed = 0;
  private hidden = 0;
  private answered = 0;
  private readonly index = new Map<string, number>();
  /** counts[item × size + rank] */
  private readonly counts: Int32Array;
  private readonly rankSums: Float64Array;
  private readonly ranked: Int32Array;
  private readonly size: number;

  constructor(
    readonly question: QuestionDef,
    private readonly ctx: ReportContext,
    private readonly settings: QuestionSettings,
  ) {
    question.choices.forEach((c, i) => this.index.set(String(c.value), i));
    this.size = question.choices.length;
    this.counts = new Int32Array(this.size * this.size);
    this.rankSums = new Float64Array(this.size);
    this.ranked = new Int32Array(this.size);
  }

  add(data: ResponseData, _slot: number): void {
    this.displayed++;
    const value = data[this.question.name];
    if (!Array.isArray(value) || value.length === 0) return;
    this.answered++;
    value.forEach((item, rank) => {
      const i = this.index.get(String(item));
      if (i === undefined || rank >= this.size) return;
      this.counts[i * this.size + rank]!++;
      this.rankSums[i] = this.rankSums[i]! + rank + 1;
      this.ranked[i]!++;
    });
  }

  hide(_slot: number): void {
    this.hidden++;
  }

  finish(): QuestionResult {
    const { question, ctx } = this;
    const base = ctx.baseMode === 'all' ? this.displayed + this.hidden : this.displayed;
    const fr = ctx.lang === 'fr';
    const matrix: MatrixRow[] = question.choices.map((choice, i) => ({
      value: choice.value,
      label: choiceLabel(choice, ctx.lang),
      base: this.ranked[i]!,
      cells: question.choices.map((_, rank) => {
        const count = this.counts[i * this.size + rank]!;
        return {
          value: rank + 1,
          label: fr ? `Rang ${rank + 1}` : `Rank ${rank + 1}`,
          count,
          percent: ctx.percent(count, this.ranked[i]!),
          rowKind: 'choice' as const,
        };
      }),
    }));
    const means = question.choices.map((choice, i) => {
      const mean = this.ranked[i]! > 0 ? this.rankSums[i]! / this.ranked[i]! : null;
      const shown = mean === null ? '–' : mean.toFixed(2).replace('.', fr ? ',' : '.');
      return `${choiceLabel(choice, ctx.lang)}${fr ? '\u00a0:' : ':'} ${shown}`;
    });
    return {
      name: question.name,
      type: question.kind,
      kind: 'matrix',
      title: this.settings.title,
      page: question.page,
      base,
      answered: this.answered,
      matrix,
      notes: [`${fr ? 'Rang moyen (1 = premier)' : 'Mean rank (1 = first)'} — ${means.join(' ; ')}`],
    };
  }
}
