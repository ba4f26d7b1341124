import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureDir, skipWithoutFixture, ROOT } from '../support/shared.js';
import { openStore, type Store } from '../../src/store/index.js';
import { importCampaignFolder, ImportError } from '../../src/cli/import.js';
import { campaignData as publishCampaignOf } from '../../src/app/publication/data.js';
import { loadIndicatorFile } from '../../src/publish/indicators/load.js';
import { buildBrochure } from '../../src/publish/brochure/model.js';
import { InputError } from '../../src/ingest/index.js';
import { createApp, hashPassword, loadConfig } from '../../src/server/index.js';

interface Check {
  figure: string;
  value: number | string | string[];
  published: number | string | string[];
  tolerance: number | null;
  comparison: 'approx' | 'gt' | 'eq' | 'set_eq';
}

const NORD = 'observatoire-nord-2021';

function checkFigures(figures: Map<string, { value: unknown }>, checks: Check[]): void {
  for (const check of checks) {
    const figure = figures.get(check.figure);
    assert.ok(figure, `no figure ${check.figure} in the brochure`);
    const actual = figure.value;
    switch (check.comparison) {
      case 'eq':
        assert.deepEqual(actual, check.published, check.figure);
        break;
      case 'set_eq':
        assert.deepEqual(
          [...(actual as string[])].sort(),
          [...(check.published as string[])].sort(),
          check.figure,
        );
        break;
      case 'gt':
        assert.ok(
          (actual as number) > (check.published as number),
          `${check.figure}: ${String(actual)} > ${String(check.published)}`,
        );
        break;
      case 'approx':
        assert.ok(
          Math.abs((actual as number) - (check.published as number)) <= (check.tolerance ?? 0),
          `${check.figure}: ${String(actual)}`,
        );
        assert.ok(
          Math.abs((actual as number) - (check.value as number)) < 1e-6,
          `${check.figure}: exact ${String(check.value)}`,
        );
        break;
    }
  }
}

/** Uploads the indicator file as an admin and reads the network brochure as JSON. */
async function apiFigures(
  store: Store,
  campaignId: string,
  indicatorText: string,
): Promise<Map<string, { value: unknown }>> {
  const config = loadConfig({
    env: {},
    file: join(tmpdir(), 'panorama-none.json'),
    overrides: { dataDir: tmpdir(), baseUrl: 'http://panorama.test' },
  });
  const app = await createApp({ store, config, webRoot: false });
  try {
    await store.users.create({
      email: 'admin-import@test.fr',
      name: 'Admin',
      role: 'admin',
      passwordHash: await hashPassword('mot-de-passe-de-test'),
    });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'admin-import@test.fr', password: 'mot-de-passe-de-test' },
    });
    const cookie = login.cookies.find((c) => c.name === 'panorama_session')!;
    const headers = {
      cookie: `${cookie.name}=${cookie.value}`,
      'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken,
    };
    const put = await app.inject({
      method: 'PUT',
      url: `/api/campaigns/${campaignId}/indicators`,
      headers,
      payload: { indicators: JSON.parse(indicatorText) as object },
    });
    assert.equal(put.statusCode, 200, put.body);
    const res = await app.inject({
      method: 'GET',
      url: `/api/campaigns/${campaignId}/brochure?format=json&audience=admin`,
      headers,
    });
    assert.equal(res.statusCode, 200, res.body);
    return new Map(res.json<{ figures: { id: string; value: unknown }[] }>().figures.map((f) => [f.id, f]));
  } finally {
    await app.close();
  }
}

