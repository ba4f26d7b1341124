/**
 * The real Panorama server in its own process, so that the load generator (autocannon) or the
 * browser does not share its event loop. Started by bench scripts with `fork`; reads the store
 * location from PANORAMA_BENCH_STORE (JSON), listens on 127.0.0.1 on a free port and sends
 * `{ port }` to its parent; SIGTERM closes the server and the store, then exits.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
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
});
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });

// The parent may ask how long the event loop was held since its last question (`{ cmd: 'loop' }`):
// the server's own blocking, apart from the network and the load generator.
const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
process.on('message', (message: { cmd?: string }) => {
  if (message.cmd !== 'loop') return;
  const ms = (ns: number) => Math.round(ns / 1e4) / 100;
  process.send?.({
    loop: { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) },
  });
  loop.reset();
});

process.on('SIGTERM', () => {
  void (async () => {
    await app.close();
    await store.close();
    process.exit(0);
  })();
});
