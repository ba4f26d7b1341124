import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureDir, ROOT, skipWithoutFixture } from '../support/shared.js';

const NORD = 'observatoire-nord-2021';
const tmp = mkdtempSync(join(tmpdir(), 'panorama-cli-'));
const indicators = join(ROOT, 'examples', NORD, 'indicators.json');

function brochure(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/panorama.js'), 'brochure', ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('panorama brochure', { skip: skipWithoutFixture(NORD) }, () => {
  it('lists each figure as JSON with id, label, value, unit and base', () => {
    const r = brochure(fixtureDir(NORD), '--indicators', indicators, '--territory', 'Flandre', '--k', '5');
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out) as { figures: { id: string; label: string; value: unknown; unit: string; base: number }[]; territory: unknown };
    assert.deepEqual(json.territory, { level: 'territoire', name: 'Flandre' });
    const count = json.figures.find((f) => f.id === 'centres_total')!;
    assert.deepEqual([count.value, count.unit, count.base], [40, 'centres', 40]);
    for (const f of json.figures) assert.deepEqual(Object.keys(f).slice(0, 5), ['id', 'label', 'value', 'unit', 'base']);
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
    assert.match(r.err, /unknown territory "Artois".*Known: Cambrésis Sambre Avesnois, Flandre, Métropole Européenne de Lille, Pévèle - Bassin minier/);
    assert.doesNotMatch(r.err, /at .*\.ts:\d+/);
  });

  it('exits 2 naming the indicator file and the problem', () => {
    const bad = join(tmp, 'bad-indicators.json');
    writeFileSync(bad, JSON.stringify({ title: 'x', indicators: [{ id: 'm', label: 'm', kind: 'mean', question: 'budget_totl' }] }));
    const r = brochure(fixtureDir(NORD), '--indicators', bad);
    assert.equal(r.code, 2);
    assert.match(r.err, /bad-indicators\.json/);
    assert.match(r.err, /indicators\[0\] \(m\): unknown question "budget_totl"/);
  });

  it('exits 2 on bad options', () => {
    assert.match(brochure(fixtureDir(NORD), '--indicators', indicators, '--k', '0').err, /--k "0" must be a whole number/);
    assert.match(brochure(fixtureDir(NORD), '--indicators', indicators, '--format', 'odt').err, /--format "odt" is not supported/);
    assert.match(brochure(fixtureDir(NORD), '--indicators', indicators, '--territory', '59', '--level', 'region').err, /--level "region" is not a column/);
    assert.equal(brochure(join(tmp, 'nope')).code, 2);
  });
});
