import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliArgs } from '../support/cli.js';
import { skipWithoutPostgres, startPostgres, type PostgresInstance } from '../support/postgres.js';
import { openStore } from '../../src/store/index.js';
import { importCampaignFolder } from '../../src/cli/import.js';
import { writeSmallFolder } from './small-folder.js';

function panorama(args: string[], env: Record<string, string> = {}) {
  const res = spawnSync(process.execPath, cliArgs(...args), {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', ...env },
  });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

describe('panorama import (command line)', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'panorama-import-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('imports, refuses the same name, replaces with --replace; user mistakes are one clear line', () => {
    const input = writeSmallFolder(join(dir, 'in'), [
      { id: 'r1', structure: 'S1', etp: 3 },
      { id: 'r2', structure: 'S2', etp: 5 },
    ]);
    const data = join(dir, 'data');
    const first = panorama(['import', input, '--name', 'Petit 2024', '--data-dir', data]);
    assert.equal(first.code, 0, first.err);
    assert.match(first.out, /Imported campaign "Petit 2024" .*closed.*: 2 answers, 2 structures created/);
    const again = panorama(['import', input, '--name', 'Petit 2024', '--data-dir', data]);
    assert.equal(again.code, 2);
    assert.match(again.err, /une campagne nommée « Petit 2024 » existe déjà.*--replace/);
    const againEn = panorama(['--lang', 'en', 'import', input, '--name', 'Petit 2024', '--data-dir', data]);
    assert.match(againEn.err, /a campaign named "Petit 2024" already exists.*--replace/);
    assert.doesNotMatch(again.err, /at .*\.ts:\d+/, 'no stack trace');
    const replaced = panorama(['import', input, '--name', 'Petit 2024', '--data-dir', data, '--replace']);
    assert.equal(replaced.code, 0, replaced.err);
    assert.match(replaced.out, /Replaced campaign/);
    const noName = panorama(['import', input, '--data-dir', data]);
    assert.equal(noName.code, 2);
    assert.match(noName.err, /--name/);
    const bad = writeSmallFolder(join(dir, 'bad'), [{ id: 'r1', structure: 'S9', etp: 3 }]);
    const unknown = panorama(['import', bad, '--name', 'Autre', '--data-dir', data]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /S9/);
    assert.match(unknown.err, /Rien n'a été enregistré/);
    const unknownEn = panorama(['--lang', 'en', 'import', bad, '--name', 'Autre', '--data-dir', data]);
    assert.match(unknownEn.err, /S9[\s\S]*Nothing was stored/);
  });
});

describe('panorama import on PostgreSQL', { skip: skipWithoutPostgres() }, () => {
  let pg: PostgresInstance | undefined;
  before(async () => {
    pg = await startPostgres();
    if (!pg) throw new Error('PostgreSQL binaries were found but the cluster did not start');
  });
  after(async () => pg?.stop());

  it('is all or nothing and keeps anonymous answers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'panorama-import-pg-'));
    const store = await openStore({ databaseUrl: pg!.url });
    await store.migrate();
    try {
      const input = writeSmallFolder(join(dir, 'in'), [
        { id: 'r1', structure: 'S1', etp: 3 },
        { id: 'r2', structure: null, etp: 4 },
      ]);
      const s = await importCampaignFolder(store, input, { name: 'Petit' });
      assert.deepEqual([s.responses, s.anonymous], [2, 1]);
      assert.equal(await store.responses.countSubmitted(s.campaignId), 2);
      // An invalid folder with --replace is refused before anything changes: the old campaign stays.
      writeSmallFolder(input, [{ id: 'r1', structure: 'S1', etp: 'trois' }]);
      await assert.rejects(importCampaignFolder(store, input, { name: 'Petit', replace: true }));
      const campaigns = await store.campaigns.list();
      assert.deepEqual(
        campaigns.map((c) => c.id),
        [s.campaignId],
      );
      assert.equal(await store.responses.countSubmitted(s.campaignId), 2);

      // Publication settings on PostgreSQL: JSON, booleans and k round-trip; unknown campaign refused.
      assert.equal(await store.publications.get(s.campaignId), undefined);
      const file = { title: 'T', indicators: [{ id: 'n', label: 'N', kind: 'count' }], sections: [] };
      await store.publications.setIndicators(s.campaignId, file, 3, '2024-01-01T00:00:00Z');
      assert.deepEqual(await store.publications.listPublished(), []);
      const published = await store.publications.setPublished(s.campaignId, true, '2024-01-02T00:00:00Z');
      assert.deepEqual(published, {
        campaignId: s.campaignId,
        indicators: file,
        published: true,
        k: 3,
        updatedAt: '2024-01-02T00:00:00.000Z',
        snapshotId: null,
      });
      assert.deepEqual(
        (await store.publications.listPublished()).map((p) => p.campaignId),
        [s.campaignId],
      );
      await assert.rejects(store.publications.setPublished('no-such-campaign', true), /not found/);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
