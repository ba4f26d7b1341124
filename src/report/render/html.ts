import { questionChartSvg } from '../charts/index.js';
import { labels } from '../i18n.js';
import type { QuestionResult, ReportModel } from '../model.js';
import { coverHtml, type DocumentCover } from './cover.js';
import { escapeHtml } from './escape.js';

export { escapeHtml };
import {
  anchorId,
  participationByGroupTable,
  participationTable,
  reportDate,
  scopeLines,
  sectionQuestions,
} from './participation.js';
import {
  colon,
  numericColumns,
  questionBlocks,
  type Block,
  type Cell,
  type ListBlock,
  type TableBlock,
} from './view.js';

/**
 * One self-contained HTML file: inline CSS and SVG, no script, no external resource, so it can be
 * mailed, archived or opened offline and printed to A4.
 */

export const REPORT_CSS = `
:root { --ink: #1d2733; --muted: #6b7380; --accent: #2f6fb0; --rule: #d5dae1; --band: #f3f6fa; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); margin: 0; line-height: 1.45; }
main { max-width: 56rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
h1 { font-size: 1.9rem; margin: 0 0 .75rem; color: var(--accent); }
h2 { font-size: 1.4rem; margin: 3rem 0 1rem; padding-bottom: .3rem; border-bottom: 2px solid var(--accent); }
h3 { font-size: 1.05rem; margin: 2rem 0 .6rem; }
h4 { font-size: .95rem; margin: 1rem 0 .4rem; color: var(--muted); }
.title-page { padding-bottom: 2rem; border-bottom: 1px solid var(--rule); }
.description { font-size: 1.05rem; white-space: pre-line; }
.date { color: var(--muted); }
.scope { font-weight: bold; margin: .2rem 0; }
nav ul { list-style: none; padding-left: 0; } nav ul ul { padding-left: 1.4rem; font-size: .92rem; } nav li { margin: .15rem 0; }
nav a { color: var(--accent); text-decoration: none; } nav a:hover { text-decoration: underline; }
.table-scroll { overflow-x: auto; }
table { border-collapse: collapse; margin: .5rem 0 .3rem; min-width: min(24rem, 100%); max-width: 100%; }
caption { text-align: left; font-weight: bold; font-size: .85rem; color: var(--muted); padding-bottom: .3rem; }
th, td { border: 1px solid var(--rule); padding: .3rem .6rem; vertical-align: top; }
thead th { background: var(--band); text-align: left; }
tbody th { text-align: left; font-weight: normal; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.muted td { color: var(--muted); font-style: italic; }
.notes { font-size: .8rem; color: var(--muted); margin: .1rem 0 .8rem; }
.notes p { margin: .1rem 0; }
ul.texts { font-size: .9rem; padding-left: 1.2rem; } ul.texts li { margin: .2rem 0; white-space: pre-line; }
figure { margin: .8rem 0 1.2rem; } figure svg { max-width: 100%; height: auto; }
.question { border-top: 1px solid var(--rule); } h2 + .question { border-top: 0; }
footer { margin-top: 3rem; font-size: .85rem; color: var(--muted); }
@media (max-width: 600px) { main { padding: 1rem .75rem 3rem; } th, td { padding: .25rem .4rem; } h1 { font-size: 1.5rem; } }
@page { size: A4; margin: 18mm 16mm 20mm; }
@media print {
  main { max-width: none; padding: 0; }
  .table-scroll { overflow: visible; }
  .title-page { break-after: page; border: 0; }
  nav { break-after: page; }
  h2 { break-before: page; margin-top: 0; }
  h2, h3, h4, caption { break-after: avoid; }
  table, figure, .notes { break-inside: avoid; }
  a { color: inherit; }
}
`;

function cellHtml(cell: Cell, tag: 'td' | 'th', scope?: string): string {
  const cls = cell.format === 'text' ? '' : ' class="num"';
  const scopeAttr = scope ? ` scope="${scope}"` : '';
  return `<${tag}${cls}${scopeAttr}>${escapeHtml(cell.text)}</${tag}>`;
}

