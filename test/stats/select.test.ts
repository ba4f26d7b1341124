import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { numericStats, quartiles, SELECTION_THRESHOLD } from '../../src/stats/quantiles.js';
import { select } from '../../src/stats/select.js';

let seed = 11;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

describe('select (quickselect)', () => {
  test('every rank of small arrays equals the sorted value (duplicates, runs, constants)', () => {
    const arrays: number[][] = [
      [5],
      [2, 1],
      [3, 3, 3, 3],
      [1, 2, 3, 4, 5, 6, 7],
      [7, 6, 5, 4, 3, 2, 1],
      ...Array.from({ length: 60 }, () =>
        Array.from({ length: 1 + Math.floor(random() * 40) }, () => Math.floor(random() * 6) - 2),
      ),
    ];
    for (const values of arrays) {
      const sorted = [...values].sort((a, b) => a - b);
      for (let k = 0; k < values.length; k++) {
        assert.equal(select(Float64Array.from(values), k), sorted[k], `rank ${k} of ${values.join(' ')}`);
      }
    }
  });
});

describe('numericStats above the selection threshold', () => {
  for (const method of ['minitab', 'excel'] as const) {
    test(`same order statistics as a full sort; sums equal up to rounding (${method})`, () => {
      for (const [size, spread] of [
        [SELECTION_THRESHOLD, 1000],
        [SELECTION_THRESHOLD + 3, 7],
        [SELECTION_THRESHOLD * 2 + 1, 1e6],
      ] as const) {
        const values = Float64Array.from({ length: size }, () => Math.floor(random() * spread) / 4);
        const sorted = Float64Array.from(values).sort();
        const stats = numericStats(Float64Array.from(values), method);
        const [q1, median, q3] = quartiles(sorted, method)!;
        assert.deepEqual(
          [stats.count, stats.min, stats.q1, stats.median, stats.q3, stats.max],
          [size, sorted[0], q1, median, q3, sorted[size - 1]],
        );
        let sum = 0;
        for (const v of sorted) sum += v;
        assert.ok(Math.abs(stats.sum! - sum) <= Math.abs(sum) * 1e-12, `sum ${stats.sum} vs ${sum}`);
        assert.ok(Math.abs(stats.mean! - sum / size) <= Math.abs(sum / size) * 1e-12);
      }
    });
  }
});
