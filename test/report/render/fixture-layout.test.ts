import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { readInputFolder } from '../../../src/ingest/index.js';
import type { ReportModel } from '../../../src/report/model.js';
import { renderReport } from '../../../src/report/render/index.js';
import { buildReport, parseReportConfig } from '../../../src/stats/index.js';
import { fixtureDir, missingTool, ROOT, skipWithoutFixture } from '../../support/shared.js';
import { unzip, wordText } from '../support/unzip.js';

/**
 * The three reference fixtures rendered as a federation receives them (DOCX, PDF, XLSX), read
 * back page by page: table of contents, numbered headings, no heading alone at the foot of a page,
 * each chart on the page of its table, "Autre" texts counted, no sum of years, notes printed once,
 * readable sheet names, French dates. Expected values come from the fixtures' raw answers and the
 * questionnaire, never from the renderer.
 */

const FIXTURES = ['hdf-2019', 'observatoire-nord-2021', 'flash-covid-2020'] as const;
const PDFTOTEXT = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find(existsSync);
const GENERATED_AT = '2026-12-04T09:30:00Z';
const FRENCH_DATE = '4 décembre 2026';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/[ \t]+/g, ' ');

async function fixtureModel(name: string): Promise<ReportModel> {
  const input = await readInputFolder(fixtureDir(name));
  const configPath = join(ROOT, 'examples', name, 'report.json');
  const config = existsSync(configPath)
    ? parseReportConfig(readFileSync(configPath, 'utf8'), configPath)
    : undefined;
  const model = buildReport(input.survey, input.responses, { lang: 'fr', registry: input.registry, config });
  return { ...model, generatedAt: GENERATED_AT };
}

interface Heading {
  text: string;
  question: ReportModel['questions'][number];
}

/** Headings as the questionnaire numbers them: section i, question j → "i.j Title". */
function questionHeadings(model: ReportModel): Heading[] {
  const byName = new Map(model.questions.map((q) => [q.name, q]));
  const sections = model.sections
    .map((s) => s.questions.map((n) => byName.get(n)).filter((q) => q !== undefined))
    .filter((qs) => qs.length > 0);
  return sections.flatMap((qs, i) =>
    qs.map((q, j) => ({ text: `${i + 1}.${j + 1} ${q.title}`, question: q })),
  );
}

/** Paragraph lines of the DOCX body from `heading` to the next question heading. */
function docxSegment(lines: string[], headings: Heading[], index: number): string {
  // The table of contents lists the heading first: the body's is the last one.
  const start = lines.lastIndexOf(headings[index]!.text);
  assert.ok(start >= 0, `heading "${headings[index]!.text}" found`);
  const next = headings[index + 1] ? lines.indexOf(headings[index + 1]!.text, start + 1) : -1;
  return lines.slice(start, next > start ? next : undefined).join('\n');
}

function pdfPages(pdf: Buffer): string[] {
  return execFileSync(PDFTOTEXT ?? 'pdftotext', ['-enc', 'UTF-8', '-', '-'], {
    input: pdf,
    maxBuffer: 64 << 20,
  })
    .toString('utf8')
    .split('\f')
    .map(plain);
}

/** Lines of a page without the running header (the title) and footer ("Page 3 sur 12"). */
function bodyLines(page: string, title: string): string[] {
  return page
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^Page \d+ sur \d+$/.test(l) && l !== plain(title));
}

const paragraphs = (xml: string) => xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [];

