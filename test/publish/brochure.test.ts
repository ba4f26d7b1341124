import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureDir, ROOT, skipWithoutFixture } from '../support/shared.js';
import { buildBrochure, UnknownTerritoryError } from '../../src/publish/brochure/model.js';
import { renderBrochureHtml } from '../../src/publish/brochure/html.js';
import { renderBrochurePdf } from '../../src/publish/brochure/pdf.js';
import { renderBrochureDocx } from '../../src/publish/brochure/docx.js';
import { brochureJson } from '../../src/publish/brochure/json.js';
import { loadIndicatorFile } from '../../src/publish/indicators/load.js';
import { readCampaignFolder } from '../../src/publish/input.js';

const NORD = 'observatoire-nord-2021';
const tmp = mkdtempSync(join(tmpdir(), 'panorama-brochure-'));

async function nord() {
  const campaign = await readCampaignFolder(fixtureDir(NORD));
  const file = await loadIndicatorFile(
    join(ROOT, 'examples', NORD, 'indicators.json'),
    campaign.survey,
    campaign.registry,
  );
  return { campaign, file };
}

/** Text of a PDF or DOCX as a reader would see it (whitespace collapsed). */
function pdfText(pdf: Buffer): string {
  const path = join(tmp, `doc-${Math.random()}.pdf`);
  writeFileSync(path, pdf);
  return execFileSync('pdftotext', ['-layout', path, '-']).toString('utf8').replace(/\s+/g, ' ');
}
function docxText(docx: Buffer): string {
  const path = join(tmp, `doc-${Math.random()}.docx`);
  writeFileSync(path, docx);
  const xml = execFileSync('unzip', ['-p', path, 'word/document.xml']).toString('utf8');
  return xml
    .replace(/<[^>]+>/g, ' ')
    .replace(/&apos;/g, "'")
    .replace(/\s+/g, ' ');
}
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('territorial brochure', { skip: skipWithoutFixture(NORD) }, () => {
  it('publishes the network brochure with the reference key figures in HTML, PDF and DOCX', async () => {
    const { campaign, file } = await nord();
    const model = buildBrochure(campaign, file, { territory: null, generatedAt: '2021-06-01' });
    const html = plain(renderBrochureHtml(model));
    const pdf = plain(pdfText(await renderBrochurePdf(model)));
    const docx = plain(docxText(await renderBrochureDocx(model)));
    for (const [name, text] of [
      ['html', html],
      ['pdf', pdf],
      ['docx', docx],
    ] as const) {
      // Figures printed in the reference brochure (002), rounded as published.
      for (const expected of ['842 307 €', '695 847 €', '82 %', '76 %', '68 %', '450', '2 772']) {
        assert.ok(text.includes(expected), `${name} shows ${expected}`);
      }
      assert.match(text, /moins de 5 structures/, `${name} states the confidentiality rule`);
    }
    // The map is drawn (vector in HTML) with each territory and its count.
    for (const [label, n] of [
      ['FLANDRE', 40],
      ['MÉTROPOLE EUROPÉENNE', 58],
      ['CAMBRÉSIS SAMBRE', 19],
    ] as const) {
      assert.ok(html.includes(label) && html.includes(`>${n} centres sociaux<`), `map shows ${label} ${n}`);
    }
    assert.match(html, /NOMBRE TOTAL<\/tspan> 154 centres sociaux/);
    assert.ok(pdf.includes('NOMBRE TOTAL 154 centres sociaux'), 'the PDF map keeps its text');
    // DOCX: the map is a picture whose alternative text lists the territories.
    const docxPath = join(tmp, 'map.docx');
    writeFileSync(docxPath, await renderBrochureDocx(model));
    const xml = execFileSync('unzip', ['-p', docxPath, 'word/document.xml']).toString('utf8');
    assert.match(xml, /descr="[^"]*Flandre : 40 centres sociaux/);
    assert.match(execFileSync('unzip', ['-l', docxPath]).toString(), /word\/media\/.*\.png/);
    assert.ok(
      html.startsWith('<!DOCTYPE html>') && !/<script|<link|src="http/.test(html),
      'self-contained HTML',
    );
    assert.match(html, /@media print/);
  });

  it('hides small-territory figures from the public and shows them to administrators', async () => {
    const { campaign, file } = await nord();
    const territory = { level: 'territoire', name: 'Cambrésis Sambre Avesnois' };
    const k = 20; // the territory has 19 centres: every answer-based figure rests on fewer than 20.
    const pub = brochureJson(buildBrochure(campaign, file, { territory, k }));
    const admin = brochureJson(buildBrochure(campaign, file, { territory, k, audience: 'admin' }));
    const mean = (j: typeof pub) => j.figures.find((f) => f.id === 'budget_moyen')!;
    assert.equal(mean(pub).value, null);
    assert.match(mean(pub).reason!, /moins de 20 structures \(19\)/);
    const budgets = campaign.responses
      .filter(
        (r) =>
          campaign.registry!.structures.find((s) => s.id === r.structure)!.attributes.territoire ===
          territory.name,
      )
      .map((r) => Number(r.data.budget_total));
    assert.equal(budgets.length, 19);
    assert.ok(Math.abs((mean(admin).value as number) - budgets.reduce((a, b) => a + b, 0) / 19) < 1e-6);
    // The registry count is not confidential.
    assert.equal(pub.figures.find((f) => f.id === 'centres_total')!.value, 19);
    const html = renderBrochureHtml(buildBrochure(campaign, file, { territory, k }));
    assert.match(html, /Secret statistique/);
    assert.match(html, /Territoire : Cambrésis Sambre Avesnois/);
  });

  it('rejects an unknown territory and lists the known ones', async () => {
    const { campaign, file } = await nord();
    assert.throws(
      () => buildBrochure(campaign, file, { territory: { level: 'territoire', name: 'Flandres' } }),
      (err: Error) =>
        err instanceof UnknownTerritoryError && /Flandre, Métropole Européenne de Lille/.test(err.message),
    );
  });
});

describe('flash survey results document', { skip: skipWithoutFixture('flash-covid-2020') }, () => {
  it('gives participation by département, the QPV share and averages', async () => {
    const campaign = await readCampaignFolder(fixtureDir('flash-covid-2020'));
    const file = await loadIndicatorFile(
      join(ROOT, 'examples/flash-covid-2020/indicators.json'),
      campaign.survey,
      campaign.registry,
    );
    const model = buildBrochure(campaign, file, { territory: null });
    assert.deepEqual(
      model.map.territories.map((t) => [t.label, t.structures, t.respondents]),
      [
        ['Nord (59)', 144, 95],
        ['Pas-de-Calais (62)', 26, 19],
      ],
    );
    const text = plain(pdfText(await renderBrochurePdf(model)));
    for (const s of ['67 %', '66 %', '73 %', '63 %', '426', 'dont 95 répondants'])
      assert.ok(text.includes(s), `PDF shows ${s}`);
    // Participation table under the map: 95/144 and 19/26, 114/170 overall.
    for (const s of ['Nord (59) 144 95 66 %', 'Pas-de-Calais (62) 26 19 73 %', 'Total 170 114 67 %'])
      assert.ok(text.includes(s), `PDF table shows ${s}`);
  });
});
