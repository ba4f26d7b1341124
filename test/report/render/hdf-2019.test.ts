import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { readInputFolder } from '../../../src/ingest/index.js';
import { formatNumber, formatPercent } from '../../../src/report/format.js';
import type { ReportModel } from '../../../src/report/model.js';
import { renderReport } from '../../../src/report/render/index.js';
import { anchorId } from '../../../src/report/render/participation.js';
import { buildReport, parseReportConfig } from '../../../src/stats/index.js';
import { fixtureDir, ROOT, skipWithoutFixture } from '../../support/shared.js';
import { unzip, wordText } from '../support/unzip.js';

/**
 * The published tables of the reference study (expected.json), found again in the rendered
 * documents built by the real loader and engine: each row's label, count and percentage on one
 * line of the right question's table.
 */

interface ExpectedTable {
  question: string;
  kind: 'freq' | 'numeric' | 'terms';
  title: string;
  rows?: { label: string; count?: number; percent?: number; value?: number }[];
}

const FIXTURE = 'hdf-2019';
const skip = skipWithoutFixture(FIXTURE);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
const cellText = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ENTITIES[e] ?? '')
    .trim();

/** Rows (cell texts) of the first table inside the question's <section>. */
function htmlTableRows(html: string, question: string): string[][] {
  const start = html.indexOf(`<section class="question" id="${anchorId('q', question)}"`);
  assert.ok(start >= 0, `no section for ${question}`);
  const section = html.slice(start, html.indexOf('</section>', start));
  const table = section.slice(section.indexOf('<table>'), section.indexOf('</table>'));
  return [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((tr) =>
    [...(tr[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => cellText(c[1] ?? '')),
  );
}

describe('hdf-2019 report rendered from raw answers', { skip }, () => {
  let model: ReportModel;
  let expected: ExpectedTable[];
  before(async () => {
    const dir = fixtureDir(FIXTURE);
    const input = await readInputFolder(dir);
    const configPath = join(ROOT, 'examples', 'hdf-2019', 'report.json');
    const config = parseReportConfig(readFileSync(configPath, 'utf8'), configPath);
    model = buildReport(input.survey, input.responses, { lang: 'fr', registry: input.registry, config });
    expected = (JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { tables: ExpectedTable[] })
      .tables;
  });

  it('HTML: every published frequency and numeric table, row by row', async () => {
    const html = (await renderReport(model, 'html')).toString('utf8');
    let checked = 0;
    for (const table of expected.filter((t) => t.kind !== 'terms')) {
      const rows = htmlTableRows(html, table.question);
      for (const row of table.rows ?? []) {
        const want =
          table.kind === 'freq'
            ? [row.label, formatNumber(row.count, 'fr', 0), formatPercent(row.percent, 'fr')]
            : [row.label, formatNumber(row.value, 'fr', 2)];
        assert.ok(
          rows.some((r) => JSON.stringify(r) === JSON.stringify(want)),
          `${table.question}: row ${JSON.stringify(want)} not in ${JSON.stringify(rows)}`,
        );
        checked++;
      }
    }
    assert.ok(checked > 250, `only ${checked} rows checked`);
  });

  it('XLSX: the same rows as numbers on the section sheets', async () => {
    // Question titles are numbered as the questionnaire's sections ("1.4 Date de création …").
    const numberedTitle = (value: ExcelJS.CellValue) => String(value).replace(/^\d+\.\d+ /, '');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderReport(model, 'xlsx')) as unknown as ArrayBuffer);
    const lines: { sheet: string; values: ExcelJS.CellValue[] }[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        lines.push({ sheet: sheet.name, values: [1, 2, 3].map((c) => row.getCell(c).value) }),
      ),
    );
    for (const table of expected.filter((t) => t.kind === 'freq')) {
      // Several questions share a title: take the occurrence matching the question's rank among them.
      const order = model.questions
        .filter((q) => q.title === table.title)
        .findIndex((q) => q.name === table.question);
      const titleAt =
        lines.map((l, i) => (numberedTitle(l.values[0]) === table.title ? i : -1)).filter((i) => i >= 0)[
          order
        ] ?? -1;
      assert.ok(titleAt >= 0, `title of ${table.question} not found`);
      for (const row of table.rows ?? []) {
        const line = lines.slice(titleAt + 1).find((l) => l.values[0] === row.label);
        assert.ok(line, `${table.question}: row ${row.label} missing`);
        assert.equal(line.values[1], row.count, `${table.question} ${row.label} count`);
        const fraction = Number(line.values[2]);
        assert.ok(
          Math.abs(fraction - (row.percent ?? Number.NaN) / 100) < 1e-9,
          `${table.question} ${row.label}: ${fraction}`,
        );
      }
    }
  });

  it('DOCX: every heading and published percentage is in the Word document', async () => {
    const parts = unzip(await renderReport(model, 'docx'));
    const text = wordText(parts.get('word/document.xml')?.toString('utf8') ?? '');
    for (const q of model.questions) assert.ok(text.includes(q.title), q.title);
    for (const table of expected.filter((t) => t.kind === 'freq')) {
      for (const row of table.rows ?? []) {
        assert.ok(text.includes(formatPercent(row.percent, 'fr')), `${table.question}: ${row.percent}`);
      }
    }
    const charts = [...parts.keys()].filter((name) => name.startsWith('word/media/')).length;
    // A bar chart per choice or class table, a box plot per number question (here 84 and 86 answers).
    assert.equal(
      charts,
      model.questions.filter((q) => q.kind === 'choice' || q.kind === 'classes' || q.kind === 'numeric')
        .length,
    );
  });
});
