import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  TableOfContents,
  TextRun,
  type ISectionOptions,
  type Table,
} from 'docx';
import { labels } from '../i18n.js';
import type { ReportModel } from '../model.js';
import { coverDocx } from './cover-docx.js';
import type { DocumentCover } from './cover.js';
import {
  ACCENT,
  DOCX_FONT,
  MUTED,
  docxChart,
  docxList,
  docxTable,
  noteParagraph,
  textRuns,
} from './docx-blocks.js';
import { reportOutline, type OutlineQuestion } from './outline.js';
import { participationByGroupTable, participationTable, reportDate, scopeLines } from './participation.js';
import { colon, questionBlocks, questionNotes, type Block } from './view.js';

/**
 * Word export: built-in heading styles (so the navigation pane and a generated table of contents
 * work), real tables with repeated header rows, charts as PNG images, page numbers in the footer.
 */

export * from './docx-blocks.js';

function docxBlock(block: Block, keepWithNext = false): (Paragraph | Table)[] {
  return block.type === 'table' ? docxTable(block, keepWithNext) : docxList(block);
}

/**
 * Heading, main table and chart keep together (the chart right under the table it draws), then
 * the other tables and lists, then the notes the tables do not already print.
 */
function questionChildren(entry: OutlineQuestion, model: ReportModel): (Paragraph | Table)[] {
  const { question } = entry;
  const chart = docxChart(question, model.lang);
  const blocks = questionBlocks(question, model.method.quartiles, model.lang);
  const [first, ...rest] = blocks;
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, text: entry.heading }),
    ...(first ? docxBlock(first, chart !== undefined) : []),
    ...(chart ? [chart] : []),
    ...rest.flatMap((block) => docxBlock(block)),
    ...questionNotes(question, blocks).map((note) => noteParagraph(note)),
  ];
}

/** Word's own table of contents field (TOC \\o "1-2" \\h), pre-filled so it reads before Word updates it. */
function tableOfContents(model: ReportModel): (Paragraph | TableOfContents)[] {
  return [
    // Not a heading style: the contents would otherwise list itself.
    new Paragraph({
      spacing: { before: 240, after: 160 },
      children: [new TextRun({ text: labels(model.lang).contents, bold: true, size: 32, color: ACCENT })],
    }),
    new TableOfContents(labels(model.lang).contents, { hyperlink: true, headingStyleRange: '1-2' }),
  ];
}

function titlePage(model: ReportModel): (Paragraph | Table)[] {
  const l = labels(model.lang);
  const byGroup = participationByGroupTable(model);
  return [
    new Paragraph({ spacing: { before: 2400 }, heading: HeadingLevel.TITLE, text: model.title }),
    ...(model.description
      ? [new Paragraph({ spacing: { after: 240 }, children: textRuns(model.description, { size: 24 }) })]
      : []),
    new Paragraph({
      spacing: { after: 480 },
      children: [
        new TextRun({ text: `${l.reportDate}${colon(model.lang)} ${reportDate(model)}`, color: MUTED }),
      ],
    }),
    ...scopeLines(model).map(
      (line) => new Paragraph({ spacing: { after: 120 }, children: textRuns(line, { bold: true }) }),
    ),
    ...docxTable(participationTable(model)),
    ...(byGroup ? docxTable(byGroup) : []),
  ];
}

/** A4 portrait with 2 cm margins (in twips). */
export const DOCX_PAGE = {
  size: { width: 11906, height: 16838 },
  margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
};

/** "Page 3 sur 12", centred. */
export function docxPageFooter(lang: ReportModel['lang']): Footer {
  const l = labels(lang);
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            size: 16,
            color: MUTED,
            children: [`${l.page} `, PageNumber.CURRENT, ` ${l.pageOf} `, PageNumber.TOTAL_PAGES],
          }),
        ],
      }),
    ],
  });
}

/** The document title, small and right-aligned, on every page but the title page. */
export function docxPageHeader(title: string): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ text: title, size: 16, color: MUTED })],
      }),
    ],
  });
}

/** Word styles of the report (headings keep Word's built-in ids so the navigation pane works). */
export function docxStyles(lang: ReportModel['lang']) {
  return {
    default: {
      document: {
        run: { font: DOCX_FONT, size: 21, language: { value: lang === 'fr' ? 'fr-FR' : 'en-GB' } },
      },
      title: { run: { font: DOCX_FONT, size: 48, bold: true, color: ACCENT } },
      heading1: {
        run: { font: DOCX_FONT, size: 32, bold: true, color: ACCENT },
        paragraph: { spacing: { before: 240, after: 160 } },
      },
      heading2: {
        run: { font: DOCX_FONT, size: 24, bold: true },
        paragraph: { spacing: { before: 360, after: 120 } },
      },
      heading4: {
        run: { font: DOCX_FONT, size: 19, bold: true, color: MUTED },
        paragraph: { spacing: { before: 120, after: 60 } },
      },
    },
  };
}

export async function renderDocx(model: ReportModel, cover?: DocumentCover): Promise<Buffer> {
  const l = labels(model.lang);
  const body: (Paragraph | Table | TableOfContents)[] = [
    ...tableOfContents(model),
    ...reportOutline(model).flatMap((section) => [
      new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, text: section.heading }),
      ...section.questions.flatMap((q) => questionChildren(q, model)),
    ]),
  ];
  if (model.method.notes.length) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, text: l.methodNotes }));
    body.push(...model.method.notes.map((n) => new Paragraph({ bullet: { level: 0 }, text: n })));
  }
  const sections: ISectionOptions[] = [
    { properties: { page: DOCX_PAGE }, children: [...coverDocx(cover), ...titlePage(model)] },
    {
      properties: { page: DOCX_PAGE },
      headers: { default: docxPageHeader(model.title) },
      footers: { default: docxPageFooter(model.lang) },
      children: body,
    },
  ];
  const doc = new Document({
    creator: 'Panorama',
    title: model.title,
    description: model.description,
    styles: docxStyles(model.lang),
    // Word offers to update the fields on opening: the table of contents then gets its page numbers.
    features: { updateFields: true },
    sections,
  });
  return Packer.toBuffer(doc);
}
