import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { CHART_WIDTH, questionChartSvg, svgSize } from '../../report/charts/index.js';
import { pdfBuffer, PDF_FONT as FONT } from '../../report/render/pdf.js';
import type { BrochureModel, BrochureSection } from './model.js';
import { coverPdf } from '../../report/render/cover-pdf.js';
import type { DocumentCover } from '../../report/render/cover.js';
import { BROCHURE_COLORS as C } from './html.js';
import { brochureMapSvg, colophon, coverLines, participationRows, tileOf, type Tile } from './view.js';

// pdfmake + pdfkit, no browser, with the survey report's fonts (pdfBuffer) so French text and SVG charts match.
const PAGE_WIDTH = 595.28;
const MARGIN = 40;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;

function tileStack(t: Tile): Content {
  return {
    stack: [
      {
        text: t.big,
        fontSize: t.wordy ? 12 : t.big.length > 10 ? 17 : 21,
        bold: true,
        color: t.suppressed ? '#b4b4b4' : C.blue,
      },
      { text: t.caption, fontSize: 8.5, margin: [0, 3, 0, 0], color: t.suppressed ? C.muted : C.ink },
      ...(t.suppressed
        ? [
            {
              text: t.suppressed,
              fontSize: 7,
              italics: true,
              color: C.muted,
              margin: [0, 2, 0, 0],
            } as Content,
          ]
        : []),
      ...(t.trend ? [{ text: t.trend, fontSize: 7, color: C.muted, margin: [0, 3, 0, 0] } as Content] : []),
    ],
    fillColor: C.pale,
    margin: [6, 6, 4, 6],
  };
}

/** Three tiles per row in one table row, so a row's tiles share their height. */
function tilesGrid(tiles: Tile[]): Content[] {
  const rows: Content[] = [];
  const GAP = 10;
  for (let i = 0; i < tiles.length; i += 3) {
    const row = tiles.slice(i, i + 3);
    const cells: Content[] = [];
    [0, 1, 2].forEach((j) => {
      if (j > 0) cells.push({ text: '' });
      const t = row[j];
      cells.push(t ? tileStack(t) : { text: '' });
    });
    rows.push({
      table: { widths: ['*', GAP, '*', GAP, '*'], body: [cells] },
      layout: {
        hLineWidth: () => 0,
        vLineWidth: (k: number) => (k % 2 === 0 && k < 6 && row[k / 2] ? 3 : 0),
        vLineColor: (k: number) => (row[k / 2]?.suppressed ? '#b4b4b4' : C.blue),
        paddingLeft: () => 0,
        paddingRight: () => 0,
        paddingTop: () => 0,
        paddingBottom: () => 0,
      },
      margin: [0, 0, 0, 10],
      unbreakable: true,
    });
  }
  return rows;
}

function svgBlock(svg: string, maxWidth: number, margin: [number, number, number, number]): Content {
  const { width } = svgSize(svg);
  return {
    svg,
    width: Math.min(maxWidth, (width * maxWidth) / CHART_WIDTH),
    font: FONT,
    margin,
    alignment: 'center',
  };
}

function sectionContent(section: BrochureSection, model: BrochureModel): Content[] {
  const responses = model.lang === 'fr' ? 'réponses' : 'responses';
  const heading: Content = {
    stack: [
      {
        text: section.title.toLocaleUpperCase(model.lang === 'fr' ? 'fr-FR' : 'en-GB'),
        fontSize: 13,
        bold: true,
        color: C.accent,
      },
      {
        canvas: [
          { type: 'line', x1: 0, y1: 2, x2: CONTENT_WIDTH, y2: 2, lineWidth: 1.5, lineColor: C.accent },
        ],
      },
    ],
    margin: [0, 14, 0, 8],
    headlineLevel: 1,
  };
  const intro = section.intro
    ? [{ text: section.intro, fontSize: 9.5, margin: [0, 0, 0, 8] } as Content]
    : [];
  const charts = section.charts.flatMap((q): Content[] => {
    const svg = questionChartSvg(q, model.lang);
    if (!svg) return [];
    return [
      {
        stack: [
          { text: q.title, bold: true, fontSize: 9.5, margin: [0, 4, 0, 2] },
          svgBlock(svg, CONTENT_WIDTH * 0.9, [0, 2, 0, 0]),
          {
            text: [`${q.base} ${responses}`, ...(q.notes ?? []).map((n) => ` · ${n}`)].join(''),
            fontSize: 7,
            color: C.muted,
            margin: [0, 0, 0, 8],
          },
        ],
        unbreakable: true,
      },
    ];
  });
  // The section title never ends a page: it moves with its intro and first row of figures (or chart).
  const [lead, ...rest] = [...tilesGrid(section.figures.map((f) => tileOf(f, model.lang))), ...charts];
  return [{ stack: [heading, ...intro, ...(lead ? [lead] : [])], unbreakable: true }, ...rest];
}

