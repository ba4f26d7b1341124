import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * For long synchronous loops on the main thread (a report streamed from SQLite, whose driver answers
 * without ever giving the event loop a turn): the returned function yields to pending I/O once
 * `sliceMs` have passed since the last yield, and costs a clock read otherwise.
 */
export function cooperative(sliceMs = 8): () => Promise<void> | undefined {
  let since = performance.now();
  return () => {
    const now = performance.now();
    if (now - since < sliceMs) return undefined;
    return nextTurn().then(() => {
      since = performance.now();
    });
  };
}
