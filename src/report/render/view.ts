import { formatNumber, formatPercent, formatYear } from '../format.js';
import { labels, type LabelKey } from '../i18n.js';
import type {
  Breakdown,
  FrequencyRow,
  NumericStats,
  QuartileMethod,
  QuestionResult,
  ReportLang,
} from '../model.js';

/**
 * Format-neutral building blocks shared by every renderer (HTML, DOCX, PDF, XLSX) and by the
 * brochure: each renderer only decides how a table, a list or a note looks, never what it says,
 * so the five exports cannot drift apart.
 */

export type CellFormat = 'text' | 'count' | 'percent' | 'decimal' | 'year';

export interface Cell {
  /** Display text, already formatted for the report language. */
  text: string;
  /** Raw number behind the text (spreadsheets store this, not the text). */
  value?: number | null;
  format: CellFormat;
  /** Row of a table that is not an answer ("Sans réponse", "Non affiché"): shown muted. */
  muted?: boolean;
}

export interface HeadGroup {
  label: string;
  span: number;
}

export interface TableBlock {
  type: 'table';
  /** What the table shows; for the question's main table it is the question title itself. */
  caption: string;
  /** The caption repeats the heading above it: screen readers need it, the eye does not. */
  captionIsTitle?: boolean;
  /** Optional first header line spanning several columns (breakdown groups, matrix columns). */
  headGroups?: HeadGroup[];
  head: string[];
  rows: Cell[][];
  /** Short lines printed under the table (base, multiple-choice note, quartile method). */
  notes: string[];
}

export interface ListBlock {
  type: 'list';
  title: string;
  items: string[];
}

export type Block = TableBlock | ListBlock;

export function textCell(text: string, muted = false): Cell {
  return muted ? { text, format: 'text', muted } : { text, format: 'text' };
}

export function countCell(value: number | null | undefined, lang: ReportLang): Cell {
  return { text: formatNumber(value, lang, 0), value: value ?? null, format: 'count' };
}

export function decimalCell(value: number | null | undefined, lang: ReportLang): Cell {
  return { text: formatNumber(value, lang, 2), value: value ?? null, format: 'decimal' };
}

export function percentCell(value: number | null | undefined, lang: ReportLang): Cell {
  return { text: formatPercent(value, lang), value: value ?? null, format: 'percent' };
}

/** French puts a no-break space before the colon. */
export function colon(lang: ReportLang): string {
  return lang === 'fr' ? '\u00a0:' : ':';
}

/** "Base : 91 réponses" / "Base: 91 responses". */
export function baseLine(base: number, lang: ReportLang): string {
  const l = labels(lang);
  const unit = base === 1 ? l.responseUnit : l.responsesUnit;
  return `${l.base}${colon(lang)} ${formatNumber(base, lang, 0)} ${unit}`;
}

export function quartileNote(method: QuartileMethod, lang: ReportLang): string {
  const l = labels(lang);
  return method === 'excel' ? l.quartileNoteExcel : l.quartileNoteMinitab;
}

const MUTED_ROWS = new Set(['no-answer', 'not-displayed']);

function frequencyRow(row: FrequencyRow, lang: ReportLang): Cell[] {
  const muted = MUTED_ROWS.has(row.rowKind);
  return [textCell(row.label, muted), countCell(row.count, lang), percentCell(row.percent, lang)];
}

export function frequencyTable(question: QuestionResult, lang: ReportLang): TableBlock {
  const l = labels(lang);
  const notes = [baseLine(question.base, lang)];
  if (question.multiple) notes.push(l.multipleNote);
  return {
    type: 'table',
    caption: question.title,
    captionIsTitle: true,
    head: [l.answer, l.count, l.percent],
    rows: (question.rows ?? []).map((row) => frequencyRow(row, lang)),
    notes,
  };
}

