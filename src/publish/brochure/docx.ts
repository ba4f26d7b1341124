import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { svgSize, svgToPng } from '../../report/charts/index.js';
import { docxChart } from '../../report/render/docx.js';
import type { BrochureModel, BrochureSection } from './model.js';
import { coverDocx } from '../../report/render/cover-docx.js';
import type { DocumentCover } from '../../report/render/cover.js';
import {
  brochureMapSvg,
  colophon,
  coverLines,
  mapTitle,
  participationRows,
  tileOf,
  type Tile,
} from './view.js';

const FONT = 'Calibri';
const BLUE = '2F6FB0';
const ACCENT = 'E5007D';
const PALE = 'F3F6FA';
const MUTED = '6B7380';
/** A4 width between 2 cm margins, in twentieths of a point, and in pixels (96 dpi) for images. */
const WIDTH_TWIPS = 9638;
const WIDTH_PX = 600;
const GAP_TWIPS = 200;

const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

function tileCell(t: Tile | undefined, width: number): TableCell {
  const color = t?.suppressed ? 'B4B4B4' : BLUE;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    shading: t ? { type: ShadingType.CLEAR, color: 'auto', fill: PALE } : undefined,
    borders: {
      top: none,
      bottom: none,
      right: none,
      left: t ? { style: BorderStyle.SINGLE, size: 24, color } : none,
    },
    margins: { top: 100, bottom: 100, left: 140, right: 100 },
    children: t
      ? [
          new Paragraph({
            children: [
              new TextRun({
                text: t.big,
                bold: true,
                color,
                size: t.wordy ? 24 : t.big.length > 10 ? 34 : 42,
              }),
            ],
          }),
          new Paragraph({ spacing: { before: 60 }, children: [new TextRun({ text: t.caption, size: 18 })] }),
          ...(t.suppressed
            ? [
                new Paragraph({
                  children: [new TextRun({ text: t.suppressed, italics: true, size: 15, color: MUTED })],
                }),
              ]
            : []),
          ...(t.trend
            ? [
                new Paragraph({
                  spacing: { before: 60 },
                  children: [new TextRun({ text: t.trend, size: 15, color: MUTED })],
                }),
              ]
            : []),
        ]
      : [new Paragraph('')],
  });
}

function gapCell(): TableCell {
  return new TableCell({
    width: { size: GAP_TWIPS, type: WidthType.DXA },
    borders: { top: none, bottom: none, left: none, right: none },
    children: [new Paragraph('')],
  });
}

/** Three tiles per row; an empty spacer row keeps rows apart. */
function tilesTable(tiles: Tile[]): Table {
  const tileWidth = Math.floor((WIDTH_TWIPS - 2 * GAP_TWIPS) / 3);
  const rows: TableRow[] = [];
  for (let i = 0; i < tiles.length; i += 3) {
    const row = tiles.slice(i, i + 3);
    if (i > 0) {
      rows.push(
        new TableRow({
          height: { value: GAP_TWIPS, rule: 'exact' },
          children: [0, 1, 2, 3, 4].map(
            () =>
              new TableCell({
                borders: { top: none, bottom: none, left: none, right: none },
                children: [new Paragraph('')],
              }),
          ),
        }),
      );
    }
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [
          tileCell(row[0], tileWidth),
          gapCell(),
          tileCell(row[1], tileWidth),
          gapCell(),
          tileCell(row[2], tileWidth),
        ],
      }),
    );
  }
  return new Table({
    width: { size: WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: [tileWidth, GAP_TWIPS, tileWidth, GAP_TWIPS, tileWidth],
    borders: {
      top: none,
      bottom: none,
      left: none,
      right: none,
      insideHorizontal: none,
      insideVertical: none,
    },
    rows,
  });
}

function heading(text: string): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.HEADING_1,
    keepNext: true,
    spacing: { before: 360, after: 160 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: ACCENT, space: 2 } },
    children: [
      new TextRun({ text: text.toLocaleUpperCase('fr-FR'), color: ACCENT, bold: true, size: 28, font: FONT }),
    ],
  });
}