for (const name of FIXTURES) {
  describe(`report layout: ${name}`, { skip: skipWithoutFixture(name) }, () => {
    let model: ReportModel;
    let headings: Heading[];
    let documentXml: string;
    let docxLines: string[];
    before(async () => {
      model = await fixtureModel(name);
      headings = questionHeadings(model);
      documentXml = unzip(await renderReport(model, 'docx'))
        .get('word/document.xml')!
        .toString('utf8');
      docxLines = plain(wordText(documentXml)).split('\n');
    });

    it('DOCX: a Word table-of-contents field over the two heading levels', () => {
      const instructions = [...documentXml.matchAll(/<w:instrText[^>]*>([^<]*)</g)].map((m) => m[1] ?? '');
      assert.ok(
        instructions.some((i) => /^TOC\b/.test(i) && i.includes('\\o &quot;1-2&quot;')),
        instructions.slice(0, 3).join(' | '),
      );
    });

    it('DOCX: sections and questions numbered as the questionnaire, headings kept with what follows', () => {
      const h2 = paragraphs(documentXml).filter((p) => p.includes('<w:pStyle w:val="Heading2"/>'));
      assert.deepEqual(
        h2.map((p) => plain(wordText(p)).trim()),
        headings.map((h) => h.text),
      );
      for (const p of h2) assert.match(p, /<w:keepNext\/>/, wordText(p));
      const h1 = paragraphs(documentXml)
        .filter((p) => p.includes('<w:pStyle w:val="Heading1"/>'))
        .map((p) => plain(wordText(p)).trim());
      h1.slice(0, -1).forEach((text, i) => assert.match(text, new RegExp(`^${i + 1}\\. \\S`), text));
    });

    it('DOCX: the paragraph before every chart keeps with it', () => {
      const all = paragraphs(documentXml);
      let charts = 0;
      all.forEach((p, i) => {
        if (!p.includes('<w:drawing>')) return;
        charts++;
        assert.match(all[i - 1] ?? '', /<w:keepNext\/>/, `paragraph before chart ${charts}`);
      });
      assert.ok(charts > 0);
    });

    it('DOCX: the multiple-choice note once per question, no sum of years', () => {
      headings.forEach((h, i) => {
        const segment = docxSegment(docxLines, headings, i);
        if (h.question.multiple)
          assert.equal(segment.split('Plusieurs réponses possibles').length - 1, 1, h.text);
        if (h.question.valueFormat === 'year') {
          assert.ok(segment.includes('Moyenne'), h.text);
          assert.ok(!segment.includes('Somme'), `${h.text}: no sum`);
        }
      });
    });

    it('DOCX and PDF: French long date on the cover', async () => {
      assert.ok(docxLines.some((l) => l.includes(FRENCH_DATE)));
      if (PDFTOTEXT) assert.ok(pdfPages(await renderReport(model, 'pdf'))[0]!.includes(FRENCH_DATE));
    });

    it(
      'PDF: no heading ends a page, every chart is on the page of its table',
      { skip: PDFTOTEXT ? false : missingTool('pdftotext (poppler-utils) not installed') },
      async () => {
        const pages = pdfPages(await renderReport(model, 'pdf')).map((p) => bodyLines(p, model.title));
        const lists = ['Réponses « Autre »', 'Détail', 'Termes les plus fréquents'];
        const startsHeading = (line: string) =>
          line.length > 4 && headings.some((h) => plain(h.text).startsWith(line));
        pages.forEach((lines, n) => {
          const last = lines.at(-1);
          // The contents pages are lists of headings by design.
          if (!last || lines.filter(startsHeading).length >= 4) return;
          const orphan = lists.includes(last) || startsHeading(last);
          assert.ok(!orphan, `page ${n + 1} ends with the heading "${last}"`);
        });
        // Each bar chart prints one "100 %" axis label (tables print "100,00 %"): on a page, as
        // many of them as charted questions whose heading is there — a chart left behind on
        // another page breaks the count. Tables too long to move whole (> 25 rows) may break.
        const rowsOf = (q: ReportModel['questions'][number]) =>
          q.kind === 'matrix' ? (q.matrix?.length ?? 0) : q.kind === 'text' ? 0 : (q.rows?.length ?? 0);
        const charted = headings.filter(
          (h) =>
            (h.question.kind === 'choice' || h.question.kind === 'classes' || h.question.kind === 'matrix') &&
            rowsOf(h.question) > 0,
        );
        let checked = 0;
        let longBefore = false;
        pages.forEach((lines, n) => {
          const text = lines.join(' ');
          if (lines.filter(startsHeading).length >= 4) return;
          const here = charted.filter((h) => text.includes(plain(h.text).slice(0, 40)));
          const long = here.some((h) => rowsOf(h.question) > 25);
          const axes = lines.filter((l) => /^100 %$/.test(l)).length;
          if (!long && !longBefore) {
            assert.equal(
              axes,
              here.length,
              `page ${n + 1}: ${here.length} charted questions, ${axes} charts`,
            );
            checked += here.length;
          }
          longBefore = long;
        });
        assert.ok(checked > 2, `${checked} charts checked`);
      },
    );

    it('XLSX: sheet names unique, at most 31 characters, cut at a word with "…"', async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await renderReport(model, 'xlsx')) as unknown as ArrayBuffer);
      const names = workbook.worksheets.map((s) => s.name);
      assert.equal(new Set(names.map((n) => n.toLowerCase())).size, names.length);
      for (const sheet of workbook.worksheets) {
        assert.ok(sheet.name.length <= 31, sheet.name);
        if (!sheet.name.endsWith('…')) continue;
        const full = String(sheet.getCell('A1').value);
        const kept = sheet.name.slice(0, -1);
        assert.ok(full.startsWith(kept), `${sheet.name} begins "${full}"`);
        assert.match(full.charAt(kept.length), /[\s,;:.'’«»-]/, `${sheet.name}: not cut mid-word`);
      }
    });
  });
}

