import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openStore, type Store } from '../../src/store/index.js';
import { seedDemo, type DemoSummary } from '../../src/demo/index.js';
import { RenderPool } from '../../src/runtime/render-pool.js';
import { reportRegistry } from '../../src/runtime/report-build.js';
import { buildReport } from '../../src/stats/index.js';
import { buildSurveyModel, type ResponseRecord, type SurveyModel } from '../../src/survey/index.js';

/**
 * A report built and rendered in one worker task (report-build.ts): the worker reads the
 * responses from its own read-only store, or from records streamed by the main thread; both give
 * the report the engine computes in this thread, and only the document's bytes come back.
 */
describe('report jobs in the render pool', () => {
  const dir = mkdtempSync(join(tmpdir(), 'panorama-report-job-'));
  const pool = new RenderPool({ threads: 1, queue: 4 });
  let store: Store;
  let demo: DemoSummary;
  let survey: SurveyModel;
  let campaignId: string;

  const all = async (id: string, structureIds?: readonly string[]) => {
    const out: ResponseRecord[] = [];
    for await (const r of store.responses.listSubmitted(id, structureIds ? { structureIds } : {}))
      out.push(r);
    return out;
  };

  before(async () => {
    store = await openStore({ dataDir: dir });
    await store.migrate();
    demo = await seedDemo(store, { now: new Date() });
    campaignId = demo.closedCampaign.id;
    const campaign = (await store.campaigns.get(campaignId))!;
    const version = (await store.surveys.getVersion(campaign.surveyVersionId))!;
    survey = buildSurveyModel(version.definition, 'demo');
  });
  after(async () => {
    await pool.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const json = (body: Buffer) => JSON.parse(body.toString('utf8')) as Record<string, unknown>;

  it('the store offers read-only options for another thread, and that store refuses writes', async () => {
    const options = store.readerOptions!();
    assert.deepEqual(options, { dataDir: dir, readOnly: true });
    const reader = await openStore(options);
    try {
      assert.equal((await reader.campaigns.get(campaignId))?.id, campaignId);
      await assert.rejects(
        reader.territories.create({ name: 'Lecture seule', level: 'commune' }),
        /readonly|read-only|lecture/i,
      );
    } finally {
      await reader.close();
    }
    // A reader never creates a database: a missing file is an error.
    await assert.rejects(openStore({ dataDir: join(dir, 'absent'), readOnly: true }), /cannot open/);
  });

  it('read by the worker from its own store: the report the engine computes here', async () => {
    const registry = await reportRegistry(store, campaignId, undefined);
    const expected = buildReport(survey, await all(campaignId), { registry, lang: 'fr' });
    expected.title = expected.title || 'Démo';
    const built = await pool.report(
      { survey, options: { lang: 'fr' }, title: 'Démo', format: 'json' },
      { store: store.readerOptions!(), campaignId },
    );
    assert.ok('body' in built);
    assert.deepEqual(json(built.body), JSON.parse(JSON.stringify(expected)));
    assert.ok(expected.participation.responses > 0, 'the demo campaign has responses');
  });

  it("read in the caller's scope only: a sub-population gives the engine's report on it", async () => {
    const structures = (await store.structures.list()).slice(0, 7).map((s) => s.id);
    const registry = await reportRegistry(store, campaignId, structures);
    assert.ok(registry.structures.length <= structures.length);
    const expected = buildReport(survey, await all(campaignId, structures), { registry, lang: 'en' });
    expected.title = expected.title || 'Demo';
    const fromStore = await pool.report(
      { survey, options: { lang: 'en' }, title: 'Demo', format: 'json' },
      { store: store.readerOptions!(), campaignId, structureIds: structures },
    );
    const streamed = await pool.report(
      { survey, options: { lang: 'en', registry }, title: 'Demo', format: 'json' },
      store.responses.listSubmitted(campaignId, { structureIds: structures, pageSize: 3 }),
      { batchSize: 2, window: 1 },
    );
    assert.ok('body' in fromStore && 'body' in streamed);
    assert.deepEqual(json(fromStore.body), JSON.parse(JSON.stringify(expected)));
    assert.deepEqual(json(streamed.body), json(fromStore.body));
  });

  it('an equal report is served from the cache, whichever way its responses were read', async () => {
    const registry = await reportRegistry(store, campaignId, undefined);
    const before = pool.stats;
    const first = await pool.report(
      { survey, options: { lang: 'fr' }, title: 'Démo', format: 'docx' },
      { store: store.readerOptions!(), campaignId },
    );
    const again = await pool.report(
      { survey, options: { lang: 'fr', registry }, title: 'Démo', format: 'docx' },
      store.responses.listSubmitted(campaignId),
    );
    assert.ok('body' in first && 'body' in again);
    assert.equal(first.body.subarray(0, 2).toString(), 'PK');
    assert.equal(again.body, first.body);
    assert.equal(pool.stats.rendered, before.rendered + 1);
    assert.equal(pool.stats.cacheHits, before.cacheHits + 1);
  });

  it('options that do not fit the survey come back as a catalogue error, not a crash', async () => {
    const built = await pool.report(
      { survey, options: { by: 'inconnue' }, title: 'Démo', format: 'pdf' },
      { store: store.readerOptions!(), campaignId },
    );
    assert.ok('optionsError' in built);
    assert.equal(built.optionsError.code, 'report_key_unknown');
    assert.match(JSON.stringify(built.optionsError.params), /inconnue/);
  });

  it('a read that fails on the main thread fails the report and frees the worker', async () => {
    async function* failing(): AsyncIterable<ResponseRecord> {
      yield* (await all(campaignId)).slice(0, 3);
      throw new Error('disque illisible');
    }
    await assert.rejects(
      pool.report({ survey, options: {}, title: 'Démo', format: 'pdf' }, failing(), { batchSize: 1 }),
      /disque illisible/,
    );
    // The worker gave up instead of waiting for the rest: the pool still serves.
    const built = await pool.report(
      { survey, options: { lang: 'en' }, title: 'Demo', format: 'json' },
      { store: store.readerOptions!(), campaignId },
    );
    assert.ok('body' in built);
    assert.equal(pool.stats.pending, 0);
  });
});
