/**
 * The real Panorama server in its own process, so that the load generator (autocannon) or the
 * browser does not share its event loop. Started by bench scripts with `fork`; reads the store
 * location from PANORAMA_BENCH_STORE (JSON), listens on 127.0.0.1 on a free port and sends
 * `{ port }` to its parent; SIGTERM closes the server and the store, then exits.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { appendFileSync, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { openStore } from '../../src/store/index.js';
import { createApp, loadConfig } from '../../src/server/index.js';
import { kyselyOf } from '../../src/store/inspect.js';
import { RenderPool } from '../../src/runtime/render-pool.js';

const options = JSON.parse(process.env.PANORAMA_BENCH_STORE ?? '{}') as {
  databaseUrl?: string;
  dataDir: string;
};
const store = await openStore(options);
await store.migrate();
// Bench-only what-if (PANORAMA_BENCH_SQLITE_SYNC=NORMAL): how much of the submission cost is the
// WAL fsync of every commit. Production keeps the store's synchronous = FULL.
const sync = process.env.PANORAMA_BENCH_SQLITE_SYNC;
if (sync && store.dialect === 'sqlite') {
  if (!/^(OFF|NORMAL|FULL)$/i.test(sync))
    throw new Error(`PANORAMA_BENCH_SQLITE_SYNC must be OFF, NORMAL or FULL, not ${sync}`);
  await sql.raw(`PRAGMA synchronous = ${sync}`).execute(kyselyOf(store));
}
const config = loadConfig({
  env: {},
  file: join(mkdtempSync(join(tmpdir(), 'panorama-bench-config-')), 'none.json'),
  overrides: {
    dataDir: options.dataDir,
    databaseUrl: options.databaseUrl,
    demo: false,
    baseUrl: 'http://127.0.0.1',
    ...(process.env.PANORAMA_BENCH_RENDER_THREADS
      ? { renderThreads: process.env.PANORAMA_BENCH_RENDER_THREADS }
      : {}),
  },
});
const app = await createApp({
  store,
  config,
  webRoot: process.env.PANORAMA_BENCH_WEB === '0' ? false : undefined,
  // Bench-only what-if (PANORAMA_BENCH_INLINE_RENDER=1): documents rendered on the event loop, as before the pool.
  ...(process.env.PANORAMA_BENCH_INLINE_RENDER === '1' ? { renders: new RenderPool({ inline: true }) } : {}),
  // Bench-only what-if (PANORAMA_BENCH_RENDER_NICE=N): the render threads at another niceness.
  ...(process.env.PANORAMA_BENCH_RENDER_NICE
    ? {
        renders: new RenderPool({
          threads: config.renderThreads,
          queue: config.renderQueue,
          nice: Number(process.env.PANORAMA_BENCH_RENDER_NICE),
        }),
      }
    : {}),
});
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });

/**
 * Time the main thread (its task id is the process id) spent on a CPU and waiting for one, in ms,
 * from Linux's /proc/self/task/<tid>/schedstat; undefined elsewhere.
 */
const schedFile = `/proc/self/task/${process.pid}/schedstat`;
function mainThreadSched(): { runMs: number; waitMs: number } | undefined {
  try {
    const [run, wait] = readFileSync(schedFile, 'utf8').split(' ').map(Number);
    return { runMs: run! / 1e6, waitMs: wait! / 1e6 };
  } catch {
    return undefined;
  }
}

// Stalls: a 2 ms timer that fires 50 ms late or more means a request arriving then waited as
// long. Each stall is split into the main thread's time on a CPU (our code: what the server
// controls) and its time waiting for a CPU (a busy machine: what it does not).
// PANORAMA_BENCH_LONG_TASKS=<file> also logs one JSON line per stall of 20 ms or more and per
// garbage collection pause of 10 ms or more, with the time since the process started (as in a
// CPU profile, PANORAMA_BENCH_CPU_PROF).
const longTasks = process.env.PANORAMA_BENCH_LONG_TASKS;
const log = (entry: Record<string, unknown>) =>
  longTasks && appendFileSync(longTasks, `${JSON.stringify(entry)}\n`);
const stalls = { count: 0, cpuMs: 0, waitMs: 0, maxCpuMs: 0 };
let last = performance.now();
let lastSched = mainThreadSched();
setInterval(() => {
  const now = performance.now();
  const sched = mainThreadSched();
  const late = now - last - 2;
  if (late >= 20) {
    const cpuMs = sched && lastSched ? sched.runMs - lastSched.runMs : undefined;
    const waitMs = sched && lastSched ? sched.waitMs - lastSched.waitMs : undefined;
    if (late >= 50) {
      stalls.count += 1;
      stalls.cpuMs += cpuMs ?? 0;
      stalls.waitMs += waitMs ?? 0;
      stalls.maxCpuMs = Math.max(stalls.maxCpuMs, cpuMs ?? 0);
    }
    log({
      kind: 'stall',
      atS: Math.round(now) / 1000,
      ms: Math.round(late),
      ...(cpuMs === undefined ? {} : { cpuMs: Math.round(cpuMs), waitMs: Math.round(waitMs!) }),
    });
  }
  last = now;
  lastSched = sched;
}, 2).unref();
if (longTasks)
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (e.duration >= 10)
        log({ kind: 'gc', atS: Math.round(e.startTime) / 1000, ms: Math.round(e.duration) });
  }).observe({ entryTypes: ['gc'] });

// The parent may ask how long the event loop was held since its last question (`{ cmd: 'loop' }`):
// the server's own blocking, apart from the network and the load generator; with the main
// thread's CPU time and run-queue wait over the period, and the stalls of 50 ms or more.
const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
let periodSched = mainThreadSched();
process.on('message', (message: { cmd?: string }) => {
  if (message.cmd !== 'loop') return;
  const ms = (ns: number) => Math.round(ns / 1e4) / 100;
  const sched = mainThreadSched();
  const r = (n: number) => Math.round(n);
  process.send?.({
    loop: {
      p50: ms(loop.percentile(50)),
      p99: ms(loop.percentile(99)),
      max: ms(loop.max),
      ...(sched && periodSched
        ? {
            mainThreadCpuMs: r(sched.runMs - periodSched.runMs),
            mainThreadRunqueueWaitMs: r(sched.waitMs - periodSched.waitMs),
          }
        : {}),
      stallsOver50ms: stalls.count,
      stallsCpuMs: r(stalls.cpuMs),
      stallsRunqueueWaitMs: r(stalls.waitMs),
      longestStallCpuMs: r(stalls.maxCpuMs),
    },
  });
  loop.reset();
  periodSched = sched;
  Object.assign(stalls, { count: 0, cpuMs: 0, waitMs: 0, maxCpuMs: 0 });
});

process.on('SIGTERM', () => {
  void (async () => {
    await app.close();
    await store.close();
    process.exit(0);
  })();
});
