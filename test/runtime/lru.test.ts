import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BytesLru } from '../../src/runtime/lru.js';

const bytes = (n: number) => Promise.resolve(Buffer.alloc(n));
const settle = () => new Promise((resolve) => setImmediate(resolve));

test('the render cache evicts the least recently used documents beyond its entry and byte bounds', async () => {
  const cache = new BytesLru(3, 100);
  cache.set('a', bytes(40));
  cache.set('b', bytes(40));
  await settle();
  assert.equal(cache.bytes, 80);
  assert.ok(cache.get('a')); // a is now the most recently used
  cache.set('c', bytes(40)); // 120 bytes > 100: b goes
  await settle();
  assert.equal(cache.get('b'), undefined);
  assert.ok(cache.get('a') && cache.get('c'));
  assert.equal(cache.bytes, 80);
  cache.set('d', bytes(1));
  cache.set('e', bytes(1)); // 4 entries > 3: a (least recent after c was read) goes
  await settle();
  assert.equal(cache.size, 3);
  assert.equal(cache.get('a'), undefined);
});

test('the render cache keeps neither failures nor documents larger than its byte bound', async () => {
  const cache = new BytesLru(10, 100);
  const failed = Promise.reject(new Error('render failed'));
  failed.catch(() => undefined);
  cache.set('failed', failed);
  cache.set('huge', bytes(101));
  assert.equal(cache.size, 2, 'pending renders are shared while they run');
  await settle();
  assert.equal(cache.get('failed'), undefined);
  assert.equal(cache.get('huge'), undefined);
  assert.equal(cache.bytes, 0);
});