function sectionChildren(section: BrochureSection, model: BrochureModel): (Paragraph | Table)[] {
  return [
    heading(section.title),
    ...(section.intro
      ? [
          new Paragraph({
            spacing: { after: 160 },
            children: [new TextRun({ text: section.intro, size: 20 })],
          }),
        ]
      : []),
    ...(section.figures.length ? [tilesTable(section.figures.map((f) => tileOf(f, model.lang)))] : []),
    ...section.charts.flatMap((q) => {
      const chart = docxChart(q, model.lang);
      return chart
        ? [
            new Paragraph({
              keepNext: true,
              spacing: { before: 240 },
              children: [new TextRun({ text: q.title, bold: true, size: 19 })],
            }),
            chart,
            new Paragraph({
              children: [
                new TextRun({
                  text: [
                    `${q.base} ${model.lang === 'fr' ? 'réponses' : 'responses'}`,
                    ...(q.notes ?? []),
                  ].join(' · '),
                  size: 14,
                  color: MUTED,
                }),
              ],
            }),
          ]
        : [];
    }),
  ];
}

function participationTable(model: BrochureModel): Table {
  const { head, rows } = participationRows(model);
  const line = { style: BorderStyle.SINGLE, size: 4, color: 'DDE3EA' };
  const widths = [3400, 1700, 1700, 1800];
  const cell = (text: string, i: number, bold: boolean, fill?: string) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      shading: fill ? { type: ShadingType.CLEAR, color: 'auto', fill } : undefined,
      borders: { top: none, left: none, right: none, bottom: line },
      children: [
        new Paragraph({
          alignment: i === 0 ? AlignmentType.LEFT : AlignmentType.RIGHT,
          children: [new TextRun({ text, bold, size: 18 })],
        }),
      ],
    });
  return new Table({
    alignment: AlignmentType.CENTER,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h, i) => cell(h, i, true, PALE)) }),
      ...rows.map((r, j) => new TableRow({ children: r.map((c, i) => cell(c, i, j === rows.length - 1)) })),
    ],
  });
}

function mapParagraph(model: BrochureModel): (Paragraph | Table)[] {
  const svg = brochureMapSvg(model);
  if (!svg) return [];
  const { width, height } = svgSize(svg);
  const scale = Math.min(1, WIDTH_PX / width);
  return [
    heading(model.lang === 'fr' ? 'Le réseau sur le territoire' : 'The network'),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new ImageRun({
          type: 'png',
          data: svgToPng(svg, width * 2),
          transformation: { width: Math.round(width * scale), height: Math.round(height * scale) },
          altText: {
            name: 'carte',
            title: mapTitle(model),
            description: model.map.territories
              .map((t) => `${t.name} : ${t.structures} ${model.map.unit}`)
              .join(' ; '),
          },
        }),
      ],
    }),
    participationTable(model),
  ];
}

export async function renderBrochureDocx(model: BrochureModel, identity?: DocumentCover): Promise<Buffer> {
  const cover = coverLines(model);
  const fr = model.lang === 'fr';
  const coverTable = new Table({
    width: { size: WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: [WIDTH_TWIPS],
    rows: [
      new TableRow({
        children: [
          new TableCell({
            shading: { type: ShadingType.CLEAR, color: 'auto', fill: BLUE },
            borders: {
              top: none,
              left: none,
              right: none,
              bottom: { style: BorderStyle.SINGLE, size: 36, color: ACCENT },
            },
            margins: { top: 300, bottom: 300, left: 300, right: 300 },
            children: [
              new Paragraph({
                children: [
                  new TextRun({ text: cover.kicker.toLocaleUpperCase('fr-FR'), color: 'FFFFFF', size: 18 }),
                ],
              }),
              new Paragraph({
                heading: HeadingLevel.TITLE,
                spacing: { before: 120, after: 120 },
                children: [new TextRun({ text: cover.title, color: 'FFFFFF', bold: true, size: 44 })],
              }),
              new Paragraph({ children: [new TextRun({ text: cover.subtitle, color: 'FFFFFF', size: 22 })] }),
            ],
          }),
        ],
      }),
    ],
  });
  const doc = new Document({
    creator: 'Panorama',
    title: `${model.title} — ${model.scopeLabel}`,
    styles: { default: { document: { run: { font: FONT, size: 20 } } } },
    sections: [
      {
        properties: { page: { margin: { top: 1000, bottom: 1000, left: 1134, right: 1134 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                children: [
                  new TextRun({ text: `${colophon(model)} · `, size: 14, color: MUTED }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 14, color: MUTED }),
                ],
              }),
            ],
          }),
        },
        children: [
          ...coverDocx(identity),
          coverTable,
          ...model.sections.flatMap((s) => sectionChildren(s, model)),
          ...mapParagraph(model),
          heading(fr ? 'Note de méthode' : 'Method'),
          ...model.methodNotes.map(
            (n) =>
              new Paragraph({
                bullet: { level: 0 },
                children: [new TextRun({ text: n, size: 16, color: MUTED })],
              }),
          ),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
