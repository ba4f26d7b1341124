/* eslint-disable @typescript-eslint/no-unnecessary-type-assertion -- pdfmake's Content union: these literals need their assertion for tsc, the rule misreads the contextual type. */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { CHART_FONT_FILES, CHART_WIDTH, questionChartSvg, svgSize } from '../charts/index.js';
import { labels } from '../i18n.js';
import type { QuestionResult, ReportModel } from '../model.js';
import { coverPdf } from './cover-pdf.js';
import type { DocumentCover } from './cover.js';
import { reportOutline, type OutlineQuestion } from './outline.js';
import { participationByGroupTable, participationTable, reportDate, scopeLines } from './participation.js';
import {
  colon,
  numericColumns,
  questionBlocks,
  questionNotes,
  type Block,
  type ListBlock,
  type TableBlock,
} from './view.js';

/**
 * PDF without a browser (pdfmake + pdfkit). DejaVu Sans covers French accents and the no-break
 * spaces of French numbers; pdfmake's bundled Roboto is the fallback on systems without it.
 */

export const PDF_FONT = 'DejaVu Sans';
const DEJAVU = '/usr/share/fonts/truetype/dejavu';
/** A4 width (595 pt) minus 2 × 45 pt margins. */
const CONTENT_WIDTH_PT = 505;

function fontFiles(): { normal: string; bold: string; italics: string; bolditalics: string } {
  const dejavu = {
    normal: join(DEJAVU, 'DejaVuSans.ttf'),
    bold: join(DEJAVU, 'DejaVuSans-Bold.ttf'),
    italics: join(DEJAVU, 'DejaVuSans-Oblique.ttf'),
    bolditalics: join(DEJAVU, 'DejaVuSans-BoldOblique.ttf'),
  };
  if (Object.values(dejavu).every(existsSync)) return dejavu;
  const roboto = join(
    dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')),
    'fonts',
    'Roboto',
  );
  return {
    normal: join(roboto, 'Roboto-Regular.ttf'),
    bold: join(roboto, 'Roboto-Medium.ttf'),
    italics: join(roboto, 'Roboto-Italic.ttf'),
    bolditalics: join(roboto, 'Roboto-MediumItalic.ttf'),
  };
}

type FontFiles = ReturnType<typeof fontFiles>;
let fontTable: Record<string, FontFiles> | undefined;

function reportFonts(): Record<string, FontFiles> {
  if (fontTable) return fontTable;
  const files = fontFiles();
  const fonts: Record<string, FontFiles> = { [PDF_FONT]: files, 'sans-serif': files, Roboto: files };
  // Chart text asks for the faces ECharts measured with (see CHART_FONT); map those we have.
  for (const f of CHART_FONT_FILES) {
    fonts[f.family] ??= { normal: f.regular, bold: f.bold, italics: f.regular, bolditalics: f.bold };
  }
  fontTable = fonts;
  return fonts;
}

/**
 * pdfmake is a process-wide singleton that other PDF producers (the brochure) configure too, so
 * the report's fonts and access policies are applied before every document, not once.
 */
export function configurePdfFonts(): void {
  const fonts = reportFonts();
  const allowed = new Set(Object.values(fonts).flatMap((f) => Object.values(f)));
  pdfmake.setFonts(fonts);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path: string) => allowed.has(path));
}

const MUTED = '#6b7380';

