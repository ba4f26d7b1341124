import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** What a worker thread needs to start one of our modules. */
export interface WorkerEntry {
  filename: string;
  execArgv: string[];
}

/**
 * The worker module at `url` (given without extension): its compiled `.js` sibling when there is
 * one, otherwise the `.ts` source loaded through tsx (dev, tests, `bin/panorama.js`). Worker
 * threads do not share the main thread's tsx hooks, and on Node 20 `--import tsx` has no effect
 * in a worker, so the worker preloads tsx-register.mjs, which registers tsx through its API.
 * `execArgv` is always explicit so a worker never inherits flags meant for the main process
 * (`--test`, `--cpu-prof`).
 */
export function workerEntry(url: URL): WorkerEntry {
  const base = fileURLToPath(url);
  if (existsSync(`${base}.js`)) return { filename: `${base}.js`, execArgv: [] };
  if (existsSync(`${base}.ts`)) {
    const register = new URL('./tsx-register.mjs', import.meta.url).href;
    return { filename: `${base}.ts`, execArgv: ['--import', register] };
  }
  throw new Error(`worker module not found: ${base}.js or ${base}.ts`);
}
