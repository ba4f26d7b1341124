import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureDir, ROOT, skipWithoutFixture } from '../support/shared.js';
import { cliArgs } from '../support/cli.js';

const NORD = 'observatoire-nord-2021';
const tmp = mkdtempSync(join(tmpdir(), 'panorama-cli-'));
const indicators = join(ROOT, 'examples', NORD, 'indicators.json');

function brochure(...args: string[]) {
  const r = spawnSync(process.execPath, cliArgs('brochure', ...args), {
    encoding: 'utf8',
    cwd: ROOT,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('panorama brochure', { skip: skipWithoutFixture(NORD) }, () => {
  it('lists each figure as JSON with id, label, value, unit and base', () => {
    const r = brochure(fixtureDir(NORD), '--indicators', indicators, '--territory', 'Flandre', '--k', '5');
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out) as {
      figures: { id: string; label: string; value: unknown; unit: string; base: number }[];
      territory: unknown;
    };
    assert.deepEqual(json.territory, { level: 'territoire', name: 'Flandre' });
    const count = json.figures.find((f) => f.id === 'centres_total')!;
    assert.deepEqual([count.value, count.unit, count.base], [40, 'centres', 40]);
    for (const f of json.figures)
      assert.deepEqual(Object.keys(f).slice(0, 5), ['id', 'label', 'value', 'unit', 'base']);
  });

  it('writes a PDF and a DOCX', () => {
    for (const format of ['pdf', 'docx', 'html']) {
      const out = join(tmp, `b.${format}`);
      const r = brochure(fixtureDir(NORD), '--indicators', indicators, '--format', format, '--out', out);
      assert.equal(r.code, 0, r.err);
      const expected = { pdf: '%PDF-', docx: 'PK\u0003\u0004', html: '<!DOC' }[format]!;
      assert.equal(readFileSync(out).subarray(0, expected.length).toString('latin1'), expected);
    }
  });

  it('exits 2 with the known territories for an unknown one', () => {
    const r = brochure(fixtureDir(NORD), '--indicators', indicators, '--territory', 'Artois');
    assert.equal(r.code, 2);
    assert.match(
      r.err,
      /Territoire « Artois » inconnu pour le niveau « territoire »\. Territoires connus : Cambrésis Sambre Avesnois, Flandre, Métropole Européenne de Lille, Pévèle - Bassin minier/,
    );
    assert.doesNotMatch(r.err, /at .*\.ts:\d+/);
  });

  it('exits 2 naming the indicator file and the problem', () => {
    const bad = join(tmp, 'bad-indicators.json');
    writeFileSync(
      bad,
      JSON.stringify({
        title: 'x',
        indicators: [{ id: 'm', label: 'm', kind: 'mean', question: 'budget_totl' }],
      }),
    );
    const r = brochure(fixtureDir(NORD), '--indicators', bad);
    assert.equal(r.code, 2);
    assert.match(r.err, /bad-indicators\.json/);
    assert.match(r.err, /indicators\[0\] \(m\) : question « budget_totl » inconnue/);
  });

  it('exits 2 on bad options', () => {
    assert.match(
      brochure(fixtureDir(NORD), '--indicators', indicators, '--k', '0').err,
      /--k « 0 » : un nombre entier d'au moins 1 est attendu/,
    );
    assert.match(
      brochure(fixtureDir(NORD), '--indicators', indicators, '--k', '2').err,
      /--k « 2 » est trop petit pour une plaquette publique : au moins 3 structures/,
    );
    assert.equal(
      brochure(fixtureDir(NORD), '--indicators', indicators, '--k', '2', '--audience', 'admin').code,
      0,
    );
    assert.match(
      brochure(fixtureDir(NORD), '--indicators', indicators, '--format', 'odt').err,
      /--format « odt » n'est pas pris en charge/,
    );
    assert.match(
      brochure(fixtureDir(NORD), '--indicators', indicators, '--territory', '59', '--level', 'region').err,
      /--level « region » n'est pas une colonne du répertoire/,
    );
    assert.equal(brochure(join(tmp, 'nope')).code, 2);
  });

  it('adds earlier campaigns with --previous and draws boundaries with --geojson', () => {
    // An earlier campaign in a temporary folder: same survey and registry, budgets of 2019.
    const previous = join(tmp, 'nord-2020');
    mkdirSync(previous, { recursive: true });
    copyFileSync(join(fixtureDir(NORD), 'survey.json'), join(previous, 'survey.json'));
    copyFileSync(join(fixtureDir(NORD), 'structures.csv'), join(previous, 'structures.csv'));
    const lines = readFileSync(join(fixtureDir(NORD), 'responses.jsonl'), 'utf8')
      .trim()
      .split('\n');
    writeFileSync(
      join(previous, 'responses.jsonl'),
      lines
        .map((l) => JSON.parse(l) as { data: Record<string, unknown> })
        .map((r) => JSON.stringify({ ...r, data: { ...r.data, budget_total: r.data.budget_total_2019 } }))
        .join('\n'),
    );
    const square = (nom: string, lon: number) => ({
      type: 'Feature',
      properties: { nom },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [lon, 50],
            [lon + 1, 50],
            [lon + 1, 51],
            [lon, 51],
            [lon, 50],
          ],
        ],
      },
    });
    const geojson = join(tmp, 'territoires.geojson');
    writeFileSync(
      geojson,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [square('Flandre', 2), square('Métropole Européenne de Lille', 3)],
      }),
    );
    const json = brochure(fixtureDir(NORD), '--indicators', indicators, '--previous', `2019=${previous}`);
    assert.equal(json.code, 0, json.err);
    const mean = (
      JSON.parse(json.out) as {
        figures: { id: string; previous?: unknown[]; change?: { wording: string; since: string } }[];
      }
    ).figures.find((f) => f.id === 'budget_moyen')!;
    assert.equal(mean.previous!.length, 1);
    assert.deepEqual([mean.change!.wording, mean.change!.since], ['stable', '2019']);
    const out = join(tmp, 'map.html');
    const html = brochure(
      fixtureDir(NORD),
      '--indicators',
      indicators,
      '--previous',
      `2019=${previous}`,
      '--geojson',
      geojson,
      '--format',
      'html',
      '--out',
      out,
    );
    assert.equal(html.code, 0, html.err);
    const page = readFileSync(out, 'utf8');
    assert.ok(/<path d="M[\d.]+,[\d.]+L/.test(page), 'boundaries drawn');
    assert.ok(
      page.includes('Sans contour : Pévèle - Bassin minier (37), Cambrésis Sambre Avesnois (19)'),
      'missing boundaries listed',
    );
    // The 2019 mean is 0.13 % under 842 307 €.
    assert.ok(
      /2019\u00a0: 841\u00a0\d{3}\u00a0€ · stable \(\+0,1\u00a0%\)/.test(page),
      'trend line on the mean budget tile',
    );
    const bad = join(tmp, 'bad.geojson');
    writeFileSync(bad, JSON.stringify({ type: 'Topology' }));
    const err = brochure(fixtureDir(NORD), '--indicators', indicators, '--geojson', bad);
    assert.equal(err.code, 2);
    assert.match(err.err, /bad\.geojson : ce n'est pas une FeatureCollection GeoJSON/);
  });

  it('writes a structure sheet with --structure and refuses an unknown id', () => {
    const r = brochure(fixtureDir(NORD), '--structure', 'CS-59-010');
    assert.equal(r.code, 0, r.err);
    const sheet = JSON.parse(r.out) as {
      territory: string;
      rows: { question: string; value: number; groups: { key: string; n: number }[] }[];
    };
    const budget = sheet.rows.find((row) => row.question === 'budget_total')!;
    const line = readFileSync(join(fixtureDir(NORD), 'responses.jsonl'), 'utf8')
      .split('\n')
      .find((l) => l.includes('"CS-59-010"'))!;
    assert.equal(budget.value, (JSON.parse(line) as { data: { budget_total: number } }).data.budget_total);
    assert.deepEqual(budget.groups.map((g) => [g.key, g.n]).slice(0, 2), [
      ['territory', 37],
      ['network', 154],
    ]);
    const bad = brochure(fixtureDir(NORD), '--structure', 'CS-59-999');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /structure « CS-59-999 » inconnue .*Identifiants connus : CS-59-001/);
  });
});
