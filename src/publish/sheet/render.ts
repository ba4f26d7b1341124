import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { formatNumber, formatYear } from '../../report/format.js';
import { escapeHtml } from '../../report/render/html.js';
import { escapeXml, MAP_COLORS, MAP_FONT } from '../map/svg.js';
import { BROCHURE_COLORS as C } from '../brochure/html.js';
import { pdfBuffer } from '../../report/render/pdf.js';
import type { SheetRow, StructureSheet } from './model.js';

const W = 300;
const LINE = 16;

/** One row's comparison: each group's interquartile range (bar) and median (tick); the structure's value as a magenta line. */
export function sheetRowSvg(row: SheetRow, lang: 'fr' | 'en'): string {
  const shown = row.groups.filter((g) => g.q1 !== null && g.q3 !== null);
  const numbers = [row.value, ...shown.flatMap((g) => [g.q1, g.q3])].filter((v): v is number => v !== null);
  const height = row.groups.length * LINE + 18;
  if (numbers.length === 0)
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${height}"></svg>`;
  let lo = Math.min(...numbers);
  let hi = Math.max(...numbers);
  if (hi === lo) {
    lo -= 1;
    hi += 1;
  }
  const pad = (hi - lo) * 0.08;
  lo -= pad;
  hi += pad;
  const x = (v: number) => 8 + ((v - lo) / (hi - lo)) * (W - 16);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${height}" viewBox="0 0 ${W} ${height}" font-family="${MAP_FONT}">`,
  ];
  row.groups.forEach((g, i) => {
    const y = 4 + i * LINE;
    parts.push(`<line x1="8" x2="${W - 8}" y1="${y + 6}" y2="${y + 6}" stroke="#e3e8ee" stroke-width="1"/>`);
    if (g.q1 === null || g.q3 === null || g.median === null) return;
    parts.push(
      `<rect x="${x(g.q1).toFixed(1)}" y="${y}" width="${Math.max(1.5, x(g.q3) - x(g.q1)).toFixed(1)}" height="12" fill="${g.key === 'network' ? MAP_COLORS.bubbleLight : MAP_COLORS.bubble}"/>`,
    );
    parts.push(
      `<line x1="${x(g.median).toFixed(1)}" x2="${x(g.median).toFixed(1)}" y1="${y - 1}" y2="${y + 13}" stroke="${MAP_COLORS.ink}" stroke-width="2"/>`,
    );
  });
  if (row.value !== null) {
    const vx = x(row.value).toFixed(1);
    parts.push(
      `<line x1="${vx}" x2="${vx}" y1="0" y2="${height - 14}" stroke="${MAP_COLORS.accent}" stroke-width="2.5"/>`,
    );
    parts.push(
      `<text x="${vx}" y="${height - 2}" text-anchor="middle" font-size="9" fill="${MAP_COLORS.accent}">${escapeXml(num(row.value, lang, row.year))}</text>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}

/** Large amounts (budgets) print without decimals; counts and rates keep two. */
function num(v: number, lang: 'fr' | 'en', year = false): string {
  if (year) return formatYear(v, lang);
  return formatNumber(v, lang, Math.abs(v) >= 1000 ? 0 : 2);
}

function fmt(v: number | null, lang: 'fr' | 'en', year = false): string {
  return v === null ? 's' : num(v, lang, year);
}

function texts(sheet: StructureSheet) {
  const fr = sheet.lang === 'fr';
  return {
    title: fr ? `Fiche de ${sheet.structure.name}` : `${sheet.structure.name}: structure sheet`,
    subtitle: [
      sheet.surveyTitle,
      sheet.territory ? `${fr ? 'Territoire' : 'Territory'} : ${sheet.territory}` : undefined,
      sheet.sizeClass ? `${fr ? 'Taille' : 'Size'} (${sheet.sizeQuestion}) : ${sheet.sizeClass}` : undefined,
    ]
      .filter(Boolean)
      .join(' · '),
    head: fr
      ? ['Indicateur', 'Votre valeur', 'Groupe', 'n', 'Q1', 'Médiane', 'Q3']
      : ['Indicator', 'Your value', 'Group', 'n', 'Q1', 'Median', 'Q3'],
    legend: fr
      ? `Barres : de Q1 à Q3 (la moitié des structures du groupe), trait noir : médiane, trait rose : votre valeur. « s » : groupe de moins de ${sheet.k} structures (secret statistique).`
      : `Bars: Q1 to Q3 (half the group's structures), black tick: median, pink line: your value. "s": group of fewer than ${sheet.k} structures (confidentiality).`,
  };
}

export function renderSheetHtml(sheet: StructureSheet): string {
  const t = texts(sheet);
  const lang = sheet.lang;
  const rows = sheet.rows
    .map((r) => {
      const groups = r.groups
        .map(
          (g, i) =>
            `<tr>${i === 0 ? `<th rowspan="${r.groups.length}" scope="row">${escapeHtml(r.title)}</th><td rowspan="${r.groups.length}" class="own">${escapeHtml(r.value === null ? '—' : num(r.value, lang, r.year))}</td>` : ''}<td>${escapeHtml(g.label)}</td><td class="n">${g.n}</td><td class="n">${fmt(g.q1, lang, r.year)}</td><td class="n">${fmt(g.median, lang, r.year)}</td><td class="n">${fmt(g.q3, lang, r.year)}</td>${i === 0 ? `<td rowspan="${r.groups.length}">${sheetRowSvg(r, lang)}</td>` : ''}</tr>`,
        )
        .join('');
      return `<tbody>${groups}</tbody>`;
    })
    .join('');
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(t.title)}</title><style>
body{font-family:"DejaVu Sans",Verdana,Arial,sans-serif;color:${C.ink};margin:0;background:#fff}
header{background:${C.blue};color:#fff;padding:10mm 12mm;border-bottom:5px solid ${C.accent}}
h1{margin:0 0 2mm;font-size:20pt}main{padding:6mm 12mm}
table{border-collapse:collapse;width:100%;font-size:9pt}th,td{padding:1.2mm 2mm;border-bottom:1px solid #e3e8ee;text-align:left;vertical-align:middle}
thead th{background:${C.pale}}td.n,td.own{text-align:right;white-space:nowrap}td.own{font-weight:bold;color:${C.accent}}
tbody{break-inside:avoid}.legend{font-size:8pt;color:${C.muted}}@page{size:A4 landscape;margin:10mm}
.frame{overflow-x:auto}tbody th{position:sticky;left:0;background:#fff;min-width:9rem;box-shadow:inset -1px 0 0 #e3e8ee}
@media screen and (max-width:600px){header{padding:5mm 4mm}h1{font-size:15pt}main{padding:4mm}table{font-size:10pt}}
</style></head><body><header><h1>${escapeHtml(t.title)}</h1><div>${escapeHtml(t.subtitle)}</div></header><main>
<div class="frame"><table><thead><tr>${t.head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}<th></th></tr></thead>${rows}</table></div>
<p class="legend">${escapeHtml(t.legend)}</p></main></body></html>`;
}

export async function renderSheetPdf(sheet: StructureSheet): Promise<Buffer> {
  const t = texts(sheet);
  const lang = sheet.lang;
  const body: Content[][] = [
    [
      ...t.head.map((h): Content => ({ text: h, bold: true, fillColor: C.pale })),
      { text: '', fillColor: C.pale },
    ],
  ];
  for (const r of sheet.rows) {
    r.groups.forEach((g, i) => {
      body.push([
        i === 0 ? { text: r.title, rowSpan: r.groups.length, bold: true } : {},
        i === 0
          ? {
              text: r.value === null ? '—' : num(r.value, lang, r.year),
              rowSpan: r.groups.length,
              color: C.accent,
              bold: true,
              alignment: 'right',
            }
          : {},
        { text: g.label },
        { text: String(g.n), alignment: 'right' },
        { text: fmt(g.q1, lang, r.year), alignment: 'right' },
        { text: fmt(g.median, lang, r.year), alignment: 'right' },
        { text: fmt(g.q3, lang, r.year), alignment: 'right' },
        i === 0 ? ({ svg: sheetRowSvg(r, lang), width: 200, rowSpan: r.groups.length } as Content) : {},
      ] as Content[]);
    });
  }
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [30, 30, 30, 30],
    defaultStyle: { font: 'DejaVu Sans', fontSize: 8, color: C.ink },
    info: { title: t.title, creator: 'Panorama' },
    content: [
      { text: t.title, fontSize: 18, bold: true, color: C.blue },
      { text: t.subtitle, fontSize: 9, color: C.muted, margin: [0, 2, 0, 10] },
      {
        table: { headerRows: 1, dontBreakRows: true, widths: [140, 60, 140, 28, 58, 58, 58, '*'], body },
        layout: { hLineColor: () => '#e3e8ee', vLineWidth: () => 0, hLineWidth: () => 0.5 },
      },
      { text: t.legend, fontSize: 7, color: C.muted, margin: [0, 8, 0, 0] },
    ],
  };
  return pdfBuffer(doc);
}