const STAT_KEYS: { key: keyof NumericStats; label: LabelKey; decimals: boolean }[] = [
  { key: 'count', label: 'count', decimals: false },
  { key: 'sum', label: 'sum', decimals: true },
  { key: 'mean', label: 'mean', decimals: true },
  { key: 'sd', label: 'sd', decimals: true },
  { key: 'min', label: 'min', decimals: true },
  { key: 'q1', label: 'q1', decimals: true },
  { key: 'median', label: 'median', decimals: true },
  { key: 'q3', label: 'q3', decimals: true },
  { key: 'max', label: 'max', decimals: true },
];

/** Statistics that are themselves years when the values are years (not count, sum or spread). */
const YEAR_STATS = new Set<keyof NumericStats>(['mean', 'min', 'q1', 'median', 'q3', 'max']);

/** A sum of years (171 194) means nothing: year questions print every statistic but the sum. */
function statKeys(year: boolean): typeof STAT_KEYS {
  return year ? STAT_KEYS.filter((s) => s.key !== 'sum') : STAT_KEYS;
}

function statCell(
  stats: NumericStats,
  key: keyof NumericStats,
  decimals: boolean,
  lang: ReportLang,
  year: boolean,
): Cell {
  if (year && YEAR_STATS.has(key))
    return { text: formatYear(stats[key], lang), value: stats[key] ?? null, format: 'year' };
  return decimals ? decimalCell(stats[key], lang) : countCell(stats[key], lang);
}

export function statsTable(
  caption: string,
  stats: NumericStats,
  method: QuartileMethod,
  lang: ReportLang,
  captionIsTitle = false,
  year = false,
): TableBlock {
  const l = labels(lang);
  return {
    type: 'table',
    caption,
    captionIsTitle,
    head: [l.calculation, l.result],
    rows: statKeys(year).map(({ key, label, decimals }) => [
      textCell(l[label]),
      statCell(stats, key, decimals, lang, year),
    ]),
    notes: [quartileNote(method, lang)],
  };
}

export function termsTable(question: QuestionResult, lang: ReportLang): TableBlock | undefined {
  if (!question.terms?.length) return undefined;
  const l = labels(lang);
  return {
    type: 'table',
    caption: l.terms,
    head: ['#', l.term, l.total],
    rows: question.terms.map((t, i) => [countCell(i + 1, lang), textCell(t.term), countCell(t.count, lang)]),
    notes: [],
  };
}

export function segmentsTable(question: QuestionResult, lang: ReportLang): TableBlock | undefined {
  if (!question.segments?.length) return undefined;
  const l = labels(lang);
  return {
    type: 'table',
    caption: l.segments,
    head: [l.segment, l.total],
    rows: question.segments.map((s) => [textCell(s.segment), countCell(s.count, lang)]),
    notes: [],
  };
}

export function breakdownTable(
  question: QuestionResult,
  breakdown: Breakdown,
  method: QuartileMethod,
  lang: ReportLang,
): TableBlock | undefined {
  const l = labels(lang);
  const caption = `${l.breakdownBy} ${breakdown.label}`;
  const groupLabel = (g: Breakdown['groups'][number]): string =>
    `${g.label} (n\u00a0=\u00a0${formatNumber(g.base, lang, 0)})`;
  if (breakdown.rows?.length) {
    return {
      type: 'table',
      caption,
      headGroups: [
        { label: '', span: 1 },
        ...breakdown.groups.map((g) => ({ label: groupLabel(g), span: 2 })),
      ],
      head: [l.answer, ...breakdown.groups.flatMap(() => [l.countShort, '%'])],
      rows: breakdown.rows.map((row) => [
        textCell(row.label, row.value === null),
        ...row.counts.flatMap((count, i) => [countCell(count, lang), percentCell(row.percents[i], lang)]),
      ]),
      notes: [],
    };
  }
  if (breakdown.stats?.length) {
    const stats = breakdown.stats;
    return {
      type: 'table',
      caption,
      head: [l.calculation, ...breakdown.groups.map(groupLabel)],
      rows: statKeys(question.valueFormat === 'year').map(({ key, label, decimals }) => [
        textCell(l[label]),
        ...stats.map((s) => statCell(s, key, decimals, lang, question.valueFormat === 'year')),
      ]),
      notes: [quartileNote(method, lang)],
    };
  }
  return undefined;
}

