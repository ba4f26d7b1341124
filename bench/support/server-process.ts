/**
 * The real Panorama server in its own process, so that the load generator (autocannon) or the
 * browser does not share its event loop. Started by bench scripts with `fork`; reads the store
 * location from PANORAMA_BENCH_STORE (JSON), listens on 127.0.0.1 on a free port and sends
 * `{ port }` to its parent; SIGTERM closes the server and the store, then exits.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openStore } from '../../src/store/index.js';
import { createApp, loadConfig } from '../../src/server/index.js';
import { kyselyOf } from '../../src/store/inspect.js';

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
  },
});
const app = await createApp({
  store,
  config,
  webRoot: process.env.PANORAMA_BENCH_WEB === '0' ? false : undefined,
});
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });

process.on('SIGTERM', () => {
  void (async () => {
    await app.close();
    await store.close();
    process.exit(0);
  })();
});
