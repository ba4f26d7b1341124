import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { openStore, type Store } from '../../src/store/index.js';
import { createApp, hashPassword, loadConfig } from '../../src/server/index.js';
import { seedDemo, type DemoSummary } from '../../src/demo/index.js';
import { RenderPool } from '../../src/runtime/render-pool.js';
import { PASSWORD, tokenOf } from './helpers.js';

/**
 * The routes that render documents go through the pool: one thread and no queue here, so a
 * second different render while one runs is refused with 503, and the server keeps answering.
 */
describe('documents rendered off the event loop (HTTP)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'panorama-render-'));
  const renders = new RenderPool({ threads: 1, queue: 0 });
  let store: Store;
  let app: FastifyInstance;
  let demo: DemoSummary;
  let cookie: string;

  before(async () => {
    store = await openStore({ dataDir: dir });
    await store.migrate();
    demo = await seedDemo(store, { now: new Date() });
    await store.users.create({
      email: 'admin@test.fr',
      name: 'Admin',
      role: 'admin',
      passwordHash: await hashPassword(PASSWORD),
    });
    const config = loadConfig({ env: {}, file: join(dir, 'none.json'), overrides: { dataDir: dir } });
    app = await createApp({ store, config, webRoot: false, renders });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'admin@test.fr', password: PASSWORD },
    });
    assert.equal(login.statusCode, 200, login.body);
    const session = login.cookies.find((c) => c.name === 'panorama_session')!;
    cookie = `${session.name}=${session.value}`;
  });
  after(async () => {
    await app.close();
    await renders.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const report = (query: string, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'GET',
      url: `/api/campaigns/${demo.closedCampaign.id}/report?${query}`,
      headers: { cookie, ...headers },
    });

  it('answers health and refuses a second render with 503 while a report renders, then serves it from the cache', async () => {
    let finished = false;
    const first = report('format=pdf').finally(() => (finished = true));
    while (renders.stats.pending === 0) await new Promise((resolve) => setTimeout(resolve, 2));

    const health = await app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(health.statusCode, 200);
    const busy = await report('format=docx');
    const busyEn = await report('format=xlsx', { 'accept-language': 'en' });
    assert.equal(finished, false, 'the report was already finished: nothing ran beside it');

    assert.equal(busy.statusCode, 503, busy.body);
    assert.equal(busy.headers['retry-after'], '10');
    const error = busy.json<{ error: { code: string; message: string } }>().error;
    assert.equal(error.code, 'render_busy');
    assert.match(error.message, /^Le serveur prépare déjà .*réessayez dans 10 secondes/);
    assert.equal(busyEn.statusCode, 503);
    assert.match(busyEn.json<{ error: { message: string } }>().error.message, /try again in 10 seconds/);

    const pdf = await first;
    assert.equal(pdf.statusCode, 200, pdf.body);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');

    const hits = renders.stats.cacheHits;
    const again = await report('format=pdf');
    assert.equal(again.statusCode, 200);
    assert.equal(renders.stats.cacheHits, hits + 1);
    assert.deepEqual(again.rawPayload, pdf.rawPayload);
  });

  it('a report with another filter is rendered again, not served from the cache', async () => {
    const before = renders.stats;
    const filtered = await report('format=pdf&where=territoire=Artois');
    assert.equal(filtered.statusCode, 200, filtered.body);
    assert.equal(renders.stats.rendered, before.rendered + 1);
    assert.equal(renders.stats.cacheHits, before.cacheHits);
  });

  it('an unknown breakdown key is still a 400 naming it (the engine runs in the worker)', async () => {
    const res = await report('format=pdf&by=inconnue');
    assert.equal(res.statusCode, 400, res.body);
    assert.match(res.json<{ error: { message: string } }>().error.message, /inconnue/);
  });

  it("the respondent's PDF copy is rendered by the pool", async () => {
    const structure = (await store.structures.list())[0]!;
    const token = await tokenOf(store, demo.openCampaign.id, structure.id);
    const before = renders.stats.rendered;
    const res = await app.inject({ method: 'GET', url: `/api/respond/${token}/copy.pdf` });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.rawPayload.subarray(0, 5).toString(), '%PDF-');
    assert.equal(renders.stats.rendered, before + 1);
  });
});
