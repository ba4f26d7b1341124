import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ConditionRunner } from 'survey-core';
import { ConditionEvaluator } from '../../src/survey/conditions.js';

// The memoised evaluator must give survey-core's own answer for every value it caches on:
// each case is evaluated twice through one evaluator (miss, then hit) and compared with a
// fresh ConditionRunner that has no cache at all.
const CONDITIONS = [
  "{a} = 'x'",
  '{a} = 1',
  "{a} = '1'",
  '{a} > 2',
  '{a} empty',
  '{a} notempty',
  "{a} contains 'x'",
  "{a} anyof ['x', 'y']",
  "{a} allof ['x', 'y']",
  '{a} = true',
  "{a} = 'x' and {b} = 2",
  "{a} = 'x' or {b} notempty",
  '{a.b} = 1',
];

const VALUES: unknown[] = [
  undefined,
  null,
  '',
  'x',
  'y',
  'X',
  '1',
  1,
  3,
  2.5,
  0,
  true,
  false,
  [],
  ['x'],
  ['x', 'y'],
  ['y', 'z'],
  { b: 1 },
  'x'.repeat(100),
];

const DATA: Record<string, unknown>[] = [];
for (const a of VALUES) {
  DATA.push(a === undefined ? {} : { a });
  DATA.push(a === undefined ? { b: 2 } : { a, b: 2 });
  // survey-core reads variables case-insensitively: {a} sees A.
  if (a !== undefined) DATA.push({ A: a });
}

describe('ConditionEvaluator cache', () => {
  test('same result as survey-core for undefined, null, strings, numbers, booleans, arrays, objects', () => {
    const evaluator = new ConditionEvaluator();
    let checked = 0;
    for (const condition of CONDITIONS) {
      const runner = new ConditionRunner(condition);
      for (let pass = 0; pass < 2; pass++) {
        for (const data of DATA) {
          const expected = runner.runValues(data) === true;
          assert.equal(
            evaluator.evaluate(condition, data),
            expected,
            `${condition} with ${JSON.stringify(data)} (pass ${pass + 1})`,
          );
          checked++;
        }
      }
    }
    assert.equal(checked, CONDITIONS.length * DATA.length * 2);
  });

  test('a number and its string form are cached apart', () => {
    const evaluator = new ConditionEvaluator();
    const runner = new ConditionRunner("{a} = '01'");
    for (const a of ['01', 1, '1', 1, '01']) {
      assert.equal(evaluator.evaluate("{a} = '01'", { a }), runner.runValues({ a }) === true, String(a));
    }
  });

  test('a full cache still answers correctly (uncached evaluations)', () => {
    const evaluator = new ConditionEvaluator(2);
    for (let i = 0; i < 10; i++) {
      assert.equal(evaluator.evaluate('{a} > 4', { a: i }), i > 4, `a = ${i}`);
    }
  });
});

describe('ConditionEvaluator with known keys', () => {
  test('no case variant among the known keys: undefined values cached without scanning', () => {
    const evaluator = new ConditionEvaluator(4096, ['a', 'b', 'b-Comment']);
    for (const condition of CONDITIONS) {
      const runner = new ConditionRunner(condition);
      for (const data of DATA.filter((d) => !('A' in d))) {
        assert.equal(evaluator.evaluate(condition, data), runner.runValues(data) === true, condition);
      }
    }
  });

  test('a known case variant (a and A) keeps the per-response check', () => {
    const evaluator = new ConditionEvaluator(4096, ['a', 'A', 'b']);
    const runner = new ConditionRunner("{a} = 'x'");
    for (const data of [{}, { A: 'x' }, {}, { A: 'x' }, { a: 'y' }]) {
      assert.equal(
        evaluator.evaluate("{a} = 'x'", data),
        runner.runValues(data) === true,
        JSON.stringify(data),
      );
    }
  });
});
