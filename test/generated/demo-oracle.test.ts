/**
 * Core guarantees on the project's own generated data (issue 9: a plain clone, without ../shared,
 * still tests LimeSurvey-style tables and participation). The demo network and answers are
 * generated with a fixed seed; every expected figure is counted here, independently of the engine,
 * by plain loops over the answers.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_SURVEY, DEMO_SEED, demoAnswers, demoStructures, Prng } from '../../src/demo/index.js';
import { buildSurveyModel } from '../../src/survey/model.js';
import { buildReport } from '../../src/stats/index.js';
import type { Registry, ResponseRecord } from '../../src/survey/records.js';
import type { QuestionResult } from '../../src/report/model.js';

const rng = new Prng(DEMO_SEED);
const structures = demoStructures(rng);
// Two structures out of three answer, plus two anonymous answers: population ≠ responses.
const answering = structures.filter((_, i) => i % 3 !== 2);
const responses: ResponseRecord[] = [
  ...answering.map((s, i) => ({ id: `r${i}`, structure: s.id, data: demoAnswers(rng, s) })),
  ...[0, 1].map((i) => ({ id: `anon${i}`, structure: null, data: demoAnswers(rng, structures[i]!) })),
];
const registry: Registry = {
  attributes: ['territoire', 'type'],
  structures: structures.map((s) => ({
    id: s.id,
    name: s.name,
    attributes: { territoire: s.territoryId ?? '', type: s.type ?? '' },
  })),
};
const survey = buildSurveyModel(DEMO_SURVEY);
const report = buildReport(survey, responses, { registry });
const question = (name: string): QuestionResult => {
  const q = report.questions.find((x) => x.name === name);
  assert.ok(q, `question ${name} is in the report`);
  return q;
};
const round2 = (x: number) => Math.round(x * 100) / 100;

describe('report on generated answers, checked against counts made by hand', () => {
  test('the generated data is large enough to mean something', () => {
    assert.ok(structures.length >= 50, `${structures.length} structures`);
    assert.equal(responses.length, answering.length + 2);
  });

  test('single choice with "other" (statut): every count and percentage over the base', () => {
    const q = question('statut');
    const answered = responses.filter((r) => r.data.statut !== undefined && r.data.statut !== '');
    assert.equal(q.base, responses.length, 'unconditional question: every response is in the base');
    for (const row of q.rows ?? []) {
      if (row.rowKind === 'no-answer') {
        assert.equal(row.count, responses.length - answered.length);
        continue;
      }
      const value = row.rowKind === 'other' ? 'other' : row.value;
      const count = answered.filter((r) => r.data.statut === value).length;
      assert.equal(row.count, count, `statut = ${String(value)}`);
      assert.equal(row.percent, round2((count / q.base) * 100), `statut = ${String(value)} %`);
    }
    const total = (q.rows ?? []).reduce((sum, row) => sum + row.count, 0);
    assert.equal(total, q.base, 'single choice rows add up to the base');
  });

  test('multiple choice (activites): each choice counted over the same base', () => {
    const q = question('activites');
    assert.equal(q.multiple, true);
    for (const row of q.rows ?? []) {
      if (row.rowKind !== 'choice') continue;
      const count = responses.filter(
        (r) => Array.isArray(r.data.activites) && (r.data.activites as unknown[]).includes(row.value),
      ).length;
      assert.equal(row.count, count, `activites ∋ ${String(row.value)}`);
      assert.equal(row.percent, q.base ? round2((count / q.base) * 100) : null);
    }
  });

  test('conditional question (conseiller_numerique): the base is the responses that displayed it', () => {
    const q = question('conseiller_numerique');
    const displayed = responses.filter(
      (r) => Array.isArray(r.data.activites) && (r.data.activites as unknown[]).includes('numerique'),
    );
    assert.ok(displayed.length > 0 && displayed.length < responses.length);
    assert.equal(q.base, displayed.length);
    for (const row of q.rows ?? []) {
      const count =
        row.rowKind === 'no-answer'
          ? displayed.filter((r) => r.data.conseiller_numerique === undefined).length
          : displayed.filter((r) => r.data.conseiller_numerique === row.value).length;
      assert.equal(row.count, count, `${row.rowKind} ${String(row.value)}`);
    }
  });

  test('numbers (etp_salaries): count, sum, mean, min, max', () => {
    const q = question('etp_salaries');
    const values = responses
      .map((r) => r.data.etp_salaries)
      .filter((v): v is number => typeof v === 'number');
    assert.ok(values.length > 10);
    const sum = values.reduce((a, b) => a + b, 0);
    assert.equal(q.stats?.count, values.length);
    assert.ok(Math.abs((q.stats?.sum ?? NaN) - sum) < 1e-9);
    assert.ok(Math.abs((q.stats?.mean ?? NaN) - sum / values.length) < 1e-9);
    assert.equal(q.stats?.min, Math.min(...values));
    assert.equal(q.stats?.max, Math.max(...values));
  });

  test('participation: population from the registry, responses, rate and groups by territory', () => {
    const p = report.participation;
    assert.equal(p.population, structures.length);
    assert.equal(p.responses, responses.length);
    assert.equal(p.anonymous, 2);
    assert.equal(p.rate, round2((responses.length / structures.length) * 100));
    const territories = [...new Set(structures.map((s) => s.territoryId ?? ''))].filter((t) => t !== '');
    assert.equal(p.byGroup.length, territories.length);
    for (const group of p.byGroup) {
      const population = structures.filter((s) => s.territoryId === group.group).length;
      const answered = answering.filter((s) => s.territoryId === group.group).length;
      assert.equal(group.population, population, group.group);
      assert.equal(group.responses, answered, group.group);
      assert.equal(group.rate, round2((answered / population) * 100), group.group);
    }
  });
});
