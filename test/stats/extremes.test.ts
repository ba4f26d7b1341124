import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport, numericStats, numericStatsOfCounts } from '../../src/stats/index.js';
import { CompensatedSum, interpolate } from '../../src/stats/moments.js';
import { SELECTION_THRESHOLD } from '../../src/stats/quantiles.js';
import { buildSurveyModel } from '../../src/survey/model.js';
import { question, record } from './support.js';

// Numbers at the limits of doubles: no lost term, no overflow before the figure itself overflows.
describe('extreme values', () => {
  test('[1e16, 1, −1e16] sums to 1 (compensated summation)', () => {
    const stats = numericStats([1e16, 1, -1e16], 'minitab');
    assert.equal(stats.sum, 1);
    assert.equal(stats.mean, 1 / 3);
    const sum = new CompensatedSum();
    for (const v of [1, 1e100, 1, -1e100]) sum.add(v);
    assert.equal(sum.value(), 2);
  });

  test('values near 1e300: finite sum, mean and SD', () => {
    const stats = numericStats([1e300, 3e300, 2e300], 'minitab');
    assert.equal(stats.sum, 6e300);
    assert.equal(stats.mean, 2e300);
    assert.equal(stats.sd, 1e300);
    assert.equal(stats.median, 2e300);
    assert.equal(numericStats([1e300, 1e300, 1e300], 'minitab').sd, 0);
  });

  test('a sum beyond the largest double is null, its mean is not', () => {
    const stats = numericStats([1.5e308, 1.5e308], 'minitab');
    assert.equal(stats.sum, null);
    assert.equal(stats.mean, 1.5e308);
    assert.equal(stats.sd, 0);
  });

  test('[−1e308, 1e308]: median 0, mean 0, SD √2·1e308', () => {
    const stats = numericStats([-1e308, 1e308], 'minitab');
    assert.equal(stats.median, 0);
    assert.equal(stats.mean, 0);
    assert.equal(stats.sum, 0);
    assert.equal(stats.sd, Math.SQRT2 * 1e308);
    assert.equal(interpolate(-Number.MAX_VALUE, Number.MAX_VALUE, 0.5), 0);
    assert.equal(interpolate(1, 3, 0.25), 1.5);
  });

  test('the selection path (large samples) is as safe', () => {
    const n = SELECTION_THRESHOLD + 1;
    const values = Float64Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 1e300 : 3e300));
    const stats = numericStats(values, 'minitab');
    assert.ok(Number.isFinite(stats.mean!), String(stats.mean));
    assert.ok(Math.abs(stats.mean! / 2e300 - 1) < 1e-3);
    assert.ok(Number.isFinite(stats.sd!));
    const compensated = numericStats(
      Float64Array.from({ length: n }, (_, i) => (i === 0 ? 1e16 : i === 1 ? -1e16 : 1)),
      'minitab',
    );
    assert.equal(compensated.sum, n - 2);
  });

  test('counted values (ratings) give the same bits as the expanded sample', () => {
    const values = [1e308, -1e308, 1];
    const counts = [2, 2, 3];
    const expanded = [1e308, 1e308, -1e308, -1e308, 1, 1, 1];
    assert.deepEqual(numericStatsOfCounts(values, counts, 'minitab'), numericStats(expanded, 'minitab'));
  });

  test('ordinary data keeps its exact figures (the scaling is by a power of two)', () => {
    const stats = numericStats([0.1, 0.2, 0.3], 'minitab');
    assert.equal(stats.sum, 0.6);
    assert.equal(stats.mean, 0.19999999999999998);
    assert.equal(numericStats([2, 4, 4, 4, 5, 5, 7, 9], 'minitab').sd, Math.sqrt(32 / 7));
  });

  test('through the engine, the JSON report keeps finite figures', () => {
    const survey = buildSurveyModel({
      pages: [{ name: 'p', elements: [{ type: 'text', name: 'x', inputType: 'number' }] }],
    });
    const model = buildReport(survey, [
      record('a', null, { x: 1e300 }),
      record('b', null, { x: 1e300 }),
      record('c', null, { x: -1e300 }),
    ]);
    const stats = (JSON.parse(JSON.stringify(model)) as typeof model).questions[0]!.stats!;
    assert.equal(stats.sum, 1e300);
    assert.equal(stats.mean, 1e300 / 3);
    assert.ok(stats.sd! > 1e300);
    assert.equal(question(model, 'x').stats!.median, 1e300);
  });
});
