/**
 * `panorama import` on a small generated folder, on SQLite and PostgreSQL (no ../shared needed):
 * the same name is refused, --replace swaps the campaign and drops its now unused questionnaire,
 * an identical questionnaire is reused instead of duplicated, territories are reused, and a
 * re-import never erases what was set in the application.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/store/index.js';
import { importCampaignFolder } from '../../src/cli/import.js';
import { skipWithoutPostgres, startPostgres, type PostgresInstance } from '../support/postgres.js';
import { writeSmallFolder } from './small-folder.js';

function importSuite(open: () => Promise<Store>): void {
  let dir: string;
  let store: Store;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'panorama-import-replace-'));
    store = await open();
    await store.migrate();
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses the same name, replaces with --replace, reuses an identical questionnaire', async () => {
    const input = writeSmallFolder(join(dir, 'in'), [
      { id: 'r1', structure: 'S1', etp: 3 },
      { id: 'r2', structure: 'S2', etp: 5 },
    ]);
    const first = await importCampaignFolder(store, input, { name: 'Petit 2024' });
    assert.deepEqual([first.responses, first.structures.created, first.surveyReused], [2, 2, false]);
    const territories = (await store.territories.list()).length;

    await assert.rejects(importCampaignFolder(store, input, { name: ' petit 2024 ' }));
    assert.equal((await store.campaigns.list()).length, 1, 'nothing stored by the refused import');

    // An e-mail set in the application survives a re-import whose file has no e-mail column.
    await store.structures.patchMany([{ id: 'S1', setAttributes: { email: 'direction@centre1.fr' } }]);

    const replaced = await importCampaignFolder(store, input, { name: 'Petit 2024', replace: true });
    assert.equal(replaced.replaced, true);
    assert.equal(replaced.territoriesCreated, 0, 'territories are reused');
    assert.equal((await store.territories.list()).length, territories);
    const campaigns = await store.campaigns.list();
    assert.deepEqual(
      campaigns.map((c) => c.id),
      [replaced.campaignId],
    );
    assert.equal(await store.responses.countSubmitted(replaced.campaignId), 2);
    assert.equal((await store.surveys.list()).length, 1, 'one questionnaire, not two');
    assert.equal((await store.structures.get('S1'))?.attributes.email, 'direction@centre1.fr');

    // Another campaign on the same questionnaire reuses it.
    const next = await importCampaignFolder(store, input, { name: 'Petit 2025' });
    assert.equal(next.surveyReused, true);
    assert.equal(next.surveyId, replaced.surveyId);
    assert.equal((await store.surveys.list()).length, 1);

    // Replacing one of two campaigns on a shared questionnaire keeps the questionnaire.
    await importCampaignFolder(store, input, { name: 'Petit 2025', replace: true });
    assert.equal((await store.campaigns.list()).length, 2);
    assert.equal((await store.surveys.list()).length, 1);
  });
}

describe('panorama import --replace on SQLite', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'panorama-import-sqlite-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));
  importSuite(() => openStore({ dataDir }));
});

describe('panorama import --replace on PostgreSQL', { skip: skipWithoutPostgres() }, () => {
  let pg: PostgresInstance | undefined;
  before(async () => {
    pg = await startPostgres();
  });
  after(async () => {
    await pg?.stop();
  });
  importSuite(() => openStore({ databaseUrl: pg!.url }));
});
