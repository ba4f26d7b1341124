import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { round } from '../../src/report/format.js';
import { buildReport } from '../../src/stats/index.js';
import { fixtureDir, skipWithoutFixture } from '../support/shared.js';
import { readFixture } from './support.js';

interface Check {
  figure: string;
  value: number;
  numerator?: number;
  denominator?: number;
}

const skip = skipWithoutFixture('flash-covid-2020');
const dir = fixtureDir('flash-covid-2020');
const checks = new Map<string, Check>(
  existsSync(join(dir, 'expected.json'))
    ? (JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { checks: Check[] }).checks.map(
        (c) => [c.figure, c],
      )
    : [],
);

// The flash survey counts distinct responding structures (two unlinked responses are left out).
describe('flash COVID 2020: participation by distinct structures, base "all"', { skip }, () => {
  const fixture = readFixture(dir);

  test('response rate overall and by département (rate basis "structures")', () => {
    const p = buildReport(fixture.survey, fixture.responses, {
      registry: fixture.registry,
      config: { participation: { rate: 'structures', groupBy: 'departement' } },
    }).participation;
    const overall = checks.get('taux_reponse')!;
    assert.equal(p.population, overall.denominator);
    assert.equal(p.responses, 116);
    assert.equal(p.anonymous, 2);
    assert.equal(p.rate, round(overall.value, 2));
    const byDep = Object.fromEntries(p.byGroup.map((g) => [g.group, g]));
    for (const [dep, figure] of [
      ['59', 'taux_reponse_nord'],
      ['62', 'taux_reponse_pdc'],
    ] as const) {
      const check = checks.get(figure)!;
      assert.equal(byDep[dep]!.population, check.denominator, `${dep} population`);
      assert.equal(byDep[dep]!.responses, check.numerator, `${dep} responding structures`);
      assert.equal(byDep[dep]!.rate, round(check.value, 2), `${dep} rate`);
    }
  });

  test('a question hidden for some responses, over all responses (base "all")', () => {
    const check = checks.get('lien_social')!;
    const q = buildReport(fixture.survey, fixture.responses, { base: 'all' }).questions.find(
      (x) => x.name === 'actions_lien_social',
    )!;
    assert.equal(q.base, check.denominator);
    const oui = q.rows!.find((r) => r.value === 'oui')!;
    assert.equal(oui.count, check.numerator);
    assert.equal(oui.percent, round(check.value, 2));
  });
});
