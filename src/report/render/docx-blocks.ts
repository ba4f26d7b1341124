import {
  AlignmentType,
  BorderStyle,
  HeadingLevel,
  ImageRun,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import { questionChartSvg, svgSize, svgToPng } from '../charts/index.js';
import { labels } from '../i18n.js';
import type { QuestionResult, ReportModel } from '../model.js';
import { numericColumns, type Cell, type ListBlock, type TableBlock } from './view.js';

/** Word building blocks shared by the report and the brochure: tables, lists, notes, charts. */

export const DOCX_FONT = 'Calibri';
export const ACCENT = '2F6FB0';
export const MUTED = '6B7380';
const RULE = 'C8CED6';
/** Usable width of an A4 page with 2 cm margins, in pixels at 96 dpi (what docx images use). */
const CONTENT_WIDTH_PX = 600;

const border = { style: BorderStyle.SINGLE, size: 4, color: RULE };
const borders = { top: border, bottom: border, left: border, right: border };

interface CellOptions {
  right?: boolean;
  bold?: boolean;
  muted?: boolean;
  /** Word keeps a table on one page when every row but the last "keeps with next". */
  keepNext?: boolean;
  /** Half-points; wide cross tables use a smaller size to fit the page. */
  size?: number;
}

/** Word ignores "\n" inside a run: each line after the first becomes a run with a line break. */
export function textRuns(
  text: string,
  options: Omit<IRunOptions, 'text' | 'break' | 'children'> = {},
): TextRun[] {
  return text
    .split(/\r?\n/)
    .map((line, i) => new TextRun({ ...options, text: line, break: i > 0 ? 1 : undefined }));
}

function cellParagraph(text: string, options: CellOptions = {}): Paragraph {
  return new Paragraph({
    keepNext: options.keepNext,
    alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
    spacing: { before: 20, after: 20 },
    children: textRuns(text, {
      bold: options.bold,
      italics: options.muted,
      color: options.muted ? MUTED : undefined,
      size: options.size ?? 19,
    }),
  });
}

function headCell(text: string, right: boolean, size: number, span = 1): TableCell {
  return new TableCell({
    borders,
    columnSpan: span > 1 ? span : undefined,
    shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'EEF2F7' },
    children: [cellParagraph(text, { right, bold: true, keepNext: true, size })],
  });
}

function bodyCell(cell: Cell, muted: boolean, keepNext: boolean, size: number): TableCell {
  return new TableCell({
    borders,
    children: [cellParagraph(cell.text, { right: cell.format !== 'text', muted, keepNext, size })],
  });
}

/** Beyond this many number columns (cross tables) cells shrink so "Décompte" still fits. */
const COMPACT_FROM = 5;

const KEEP_TOGETHER_ROWS = 25;

/** Page width between 2 cm margins, in twentieths of a point. */
const CONTENT_WIDTH_TWIPS = 9638;
const LABEL_TWIPS = 4400;
const NUMBER_TWIPS = 1700;

/** Number columns get a fixed width (shrunk when many); text columns share what is left. */
function columnWidths(table: TableBlock): number[] {
  const numeric = numericColumns(table);
  const numbers = numeric.filter(Boolean).length;
  const texts = Math.max(1, numeric.length - numbers);
  const total = Math.min(CONTENT_WIDTH_TWIPS, texts * LABEL_TWIPS + numbers * NUMBER_TWIPS);
  const share = numbers >= COMPACT_FROM ? 0.8 : 2 / 3;
  const number = Math.min(NUMBER_TWIPS, Math.floor((total * share) / Math.max(1, numbers)));
  const text = Math.floor((total - number * numbers) / texts);
  return numeric.map((isNumber) => (isNumber ? number : text));
}

export function noteParagraph(text: string, keepNext = false): Paragraph {
  return new Paragraph({
    keepNext: keepNext || undefined,
    spacing: { before: 0, after: 60 },
    children: textRuns(text, { italics: true, size: 16, color: MUTED }),
  });
}

export function captionParagraph(text: string): Paragraph {
  return new Paragraph({
    keepNext: true,
    spacing: { before: 160, after: 60 },
    children: [new TextRun({ text, bold: true, size: 18, color: MUTED })],
  });
}

/**
 * Word keeps a short table on one page when every row "keeps with next"; the last row too when the
 * table must stay with what follows. A long table may break, but its last rows go with its chart.
 */
function keepRow(row: number, rows: number, together: boolean, keepWithNext: boolean): boolean {
  if (keepWithNext) return together || row >= rows - 3;
  return together && row < rows - 1;
}

/**
 * A real Word table: header rows repeat on every page and rows never split across pages.
 * `keepWithNext`: the table's end and its notes stay on the page of what follows (its chart).
 */
export function docxTable(table: TableBlock, keepWithNext = false): (Paragraph | Table)[] {
  const numeric = numericColumns(table);
  const size = numeric.filter(Boolean).length >= COMPACT_FROM ? 16 : 19;
  const headRows: TableRow[] = [];
  if (table.headGroups) {
    headRows.push(
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: table.headGroups.map((g) => headCell(g.label, false, size, g.span)),
      }),
    );
  }
  headRows.push(
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: table.head.map((h, i) => headCell(h, numeric[i] === true, size)),
    }),
  );
  const together = table.rows.length <= KEEP_TOGETHER_ROWS;
  const bodyRows = table.rows.map(
    (row, r) =>
      new TableRow({
        cantSplit: true,
        children: row.map((cell) =>
          bodyCell(cell, row[0]?.muted === true, keepRow(r, table.rows.length, together, keepWithNext), size),
        ),
      }),
  );
  const widths = columnWidths(table);
  return [
    ...(table.captionIsTitle ? [] : [captionParagraph(table.caption)]),
    new Table({
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      margins: { left: 70, right: 70 },
      columnWidths: widths,
      rows: [...headRows, ...bodyRows],
    }),
    ...table.notes.map((note) => noteParagraph(note, keepWithNext)),
  ];
}

export function docxList(list: ListBlock): Paragraph[] {
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_4, keepNext: true, text: list.title }),
    ...list.items.map(
      (item) =>
        new Paragraph({
          bullet: { level: 0 },
          spacing: { after: 40 },
          children: textRuns(item, { size: 19 }),
        }),
    ),
  ];
}

/** The question's chart as a PNG paragraph (rendered at 1.5× its size: sharp enough in print, still small). */
export function docxChart(question: QuestionResult, lang: ReportModel['lang']): Paragraph | undefined {
  const svg = questionChartSvg(question, lang);
  if (!svg) return undefined;
  const { width, height } = svgSize(svg);
  const scale = Math.min(1, CONTENT_WIDTH_PX / width);
  return new Paragraph({
    spacing: { before: 120, after: 200 },
    children: [
      new ImageRun({
        type: 'png',
        data: svgToPng(svg, width * 1.5),
        transformation: { width: Math.round(width * scale), height: Math.round(height * scale) },
        altText: {
          name: question.name,
          title: question.title,
          description: `${labels(lang).chart}: ${question.title}`,
        },
      }),
    ],
  });
}
