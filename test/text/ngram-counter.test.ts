import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NgramCounter } from '../../src/text/ngram-counter.js';

test('n-gram counts are exact across many partition folds', () => {
  const counter = new NgramCounter();
  const expected = new Map<string, number>();
  let seed = 12345;
  const next = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 16) % 12;
  };
  const occurrences = (1 << 21) + 100_000;
  for (let i = 0; i < occurrences; i++) {
    const size = 2 + (i % 3);
    const gram = [next(), next(), size > 2 ? next() : -1, size > 3 ? next() : -1] as const;
    counter.add(...gram);
    const key = gram.join(',');
    expected.set(key, (expected.get(key) ?? 0) + 1);
  }
  const found = counter.collect(1);
  assert.equal(found.length, expected.size);
  assert.equal(counter.length, expected.size);
  for (let r = 0; r < found.length; r++) {
    const key = Array.from(found.ids.subarray(r * 4, r * 4 + 4)).join(',');
    assert.equal(found.counts[r], expected.get(key), key);
  }
  assert.equal(counter.get(1, 2, -1, -1), expected.get('1,2,-1,-1'));
  assert.equal(counter.get(99, 2, -1, -1), 0);
  assert.ok(counter.collect(expected.get('1,2,-1,-1')! + 1).length < found.length);
});