export function pdfTable(table: TableBlock): Content[] {
  const numeric = numericColumns(table);
  const texts = numeric.filter((n) => !n).length;
  // Short tables keep a readable width instead of stretching their label column across the page.
  const narrow = table.head.length - texts <= 2;
  const widths = numeric.map((isNumber) =>
    isNumber ? 'auto' : narrow ? Math.floor(250 / Math.max(1, texts)) : '*',
  );
  const body: TableCell[][] = [];
  if (table.headGroups) {
    body.push(
      table.headGroups.flatMap((g) => [
        { text: g.label, style: 'th', colSpan: g.span > 1 ? g.span : undefined },
        ...Array.from({ length: g.span - 1 }, () => ({ text: '' })),
      ]),
    );
  }
  body.push(
    table.head.map(
      (h, i) => ({ text: h, style: 'th', alignment: numeric[i] ? 'right' : 'left' }) as TableCell,
    ),
  );
  for (const row of table.rows) {
    const muted = row[0]?.muted === true;
    body.push(
      row.map((cell) => ({
        text: cell.text,
        alignment: cell.format === 'text' ? 'left' : 'right',
        italics: muted,
        color: muted ? MUTED : undefined,
      })),
    );
  }
  const content: Content[] = [
    ...(table.captionIsTitle ? [] : [{ text: table.caption, style: 'caption' }]),
    {
      table: {
        headerRows: table.headGroups ? 2 : 1,
        dontBreakRows: true,
        keepWithHeaderRows: 1,
        widths,
        body,
      },
      layout: {
        hLineColor: () => '#c8ced6',
        vLineColor: () => '#c8ced6',
        fillColor: (rowIndex: number) => (rowIndex < (table.headGroups ? 2 : 1) ? '#eef2f7' : null),
      },
      style: 'table',
    },
    ...table.notes.map((n) => ({ text: n, style: 'note' })),
  ];
  // A short table moves whole to the next page rather than leaving its last rows orphaned.
  return table.rows.length <= KEEP_TOGETHER_ROWS ? [{ stack: content, unbreakable: true }] : content;
}

const KEEP_TOGETHER_ROWS = 25;

/** A list this short moves whole with its title; a longer one takes at least its first items along. */
const KEEP_LIST_ITEMS = 15;
const LIST_LEAD_ITEMS = 3;

export function pdfList(list: ListBlock): Content[] {
  const title = { text: list.title, style: 'h4' } as Content;
  const items = list.items.map((t) => ({ text: t }));
  const lead = items.length <= KEEP_LIST_ITEMS ? items.length : LIST_LEAD_ITEMS;
  const rest = items.slice(lead);
  return [
    { stack: [title, { ul: items.slice(0, lead), style: 'list' }], unbreakable: true } as Content,
    ...(rest.length ? [{ ul: rest, style: 'list' } as Content] : []),
  ];
}

function pdfBlock(block: Block): Content[] {
  return block.type === 'table' ? pdfTable(block) : pdfList(block);
}

export function pdfChart(question: QuestionResult, lang: ReportModel['lang']): Content | undefined {
  const svg = questionChartSvg(question, lang);
  if (!svg) return undefined;
  const { width } = svgSize(svg);
  return {
    svg,
    width: Math.min(CONTENT_WIDTH_PT, (width * CONTENT_WIDTH_PT) / CHART_WIDTH),
    font: PDF_FONT,
    margin: [0, 6, 0, 12],
  } as Content;
}

/**
 * Heading, main table and chart move as one block when they fit on a page (the chart right under
 * the table it draws), then the other tables and lists, then the notes the tables do not print.
 */
function questionContent(entry: OutlineQuestion, model: ReportModel): Content[] {
  const { question } = entry;
  const chart = pdfChart(question, model.lang);
  const heading = {
    text: entry.heading,
    style: 'h2',
    headlineLevel: 2,
    tocItem: true,
    tocStyle: 'tocQuestion',
    tocMargin: [14, 0, 0, 0],
  } as Content;
  const blocks = questionBlocks(question, model.method.quartiles, model.lang);
  const [first, ...rest] = blocks.map(pdfBlock);
  const firstMoves = first?.length === 1 && (first[0] as { unbreakable?: boolean }).unbreakable === true;
  const opening: Content[] = firstMoves
    ? [{ stack: [heading, ...first, ...(chart ? [chart] : [])], unbreakable: true }]
    : [heading, ...(first ?? []), ...(chart ? [chart] : [])];
  return [
    ...opening,
    ...rest.flat(),
    ...questionNotes(question, blocks).map((n) => ({ text: n, style: 'note' })),
  ];
}

/**
 * pdfmake has no "keep with next": a heading (or a list title) that ends a page is moved to the
 * next one, with what follows it.
 */