function participationTable(model: BrochureModel): Content {
  const { head, rows } = participationRows(model);
  const align = (i: number) => (i === 0 ? 'left' : 'right');
  return {
    table: {
      headerRows: 1,
      widths: ['*', 70, 70, 80],
      body: [
        head.map((h, i) => ({ text: h, bold: true, fillColor: C.pale, alignment: align(i) })),
        ...rows.map((r, j) =>
          r.map((c, i) => ({ text: c, alignment: align(i), bold: j === rows.length - 1 })),
        ),
      ],
    },
    layout: { hLineWidth: () => 0.5, vLineWidth: () => 0, hLineColor: () => '#dde3ea' },
    fontSize: 8.5,
    margin: [60, 4, 60, 8],
  } as Content;
}

export async function renderBrochurePdf(model: BrochureModel, identity?: DocumentCover): Promise<Buffer> {
  const cover = coverLines(model);
  const fr = model.lang === 'fr';
  const map = brochureMapSvg(model);
  const content: Content[] = [
    {
      stack: [
        {
          text: cover.kicker.toLocaleUpperCase('fr-FR'),
          fontSize: 9,
          color: '#ffffff',
          characterSpacing: 0.6,
        },
        { text: cover.title, fontSize: 22, bold: true, color: '#ffffff', margin: [0, 8, 0, 6] },
        { text: cover.subtitle, fontSize: 11, color: '#ffffff' },
      ],
      margin: [0, 0, 0, 18],
    },
    { stack: coverPdf(identity), margin: [0, 24, 0, 14] },
    ...model.sections.flatMap((s) => sectionContent(s, model)),
    ...(map
      ? [
          {
            stack: [
              {
                text: fr ? 'LE RÉSEAU SUR LE TERRITOIRE' : 'THE NETWORK',
                fontSize: 13,
                bold: true,
                color: C.accent,
                margin: [0, 14, 0, 4],
              },
              svgBlock(map, CONTENT_WIDTH, [0, 4, 0, 8]),
              participationTable(model),
            ],
            unbreakable: true,
          } as Content,
        ]
      : []),
    {
      stack: [
        {
          text: fr ? 'NOTE DE MÉTHODE' : 'METHOD',
          fontSize: 10,
          bold: true,
          color: C.muted,
          margin: [0, 12, 0, 4],
        },
        // pdfmake turns list items into objects in place: it gets a copy, the model stays as it was.
        { ul: [...model.methodNotes], fontSize: 7.5, color: C.muted },
      ],
      unbreakable: true,
    },
  ];
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [MARGIN, 36, MARGIN, 40],
    info: { title: `${model.title} — ${model.scopeLabel}`, creator: 'Panorama', producer: 'Panorama' },
    language: model.lang,
    defaultStyle: { font: FONT, fontSize: 9.5, lineHeight: 1.15, color: C.ink },
    // The cover band is drawn behind the first page's title block.
    background: (page: number) =>
      page === 1
        ? {
            canvas: [
              { type: 'rect', x: 0, y: 0, w: PAGE_WIDTH, h: 150, color: C.blue },
              { type: 'rect', x: 0, y: 150, w: PAGE_WIDTH, h: 5, color: C.accent },
            ],
          }
        : null,
    footer: (page: number, pages: number) => ({
      columns: [
        { text: colophon(model), fontSize: 7, color: C.muted },
        { text: `${page} / ${pages}`, alignment: 'right', fontSize: 7, color: C.muted },
      ],
      margin: [MARGIN, 14, MARGIN, 0],
    }),
    content,
  };
  return pdfBuffer(doc);
}
