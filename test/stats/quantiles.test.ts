import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FloatBuffer, numericStats, numericStatsOfCounts, quartiles } from '../../src/stats/index.js';

// Hand-computed: minitab p = k(n+1)/4, excel p = 1 + k(n−1)/4, clamped to [v1, vn].
const SAMPLES: Record<number, number[]> = {
  1: [7],
  2: [10, 20],
  3: [10, 20, 40],
  4: [10, 20, 40, 80],
  5: [10, 20, 40, 80, 160],
};
const MINITAB: Record<number, [number, number, number]> = {
  1: [7, 7, 7], // p = 0.5, 1, 1.5 → v1 (p < 1) and vn (p ≥ n)
  2: [10, 15, 20], // p = 0.75 → v1; 1.5 → 15; 2.25 ≥ n → v2
  3: [10, 20, 40], // p = 1, 2, 3: integer ranks
  4: [12.5, 30, 70], // p = 1.25 → 10 + .25×10; 2.5 → 30; 3.75 → 40 + .75×40
  5: [15, 40, 120], // p = 1.5, 3, 4.5
};
const EXCEL: Record<number, [number, number, number]> = {
  1: [7, 7, 7],
  2: [12.5, 15, 17.5], // p = 1.25, 1.5, 1.75
  3: [15, 20, 30], // p = 1.5, 2, 2.5
  4: [17.5, 30, 50], // p = 1.75, 2.5, 3.25
  5: [20, 40, 80], // p = 2, 3, 4
};

describe('quartiles', () => {
  for (const n of [1, 2, 3, 4, 5]) {
    test(`minitab, n = ${n}`, () => assert.deepEqual(quartiles(SAMPLES[n]!, 'minitab'), MINITAB[n]));
    test(`excel, n = ${n}`, () => assert.deepEqual(quartiles(SAMPLES[n]!, 'excel'), EXCEL[n]));
  }
  test('no value → null', () => assert.equal(quartiles([], 'minitab'), null));
});

describe('numericStats', () => {
  test('sum, mean, sample standard deviation, extremes, on unsorted input', () => {
    const stats = numericStats([9, 2, 4, 5, 4, 7, 4, 5], 'minitab');
    assert.equal(stats.count, 8);
    assert.equal(stats.sum, 40);
    assert.equal(stats.mean, 5);
    // Σ(x−5)² = 32 → √(32/7)
    assert.ok(Math.abs(stats.sd! - Math.sqrt(32 / 7)) < 1e-12);
    assert.equal(stats.min, 2);
    assert.equal(stats.max, 9);
    assert.equal(stats.q1, 4); // p = 2.25 between 4 and 4
    assert.equal(stats.median, 4.5); // p = 4.5 between 4 and 5
    assert.equal(stats.q3, 6.5); // p = 6.75 between 5 and 7: 5 + .75×2
  });

  test('one value: no standard deviation', () => {
    assert.deepEqual(numericStats([3], 'excel'), {
      count: 1,
      sum: 3,
      mean: 3,
      sd: null,
      min: 3,
      q1: 3,
      median: 3,
      q3: 3,
      max: 3,
    });
  });

  test('no value: every figure null, count 0', () => {
    const stats = numericStats([], 'minitab');
    assert.equal(stats.count, 0);
    assert.deepEqual(Object.values(stats).slice(1), [null, null, null, null, null, null, null, null]);
  });
});

test('FloatBuffer grows past its initial capacity and keeps every value', () => {
  const buffer = new FloatBuffer();
  for (let i = 0; i < 100; i++) buffer.push(i * 0.5);
  assert.equal(buffer.length, 100);
  assert.equal(buffer.values().length, 100);
  assert.equal(buffer.values()[99], 49.5);
});

describe('numericStatsOfCounts (ratings summarised from their counts)', () => {
  // Deterministic pseudo-random cases: the count form must equal the expanded sample's summary.
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const cases: { values: number[]; counts: number[] }[] = [
    { values: [1, 2, 3, 4, 5], counts: [0, 0, 0, 0, 0] },
    { values: [1, 2, 3], counts: [0, 1, 0] },
    { values: [3, 1, 2], counts: [1, 0, 1] },
    { values: [5, 4, 3, 2, 1], counts: [3, 0, 2, 7, 1] },
  ];
  for (let c = 0; c < 40; c++) {
    const size = 2 + Math.floor(random() * 9);
    cases.push({
      values: Array.from({ length: size }, () => Math.round((random() * 20 - 5) * 100) / 100),
      counts: Array.from({ length: size }, () => (random() < 0.2 ? 0 : Math.floor(random() * 30))),
    });
  }
  for (const method of ['minitab', 'excel'] as const) {
    test(`same figures as numericStats on the expanded sample (${method})`, () => {
      for (const { values, counts } of cases) {
        const expanded = values.flatMap((v, i) => Array.from({ length: counts[i]! }, () => v));
        assert.deepEqual(
          numericStatsOfCounts(values, counts, method),
          numericStats(Float64Array.from(expanded), method),
          `values ${values.join(' ')} counts ${counts.join(' ')}`,
        );
      }
    });
  }
});