function headingAtFootOfPage(
  node: { headlineLevel?: unknown; pageNumbers?: number[] },
  nodes: { getFollowingNodesOnPage(): unknown[] },
): boolean {
  return node.headlineLevel !== undefined && nodes.getFollowingNodesOnPage().length === 0;
}

function titlePage(model: ReportModel): Content[] {
  const l = labels(model.lang);
  const byGroup = participationByGroupTable(model);
  return [
    { text: model.title, style: 'title', margin: [0, 120, 0, 16] },
    ...(model.description ? [{ text: model.description, style: 'description' }] : []),
    { text: `${l.reportDate}${colon(model.lang)} ${reportDate(model)}`, color: MUTED, margin: [0, 0, 0, 30] },
    ...scopeLines(model).map((text) => ({ text, bold: true, margin: [0, 0, 0, 8] }) as Content),
    ...pdfTable(participationTable(model)),
    ...(byGroup ? pdfTable(byGroup) : []),
    { text: '', pageBreak: 'after' },
  ];
}

/** Builds a PDF from a pdfmake definition with the report fonts (for the brochure too). */
export async function pdfBuffer(doc: TDocumentDefinitions): Promise<Buffer> {
  configurePdfFonts();
  return pdfmake.createPdf(doc).getBuffer();
}

export async function renderPdf(model: ReportModel, cover?: DocumentCover): Promise<Buffer> {
  const l = labels(model.lang);
  const sections = reportOutline(model);
  const content: Content[] = [
    ...coverPdf(cover),
    ...titlePage(model),
    { toc: { title: { text: l.contents, style: 'h1' } } } as Content,
    ...sections.flatMap((s): Content[] => [
      { text: s.heading, style: 'h1', tocItem: true, tocStyle: 'tocSection', pageBreak: 'before' } as Content,
      ...s.questions.flatMap((q) => questionContent(q, model)),
    ]),
  ];
  if (model.method.notes.length) {
    content.push({
      text: l.methodNotes,
      style: 'h1',
      pageBreak: 'before',
      tocItem: true,
      tocStyle: 'tocSection',
    } as Content);
    // pdfmake rewrites the nodes it is given in place: never hand it the model's own arrays.
    content.push({ ol: model.method.notes.map((text) => ({ text })), style: 'list' });
  }
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [45, 50, 45, 50],
    info: { title: model.title, creator: 'Panorama', producer: 'Panorama' },
    language: model.lang,
    defaultStyle: { font: PDF_FONT, fontSize: 9.5, lineHeight: 1.15 },
    header: (page: number) =>
      page > 1
        ? { text: model.title, alignment: 'right', fontSize: 7.5, color: MUTED, margin: [45, 22, 45, 0] }
        : '',
    footer: (page: number, pages: number) => ({
      text: `${l.page} ${page} ${l.pageOf} ${pages}`,
      alignment: 'center',
      fontSize: 7.5,
      color: MUTED,
      margin: [45, 18, 45, 0],
    }),
    styles: {
      title: { fontSize: 22, bold: true, color: '#2f6fb0' },
      description: { fontSize: 12, margin: [0, 0, 0, 12] },
      h1: { fontSize: 16, bold: true, color: '#2f6fb0', margin: [0, 0, 0, 10] },
      h2: { fontSize: 11.5, bold: true, margin: [0, 14, 0, 4] },
      h4: { fontSize: 9, bold: true, color: MUTED, margin: [0, 6, 0, 2] },
      th: { bold: true },
      caption: { fontSize: 8, bold: true, color: MUTED, margin: [0, 6, 0, 2] },
      table: { fontSize: 8.5, margin: [0, 0, 0, 2] },
      note: { fontSize: 7.5, italics: true, color: MUTED, margin: [0, 0, 0, 2] },
      list: { fontSize: 8.5, margin: [0, 0, 0, 6] },
      tocSection: { bold: true, margin: [0, 4, 0, 0] },
      tocQuestion: { fontSize: 8.5, color: '#333333' },
    },
    pageBreakBefore: headingAtFootOfPage,
    content,
  };
  return pdfBuffer(doc);
}