describe(
  'panorama import of the Nord 2021 folder, brochure computed from the store',
  { skip: skipWithoutFixture(NORD) },
  () => {
    let dir: string;
    let store: Store;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'panorama-import-'));
      store = await openStore({ dataDir: dir });
      await store.migrate();
    });
    after(async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('stores a closed campaign whose brochure gives every published figure of expected.json', async () => {
      const now = new Date('2021-06-01T10:00:00.000Z');
      const summary = await importCampaignFolder(store, fixtureDir(NORD), {
        name: 'Observatoire Nord 2021',
        now,
      });
      const expected = JSON.parse(readFileSync(join(fixtureDir(NORD), 'expected.json'), 'utf8')) as {
        parameters: { responses: number };
        checks: Check[];
      };
      assert.equal(summary.responses, expected.parameters.responses);
      const campaign = (await store.campaigns.get(summary.campaignId))!;
      assert.equal(
        store.campaigns.isOpen(campaign, now.toISOString()),
        false,
        'the imported campaign is closed',
      );
      assert.equal(await store.responses.countSubmitted(campaign.id), expected.parameters.responses);
      const levels = new Set((await store.territories.list()).map((t) => t.level));
      assert.ok(levels.has('territoire') && levels.has('departement'), [...levels].join(','));

      const fromStore = await publishCampaignOf(store, campaign);
      const file = await loadIndicatorFile(
        join(ROOT, 'examples', NORD, 'indicators.json'),
        fromStore.survey,
        fromStore.registry,
      );
      const model = buildBrochure(fromStore, file, { territory: null, audience: 'admin' });
      const figures = new Map(model.figures.map((f) => [f.id, f]));
      assert.ok(expected.checks.length > 10);
      checkFigures(figures, expected.checks);

      // The same through the HTTP API: indicator file uploaded, brochure JSON downloaded.
      const api = await apiFigures(
        store,
        campaign.id,
        readFileSync(join(ROOT, 'examples', NORD, 'indicators.json'), 'utf8'),
      );
      checkFigures(api, expected.checks);
    });

    it('refuses the same name again, and --replace swaps the campaign without duplicating answers', async () => {
      await assert.rejects(
        importCampaignFolder(store, fixtureDir(NORD), { name: 'observatoire nord 2021' }),
        (err: unknown) => {
          assert.ok(err instanceof ImportError);
          assert.match(err.message, /existe déjà.*--replace/);
          return true;
        },
      );
      assert.equal((await store.campaigns.list()).length, 1);
      const again = await importCampaignFolder(store, fixtureDir(NORD), {
        name: 'Observatoire Nord 2021',
        replace: true,
      });
      assert.equal(again.replaced, true);
      assert.equal(again.territoriesCreated, 0, 'territories are reused');
      const campaigns = await store.campaigns.list();
      assert.equal(campaigns.length, 1);
      assert.equal(campaigns[0]!.id, again.campaignId);
      assert.equal(await store.responses.countSubmitted(again.campaignId), again.responses);
      assert.equal(
        (await store.surveys.list()).length,
        1,
        'the replaced survey is removed with its campaign',
      );
    });
  },
);

describe('panorama import is all or nothing', () => {
  it('a bad answer in the folder stores nothing and names the line and question', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'panorama-import-bad-'));
    const input = join(dir, 'in');
    mkdirSync(input);
    writeFileSync(
      join(input, 'survey.json'),
      JSON.stringify({
        title: 'Petit',
        pages: [{ name: 'p', elements: [{ type: 'text', inputType: 'number', name: 'etp' }] }],
      }),
    );
    writeFileSync(
      join(input, 'structures.csv'),
      'id,nom,departement,territoire\nS1,Centre 1,59,Flandre\nS2,Centre 2,59,Flandre\n',
    );
    writeFileSync(
      join(input, 'responses.jsonl'),
      `${JSON.stringify({ id: 'r1', structure: 'S1', data: { etp: 3 } })}\n${JSON.stringify({ id: 'r2', structure: 'S2', data: { etp: 'beaucoup' } })}\n`,
    );
    const store = await openStore({ dataDir: dir });
    await store.migrate();
    try {
      await assert.rejects(importCampaignFolder(store, input, { name: 'Petit' }), (err: unknown) => {
        assert.ok(err instanceof InputError, String(err));
        const p = err.problems[0]!;
        assert.equal(p.line, 2);
        assert.equal(p.question, 'etp');
        return true;
      });
      assert.equal((await store.structures.list()).length, 0);
      assert.equal((await store.campaigns.list()).length, 0);
      // Two answers for one structure: refused before anything is written.
      writeFileSync(
        join(input, 'responses.jsonl'),
        `${JSON.stringify({ id: 'r1', structure: 'S1', data: { etp: 3 } })}\n${JSON.stringify({ id: 'r2', structure: 'S1', data: { etp: 4 } })}\n`,
      );
      await assert.rejects(
        importCampaignFolder(store, input, { name: 'Petit' }),
        /« S1 » a répondu deux fois/,
      );
      assert.equal((await store.territories.list()).length, 0);
      // Fixed: imported, with an anonymous answer kept.
      writeFileSync(
        join(input, 'responses.jsonl'),
        `${JSON.stringify({ id: 'r1', structure: 'S1', data: { etp: 3 } })}\n${JSON.stringify({ id: 'r2', structure: null, data: { etp: 4 } })}\n`,
      );
      const s = await importCampaignFolder(store, input, { name: 'Petit' });
      assert.deepEqual([s.responses, s.anonymous, s.structures.created, s.territoriesCreated], [2, 1, 2, 2]);
      const records = [];
      for await (const r of store.responses.listSubmitted(s.campaignId)) records.push(r);
      assert.deepEqual(
        records.map((r) => [r.structure, r.data.etp]).sort(),
        [
          ['S1', 3],
          [null, 4],
        ].sort(),
      );
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