describe(
  'report layout: "Autre" texts counted',
  { skip: skipWithoutFixture('observatoire-nord-2021') },
  () => {
    it('lists each text once with how many structures wrote it', async () => {
      const dir = fixtureDir('observatoire-nord-2021');
      // Counted by hand from the raw answers.
      const counts = new Map<string, number>();
      for (const line of readFileSync(join(dir, 'responses.jsonl'), 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const text = (JSON.parse(line) as { data: Record<string, unknown> }).data[
          'nouvelles_actions-Comment'
        ];
        if (typeof text === 'string' && text.trim())
          counts.set(text.trim(), (counts.get(text.trim()) ?? 0) + 1);
      }
      assert.equal(counts.get('Soutien aux étudiants'), 4);
      const model = await fixtureModel('observatoire-nord-2021');
      const text = plain(
        wordText(
          unzip(await renderReport(model, 'docx'))
            .get('word/document.xml')!
            .toString('utf8'),
        ),
      );
      for (const [other, count] of counts) {
        assert.equal(text.split(other).length - 1, 1, `"${other}" printed once`);
        if (count > 1) assert.ok(text.includes(`${other} (${count})`), `${other} (${count})`);
      }
    });
  },
);

describe(
  'brochure: French date in the footer',
  { skip: skipWithoutFixture('observatoire-nord-2021') },
  () => {
    it('reads "produit le 4 décembre 2026", never the ISO day', async () => {
      const { readCampaignFolder } = await import('../../../src/publish/input.js');
      const { loadIndicatorFile } = await import('../../../src/publish/indicators/load.js');
      const { buildBrochure } = await import('../../../src/publish/brochure/model.js');
      const { renderBrochurePdf } = await import('../../../src/publish/brochure/pdf.js');
      const { renderBrochureDocx } = await import('../../../src/publish/brochure/docx.js');
      const campaign = await readCampaignFolder(fixtureDir('observatoire-nord-2021'));
      const file = await loadIndicatorFile(
        join(ROOT, 'examples', 'observatoire-nord-2021', 'indicators.json'),
        campaign.survey,
        campaign.registry,
      );
      const model = buildBrochure(campaign, file, { territory: null, generatedAt: '2026-12-04' });
      const docx = plain(
        wordText(
          unzip(await renderBrochureDocx(model))
            .get('word/footer1.xml')
            ?.toString('utf8') ?? '',
        ),
      );
      assert.ok(docx.includes(`produit le ${FRENCH_DATE}`), docx);
      if (PDFTOTEXT) {
        const pages = pdfPages(await renderBrochurePdf(model));
        for (const page of pages.filter((p) => p.trim())) {
          assert.ok(page.includes(`produit le ${FRENCH_DATE}`));
          assert.ok(!page.includes('2026-12-04'));
        }
      }
    });
  },
);
