import { formatLongDate } from '../format.js';
import { labels } from '../i18n.js';
import type { ReportModel } from '../model.js';
import { countCell, percentCell, textCell, type TableBlock } from './view.js';

/** Title-page summary: population, responses, rate (rows absent from the model are left out). */
export function participationTable(model: ReportModel): TableBlock {
  const { lang, participation: p } = model;
  const l = labels(lang);
  const rows = [];
  if (p.population !== null) rows.push([textCell(l.population), countCell(p.population, lang)]);
  rows.push([textCell(l.responses), countCell(p.responses, lang)]);
  if (p.rate !== null) rows.push([textCell(l.rate), percentCell(p.rate, lang)]);
  if (p.population !== null) rows.push([textCell(l.linked), countCell(p.linked, lang)]);
  if (p.anonymous > 0) rows.push([textCell(l.anonymous), countCell(p.anonymous, lang)]);
  return {
    type: 'table',
    caption: l.participation,
    captionIsTitle: true,
    head: [l.participation, l.result],
    rows,
    notes: [],
  };
}

/** Participation by registry group ("Taux de participation par territoire"), when the model has one. */
export function participationByGroupTable(model: ReportModel): TableBlock | undefined {
  const { lang, participation: p } = model;
  if (!p.byGroup.length) return undefined;
  const l = labels(lang);
  const by = p.groupBy ?? l.group;
  return {
    type: 'table',
    caption: `${l.participationBy} ${by}`,
    head: [capitalise(by), l.population, l.responses, l.rateShort],
    rows: p.byGroup.map((g) => [
      textCell(g.group),
      countCell(g.population, lang),
      countCell(g.responses, lang),
      percentCell(g.rate, lang),
    ]),
    notes: [],
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "22 novembre 2026" / "22 November 2026": the model's generation date, today when absent. */
export function reportDate(model: ReportModel): string {
  return formatLongDate(model.generatedAt, model.lang);
}

/** A stable, HTML-safe anchor for a question or section name. */
export function anchorId(prefix: string, name: string): string {
  return `${prefix}-${name.normalize('NFKD').replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

export function sectionQuestions(model: ReportModel): {
  name: string;
  title: string;
  questions: ReportModel['questions'];
}[] {
  const byName = new Map(model.questions.map((q) => [q.name, q]));
  return model.sections
    .map((s) => ({
      name: s.name,
      title: s.title || s.name,
      questions: s.questions
        .map((n) => byName.get(n))
        .filter((q): q is ReportModel['questions'][number] => !!q),
    }))
    .filter((s) => s.questions.length > 0);
}

/** Title-page lines saying which answers the report covers: "Filtre : territoire = Nord", breakdown. */
export function scopeLines(model: ReportModel): string[] {
  const l = labels(model.lang);
  const sep = model.lang === 'fr' ? '\u00a0: ' : ': ';
  const lines = model.method.filters.map((f) => `${l.filterNote}${sep}${f.key} = ${f.value}`);
  if (model.method.by) lines.push(`${l.breakdownBy} ${model.method.by.label}`);
  return lines;
}
