import { questionChartSvg } from '../../report/charts/index.js';
import { escapeHtml } from '../../report/render/html.js';
import type { BrochureModel, BrochureSection } from './model.js';
import { coverHtml, type DocumentCover } from '../../report/render/cover.js';
import { brochureMapSvg, colophon, coverLines, participationRows, tileOf, type Tile } from './view.js';

export const BROCHURE_COLORS = {
  ink: '#1f2d3d',
  accent: '#e5007d',
  blue: '#2f6fb0',
  pale: '#f3f6fa',
  // 5.3:1 on the pale tiles, 5.7:1 on white (WCAG AA asks 4.5:1 for the small trend lines).
  muted: '#5f6773',
};

const CSS = `
*{box-sizing:border-box}
body{margin:0;font-family:"DejaVu Sans",Verdana,Arial,sans-serif;color:${BROCHURE_COLORS.ink};background:#e9edf2}
.page{max-width:210mm;margin:0 auto;background:#fff;padding:0 0 12mm}
.cover{background:${BROCHURE_COLORS.blue};color:#fff;padding:14mm 14mm 10mm;border-bottom:6px solid ${BROCHURE_COLORS.accent}}
.cover .kicker{text-transform:uppercase;letter-spacing:.08em;font-size:10pt;opacity:.9}
.cover h1{font-size:24pt;margin:4mm 0 3mm;line-height:1.15}
.cover .subtitle{font-size:12pt;opacity:.95}
section{padding:6mm 14mm 0;break-inside:auto}
h2{font-size:14pt;text-transform:uppercase;color:${BROCHURE_COLORS.accent};border-bottom:2px solid ${BROCHURE_COLORS.accent};padding-bottom:1.5mm;margin:4mm 0 3mm;break-after:avoid}
.intro{font-size:10pt;margin:0 0 3mm}
.tiles{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:4mm}
.tile{background:${BROCHURE_COLORS.pale};border-left:4px solid ${BROCHURE_COLORS.blue};padding:3.5mm 4mm;break-inside:avoid}
.tile .big{font-size:22pt;font-weight:bold;color:${BROCHURE_COLORS.blue};line-height:1.1;overflow-wrap:anywhere}
.tile .big.wordy{font-size:13pt;white-space:normal}
.tile .caption{font-size:9pt;margin-top:1.5mm;line-height:1.3}
.tile .trend{font-size:8pt;color:${BROCHURE_COLORS.muted};margin-top:1.5mm}
.tile.suppressed{border-left-color:#b4b4b4}
.tile.suppressed .big{color:#b4b4b4}
.tile.suppressed .caption{color:${BROCHURE_COLORS.muted}}
.chart{margin:4mm 0 0;break-inside:avoid}
.chart h3{font-size:10pt;margin:0 0 1mm}
.chart .base{font-size:8pt;color:${BROCHURE_COLORS.muted}}
.chart svg,.map svg{max-width:100%;height:auto}
.map{text-align:center;break-inside:avoid}
table.participation{border-collapse:collapse;margin:4mm auto 0;font-size:9pt;min-width:60%}
.participation th,.participation td{padding:1.2mm 3mm;border-bottom:1px solid #dde3ea;text-align:right}
.participation th:first-child,.participation td:first-child{text-align:left}
.participation thead th{background:${BROCHURE_COLORS.pale}}.participation tr:last-child td{font-weight:bold}
.method{font-size:8pt;color:${BROCHURE_COLORS.muted}}
.method li{margin-bottom:1mm}
footer{padding:4mm 14mm 0;font-size:8pt;color:${BROCHURE_COLORS.muted};border-top:1px solid #dde3ea;margin-top:6mm}
@page{size:A4;margin:10mm 0}
@media print{body{background:#fff}.page{max-width:none}.tile .big{font-size:18pt}.tile .big.wordy{font-size:12pt}.cover{-webkit-print-color-adjust:exact;print-color-adjust:exact}.tile{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
@media (max-width:700px){.tiles{grid-template-columns:1fr 1fr}}
`;

function tileHtml(t: Tile): string {
  return (
    `<div class="tile${t.suppressed ? ' suppressed' : ''}" data-figure="${escapeHtml(t.id)}">` +
    `<div class="big${t.wordy ? ' wordy' : ''}">${escapeHtml(t.big)}</div>` +
    `<div class="caption">${escapeHtml(t.suppressed ? `${t.caption} — ${t.suppressed}` : t.caption)}</div>` +
    (t.trend ? `<div class="trend">${escapeHtml(t.trend)}</div>` : '') +
    `</div>`
  );
}

function sectionHtml(section: BrochureSection, model: BrochureModel): string {
  const base = model.lang === 'fr' ? 'réponses' : 'responses';
  const charts = section.charts
    .map((q) => {
      const svg = questionChartSvg(q, model.lang);
      return svg
        ? `<figure class="chart"><h3>${escapeHtml(q.title)}</h3>${svg}<div class="base">${q.base} ${base}${(q.notes ?? []).map((n) => ` · ${escapeHtml(n)}`).join('')}</div></figure>`
        : '';
    })
    .join('');
  return (
    `<section><h2>${escapeHtml(section.title)}</h2>` +
    (section.intro ? `<p class="intro">${escapeHtml(section.intro)}</p>` : '') +
    `<div class="tiles">${section.figures.map((f) => tileHtml(tileOf(f, model.lang))).join('')}</div>${charts}</section>`
  );
}

function participationHtml(model: BrochureModel): string {
  const { head, rows } = participationRows(model);
  return `<table class="participation"><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/** A self-contained page (inline CSS and SVG), readable on screen and printable on A4. */
export function renderBrochureHtml(model: BrochureModel, identity?: DocumentCover): string {
  const cover = coverLines(model);
  const map = brochureMapSvg(model);
  const fr = model.lang === 'fr';
  return (
    `<!DOCTYPE html><html lang="${model.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>${escapeHtml(`${cover.title} — ${model.scopeLabel}`)}</title><style>${CSS}</style></head><body><main class="page">` +
    `<div style="padding:6mm 14mm 0">${coverHtml(identity)}</div>` +
    `<header class="cover"><div class="kicker">${escapeHtml(cover.kicker)}</div><h1>${escapeHtml(cover.title)}</h1><div class="subtitle">${escapeHtml(cover.subtitle)}</div></header>` +
    model.sections.map((s) => sectionHtml(s, model)).join('') +
    (map
      ? `<section class="map"><h2>${fr ? 'Le réseau sur le territoire' : 'The network'}</h2>${map}${participationHtml(model)}</section>`
      : '') +
    `<section class="method"><h2>${fr ? 'Note de méthode' : 'Method'}</h2><ul>${model.methodNotes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul></section>` +
    `<footer>${escapeHtml(colophon(model))}</footer></main></body></html>`
  );
}
