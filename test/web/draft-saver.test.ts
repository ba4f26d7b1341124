import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { DraftSaver, type SaveState } from '../../src/web/respond/draftSaver.js';

/** Timers are real: poll instead of guessing how long a loaded machine takes. */
async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) return;
    await sleep(5);
  }
}

/** A fake server that records every draft it receives and can be told to fail. */
function recorder() {
  const received: number[] = [];
  const states: SaveState['kind'][] = [];
  let failures = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  return {
    received,
    states,
    failNext(n: number) {
      failures = n;
    },
    get busy() {
      return inFlight > 0;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    async send(value: number): Promise<string> {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await sleep(15);
      inFlight--;
      if (failures > 0) {
        failures--;
        throw new Error('réseau indisponible');
      }
      received.push(value);
      return new Date().toISOString();
    },
  };
}

test('typing quickly sends one draft with the latest data after the debounce delay', async () => {
  const server = recorder();
  const saver = new DraftSaver<number>({
    send: (v) => server.send(v),
    delayMs: 40,
    onState: (s) => server.states.push(s.kind),
  });
  for (let i = 1; i <= 5; i++) {
    saver.schedule(i);
    await sleep(5);
  }
  assert.deepEqual(server.received, []);
  await waitFor(() => server.states.at(-1) === 'saved');
  await sleep(60);
  assert.deepEqual(server.received, [5]);
  assert.deepEqual(server.states, ['saving', 'saved']);
});

test('changes made while a save is in flight are sent afterwards, never concurrently', async () => {
  const server = recorder();
  const saver = new DraftSaver<number>({ send: (v) => server.send(v), delayMs: 5 });
  saver.schedule(1);
  await waitFor(() => server.busy); // request for 1 in flight
  saver.schedule(2);
  saver.schedule(3);
  await waitFor(() => server.received.length >= 2);
  await sleep(40);
  assert.deepEqual(server.received, [1, 3]);
  assert.equal(server.maxInFlight, 1);
});

test('flush saves immediately and waits for the server', async () => {
  const server = recorder();
  const saver = new DraftSaver<number>({ send: (v) => server.send(v), delayMs: 10_000 });
  saver.schedule(7);
  await saver.flush();
  assert.deepEqual(server.received, [7]);
  assert.equal(saver.hasPending(), false);
});

test('a failed save is retried with the newest data', async () => {
  const server = recorder();
  const saver = new DraftSaver<number>({
    send: (v) => server.send(v),
    delayMs: 5,
    retryMs: 30,
    onState: (s) => server.states.push(s.kind),
  });
  server.failNext(1);
  saver.schedule(1);
  await waitFor(() => server.states.includes('failed'));
  saver.schedule(2);
  await waitFor(() => server.received.length >= 1);
  assert.deepEqual(server.received, [2]);
  assert.ok(server.states.includes('failed'));
  assert.equal(server.states.at(-1), 'saved');
});

test('a refused draft (422) is not resent, but the next change is saved', async () => {
  const server = recorder();
  let refused = 0;
  const saver = new DraftSaver<number>({
    send: async (v) => {
      if (v === 1) {
        refused++;
        throw new Error('valeur refusée');
      }
      return server.send(v);
    },
    delayMs: 5,
    retryMs: 5,
    isRefused: () => true,
    onState: (s) => server.states.push(s.kind),
  });
  saver.schedule(1);
  await sleep(60);
  assert.equal(refused, 1, 'the refused data is sent once');
  assert.equal(server.states.at(-1), 'failed');
  saver.schedule(2);
  await waitFor(() => server.received.length >= 1);
  assert.deepEqual(server.received, [2]);
});

test('a fatal error (campaign closed) stops saving', async () => {
  const server = recorder();
  let calls = 0;
  const saver = new DraftSaver<number>({
    send: async () => {
      calls++;
      throw new Error('campagne close');
    },
    delayMs: 5,
    retryMs: 5,
    isFatal: () => true,
  });
  saver.schedule(1);
  await sleep(60);
  saver.schedule(2);
  await sleep(30);
  assert.equal(calls, 1);
  assert.deepEqual(server.received, []);
});

test('stop drops pending data; takePending hands it over for a keepalive request', async () => {
  const server = recorder();
  const saver = new DraftSaver<number>({ send: (v) => server.send(v), delayMs: 20 });
  saver.schedule(4);
  assert.equal(saver.takePending(), 4);
  await sleep(50);
  assert.deepEqual(server.received, []);
  saver.schedule(5);
  saver.stop();
  await sleep(50);
  assert.deepEqual(server.received, []);
});