export function matrixTable(question: QuestionResult, lang: ReportLang): TableBlock | undefined {
  const lines = question.matrix ?? [];
  const columns = lines[0]?.cells ?? [];
  if (!lines.length) return undefined;
  const l = labels(lang);
  return {
    type: 'table',
    caption: question.title,
    captionIsTitle: true,
    headGroups: [{ label: '', span: 2 }, ...columns.map((c) => ({ label: c.label, span: 2 }))],
    head: [l.question, l.base, ...columns.flatMap(() => [l.countShort, '%'])],
    rows: lines.map((line) => [
      textCell(line.label),
      countCell(line.base, lang),
      ...line.cells.flatMap((cell) => [countCell(cell.count, lang), percentCell(cell.percent, lang)]),
    ]),
    notes: [],
  };
}

/** Every table and list of one question, in reading order (the chart is placed by the renderer). */
export function questionBlocks(question: QuestionResult, method: QuartileMethod, lang: ReportLang): Block[] {
  const l = labels(lang);
  const blocks: (Block | undefined)[] = [];
  switch (question.kind) {
    case 'choice':
    case 'classes':
      blocks.push(frequencyTable(question, lang));
      if (question.stats)
        blocks.push(
          statsTable(l.summary, question.stats, method, lang, false, question.valueFormat === 'year'),
        );
      break;
    case 'numeric':
      if (question.stats)
        blocks.push(
          statsTable(question.title, question.stats, method, lang, true, question.valueFormat === 'year'),
        );
      break;
    case 'text':
      // Profile "limesurvey": the "Réponse / Sans réponse" table comes first, as in LimeSurvey.
      if (question.rows?.length) blocks.push(frequencyTable(question, lang));
      blocks.push(termsTable(question, lang), segmentsTable(question, lang));
      break;
    case 'matrix':
      blocks.push(matrixTable(question, lang));
      break;
  }
  const others = otherItems(question, lang);
  if (others.length) blocks.push({ type: 'list', title: l.otherTexts, items: others });
  if (question.verbatims?.length) blocks.push({ type: 'list', title: l.details, items: question.verbatims });
  if (question.breakdown) blocks.push(breakdownTable(question, question.breakdown, method, lang));
  return blocks.filter((b): b is Block => b !== undefined);
}

/**
 * "Autre" texts, each once with its count when several gave it ("Soutien aux étudiants (4)");
 * models written before `otherCounts` list every text as typed.
 */
export function otherItems(question: QuestionResult, lang: ReportLang): string[] {
  if (question.otherCounts?.length)
    return question.otherCounts.map(({ text, count }) =>
      count > 1 ? `${text} (${formatNumber(count, lang, 0)})` : text,
    );
  return question.otherTexts ?? [];
}

/**
 * The question's own notes that its tables do not already print (the multiple-choice reminder is
 * both a model note and a table note: printed once, under the table).
 */
export function questionNotes(question: QuestionResult, blocks: Block[]): string[] {
  const printed = new Set(blocks.flatMap((b) => (b.type === 'table' ? b.notes : [])));
  return (question.notes ?? []).filter((note) => !printed.has(note));
}

/** Which columns hold numbers (right-aligned, narrow); decided by the body cells, the label column never. */
export function numericColumns(table: TableBlock): boolean[] {
  return table.head.map((_, i) => {
    const cells = table.rows.map((row) => row[i]).filter((c): c is Cell => c !== undefined);
    return cells.length > 0 ? cells.every((c) => c.format !== 'text') : i > 0;
  });
}