export function tableHtml(table: TableBlock): string {
  const headGroups = table.headGroups
    ? `<tr>${table.headGroups
        .map((g) => {
          const span = g.span > 1 ? ` colspan="${g.span}"` : '';
          // The blank corner above the row labels is not a header of anything.
          return g.label ? `<th scope="colgroup"${span}>${escapeHtml(g.label)}</th>` : `<td${span}></td>`;
        })
        .join('')}</tr>`
    : '';
  const numeric = numericColumns(table);
  const head = `<tr>${table.head.map((h, i) => `<th scope="col"${numeric[i] ? ' class="num"' : ''}>${escapeHtml(h)}</th>`).join('')}</tr>`;
  const body = table.rows
    .map((row) => {
      const [first, ...rest] = row;
      const cells = (first ? cellHtml(first, 'th', 'row') : '') + rest.map((c) => cellHtml(c, 'td')).join('');
      return `<tr${first?.muted ? ' class="muted"' : ''}>${cells}</tr>`;
    })
    .join('\n');
  const notes = table.notes.length
    ? `<div class="notes">${table.notes.map((n) => `<p>${escapeHtml(n)}</p>`).join('')}</div>`
    : '';
  const captionClass = table.captionIsTitle ? ' class="visually-hidden"' : '';
  // Wide cross tables scroll sideways on a phone instead of squeezing the page.
  return `<div class="table-scroll"><table><caption${captionClass}>${escapeHtml(table.caption)}</caption><thead>${headGroups}${head}</thead><tbody>\n${body}\n</tbody></table></div>${notes}`;
}

export function listHtml(list: ListBlock): string {
  const items = list.items.map((t) => `<li>${escapeHtml(t)}</li>`).join('\n');
  return `<h4>${escapeHtml(list.title)}</h4><ul class="texts">\n${items}\n</ul>`;
}

function blockHtml(block: Block): string {
  return block.type === 'table' ? tableHtml(block) : listHtml(block);
}

/** The chart as an inline, labelled figure; ids ECharts repeats per chart stay harmless (no <style>). */
export function chartHtml(question: QuestionResult, lang: ReportModel['lang']): string {
  const svg = questionChartSvg(question, lang);
  if (!svg) return '';
  const alt = `${labels(lang).chart} : ${question.title}`;
  const labelled = svg.replace('<svg ', `<svg role="img" aria-label="${escapeHtml(alt)}" `);
  return `<figure>${labelled}</figure>`;
}

function questionHtml(question: QuestionResult, model: ReportModel): string {
  const blocks = questionBlocks(question, model.method.quartiles, model.lang).map(blockHtml).join('\n');
  const notes = question.notes?.length
    ? `<div class="notes">${question.notes.map((n) => `<p>${escapeHtml(n)}</p>`).join('')}</div>`
    : '';
  return `<section class="question" id="${anchorId('q', question.name)}" aria-labelledby="${anchorId('h', question.name)}">
<h3 id="${anchorId('h', question.name)}">${escapeHtml(question.title)}</h3>
${blocks}
${notes}
${chartHtml(question, model.lang)}
</section>`;
}

export function renderHtml(model: ReportModel, cover?: DocumentCover): string {
  const l = labels(model.lang);
  const sections = sectionQuestions(model);
  const byGroup = participationByGroupTable(model);
  const toc = sections
    .map(
      (s) =>
        `<li><a href="#${anchorId('s', s.name)}">${escapeHtml(s.title)}</a><ul>${s.questions
          .map((q) => `<li><a href="#${anchorId('q', q.name)}">${escapeHtml(q.title)}</a></li>`)
          .join('')}</ul></li>`,
    )
    .join('\n');
  const body = sections
    .map(
      (s) =>
        `<section id="${anchorId('s', s.name)}"><h2>${escapeHtml(s.title)}</h2>\n${s.questions
          .map((q) => questionHtml(q, model))
          .join('\n')}</section>`,
    )
    .join('\n');
  const methodNotes = model.method.notes.length
    ? `<footer><h2>${escapeHtml(l.methodNotes)}</h2><ol>${model.method.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ol></footer>`
    : '';
  return `<!DOCTYPE html>
<html lang="${model.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(model.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<header class="title-page">
${coverHtml(cover)}
<h1>${escapeHtml(model.title)}</h1>
${model.description ? `<p class="description">${escapeHtml(model.description)}</p>` : ''}
<p class="date">${escapeHtml(l.reportDate)}${colon(model.lang)} ${escapeHtml(reportDate(model))}</p>
${scopeLines(model)
  .map((line) => `<p class="scope">${escapeHtml(line)}</p>`)
  .join('\n')}
${tableHtml(participationTable(model))}
${byGroup ? tableHtml(byGroup) : ''}
</header>
<nav aria-labelledby="toc-title"><h2 id="toc-title">${escapeHtml(l.contents)}</h2><ul>${toc}</ul></nav>
${body}
${methodNotes}
</main>
</body>
</html>
`;
}
