/**
 * Campaign archives end to end: a campaign with answers, revisions, reviews and a publication
 * snapshot, exported over HTTP from a SQLite instance, imported into PostgreSQL (an empty database,
 * and one already holding the same registry) and into SQLite; the same report, participation,
 * brochure and reviews on both sides; a second import refused; damaged, newer and truncated files
 * refused with a French message and nothing written.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { PanoramaError } from '../../src/contract/errors/index.js';
import { importCampaignArchive, previewCampaignArchive } from '../../src/app/campaign-archive/index.js';
import { decodeArchive, encodeArchive } from '../../src/app/campaign-archive/format.js';
import { openStore, type Store } from '../../src/store/index.js';
import { startTestServer, type TestServer } from '../server/helpers.js';
import { DEMO_INDICATORS } from '../publication/demo-indicators.js';
import { skipWithoutPostgres, startPostgres, type PostgresInstance } from '../support/postgres.js';
import {
  addReviews,
  brochureOf,
  countsOf,
  participationOf,
  reportOf,
  reviewsOf,
  revisionsOf,
} from './helpers.js';

let source: TestServer;
let campaignId: string;
let archive: Buffer;
let pgCluster: PostgresInstance | undefined;
let dbCounter = 0;

async function freshPostgres(): Promise<string> {
  dbCounter += 1;
  const name = `carchive_${process.pid}_${dbCounter}`;
  const admin = new pg.Client({ connectionString: pgCluster!.url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return pgCluster!.url.replace(/\/[^/]*$/, `/${name}`);
}

async function freshSqlite(): Promise<Store> {
  const store = await openStore({ dataDir: mkdtempSync(join(tmpdir(), 'panorama-carchive-')) });
  await store.migrate();
  return store;
}

function multipart(bytes: Buffer, filename = 'campagne.panorama-campaign.json.gz') {
  const boundary = '----panoramaArchiveTest';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
      'Content-Type: application/gzip\r\n\r\n',
  );
  return {
    payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function refused(promise: Promise<unknown>, code: string): Promise<PanoramaError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof PanoramaError, `expected a PanoramaError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    return error;
  }
  assert.fail(`expected ${code}`);
}

/** The two JSON lines of the archive, changed by `edit`, compressed again. */
function rewrite(bytes: Buffer, edit: (lines: string[]) => string[]): Buffer {
  const lines = gunzipSync(bytes).toString('utf8').split('\n');
  return gzipSync(edit(lines).join('\n'));
}

before(async () => {
  source = await startTestServer();
  campaignId = source.demo.closedCampaign.id;
  const admin = (await source.store.users.list()).find((u) => u.role === 'admin')!;
  await addReviews(source.store, campaignId, admin.id);
  await source.store.publications.setIndicators(campaignId, DEMO_INDICATORS, null);
  const published = await source.request(source.users.admin, {
    method: 'POST',
    url: `/api/campaigns/${campaignId}/publish`,
    payload: { published: true },
  });
  assert.equal(published.statusCode, 200, published.body);
  const res = await source.request(source.users.admin, {
    method: 'GET',
    url: `/api/campaigns/${campaignId}/archive`,
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.headers['content-type'], 'application/gzip');
  assert.match(
    String(res.headers['content-disposition']),
    /attachment; filename=".+\.panorama-campaign\.json\.gz"/,
  );
  archive = res.rawPayload;
});
after(async () => {
  await source?.close();
});

describe('campaign archive: the file', () => {
  test('holds the campaign whole: answers, revisions, reviews, snapshot, registry, no password', () => {
    const [manifestLine, dataLine] = gunzipSync(archive).toString('utf8').split('\n');
    const manifest = JSON.parse(manifestLine!) as {
      format: string;
      formatVersion: number;
      counts: Record<string, number>;
    };
    assert.equal(manifest.format, 'panorama-campaign-archive');
    assert.equal(manifest.formatVersion, 1);
    const submitted = source.demo.closedCampaign.submitted;
    // Drafts travel too: a campaign reopened on the target keeps them.
    assert.ok(manifest.counts.responses! > submitted, `${manifest.counts.responses} answers`);
    assert.equal(manifest.counts.response_revisions, submitted + 1, 'one answer was submitted twice');
    assert.equal(manifest.counts.response_reviews, 2);
    assert.equal(manifest.counts.publication_snapshots, 1);
    assert.equal(manifest.counts.invitations, source.demo.closedCampaign.invited);
    assert.ok(manifest.counts.territories! >= 3, 'the structures’ territories and their ancestors');
    assert.doesNotMatch(dataLine!, /password_hash|scrypt|argon/);
  });

  test('only administrators download it; anonymous users are asked to sign in', async () => {
    const url = `/api/campaigns/${campaignId}/archive`;
    assert.equal((await source.request(undefined, { method: 'GET', url })).statusCode, 401);
    assert.equal((await source.request(source.users.viewer, { method: 'GET', url })).statusCode, 403);
    assert.equal((await source.request(source.users.nord, { method: 'GET', url })).statusCode, 403);
    for (const url of ['/api/campaign-archives/preview', '/api/campaign-archives']) {
      const body = multipart(archive);
      assert.equal((await source.request(undefined, { method: 'POST', url, ...body })).statusCode, 401);
      assert.equal(
        (await source.request(source.users.nord, { method: 'POST', url, ...body })).statusCode,
        403,
      );
      assert.equal(
        (await source.request(source.users.viewer, { method: 'POST', url, ...body })).statusCode,
        403,
      );
    }
  });

  test('imported back into the instance it came from: refused, already there', async () => {
    const before = await countsOf(source.store);
    const res = await source.request(source.users.admin, {
      method: 'POST',
      url: '/api/campaign-archives',
      ...multipart(archive),
    });
    assert.equal(res.statusCode, 409, res.body);
    const body = res.json<{ error: { code: string; message: string } }>();
    assert.equal(body.error.code, 'campaign_archive_already_imported');
    assert.match(body.error.message, /déjà présente dans ce Panorama/);
    assert.deepEqual(await countsOf(source.store), before);
  });
});

/** Damaged, newer, truncated, foreign files: refused with a French message, nothing written. */
function refusals(open: () => Promise<Store>) {
  const cases: [string, () => Buffer, string, RegExp][] = [
    [
      'a byte changed in the data',
      () => rewrite(archive, ([m, d, ...r]) => [m!, d!.replace('"submitted"', '"submitteD"'), ...r]),
      'campaign_archive_damaged',
      /endommagée.*empreinte SHA-256/,
    ],
    [
      'a truncated download',
      () => archive.subarray(0, Math.floor(archive.length / 2)),
      'campaign_archive_damaged',
      /endommagée.*incomplet/,
    ],
    ['the data line cut off', () => rewrite(archive, ([m]) => [m!]), 'campaign_archive_damaged', /incomplet/],
    [
      'a newer format',
      () => rewrite(archive, ([m, ...r]) => [m!.replace('"formatVersion":1', '"formatVersion":2'), ...r]),
      'campaign_archive_newer_format',
      /format 2, plus récent.*Mettez Panorama à jour/,
    ],
    [
      'a backup, not a campaign archive',
      () => gzipSync('{"format":"panorama-backup"}\n'),
      'campaign_archive_not_archive',
      /n’est pas une archive de campagne/,
    ],
    [
      'not gzip at all',
      () => Buffer.from('id;nom\n1;a\n'),
      'campaign_archive_not_archive',
      /n’est pas une archive de campagne/,
    ],
  ];
  for (const [name, make, code, message] of cases) {
    test(`refused, nothing written: ${name}`, async () => {
      const store = await open();
      try {
        const before = await countsOf(store);
        const file = { name: 'campagne.panorama-campaign.json.gz', bytes: make() };
        await refused(previewCampaignArchive(store, file), code);
        const error = await refused(importCampaignArchive(store, file), code);
        assert.match(error.messageIn('fr'), message);
        assert.match(error.messageIn('fr'), /Rien n’a été importé/);
        assert.match(error.messageIn('en'), /Nothing was imported/);
        assert.deepEqual(await countsOf(store), before);
      } finally {
        await store.close();
      }
    });
  }
}

/** A well-formed archive whose last rows break a constraint: the rows written before are rolled back. */
function midImportFailure(open: () => Promise<Store>) {
  test('a failure in the middle of the import leaves nothing behind', async () => {
    const store = await open();
    try {
      const good = await decodeArchive(archive, 'a.gz');
      const tables = { ...good.data.tables };
      tables.response_revisions = [
        ...tables.response_revisions,
        { ...tables.response_revisions[0]!, response_id: 'absent' },
      ];
      const { bytes } = await encodeArchive(good.manifest, { ...good.data, tables });
      const before = await countsOf(store);
      await assert.rejects(importCampaignArchive(store, { name: 'b.gz', bytes }));
      assert.deepEqual(await countsOf(store), before);
    } finally {
      await store.close();
    }
  });
}

async function importAndCompare(target: Store) {
  const before = await countsOf(target);
  const preview = await previewCampaignArchive(target, { name: 'a.gz', bytes: archive });
  assert.equal(preview.alreadyImported, null);
  assert.deepEqual(await countsOf(target), before, 'a preview writes nothing');
  const result = await importCampaignArchive(target, { name: 'a.gz', bytes: archive });
  assert.notEqual(result.campaignId, campaignId, 'ids are remapped');
  assert.deepEqual(await reportOf(target, result.campaignId), await reportOf(source.store, campaignId));
  assert.deepEqual(
    await participationOf(target, result.campaignId),
    await participationOf(source.store, campaignId),
  );
  assert.deepEqual(await brochureOf(target, result.campaignId), await brochureOf(source.store, campaignId));
  assert.deepEqual(await reviewsOf(target, result.campaignId), await reviewsOf(source.store, campaignId));
  assert.deepEqual(await revisionsOf(target, result.campaignId), await revisionsOf(source.store, campaignId));
  const snapshots = await target.publications.listSnapshots(result.campaignId);
  assert.equal(snapshots.length, 1);
  assert.equal((await target.publications.get(result.campaignId))?.snapshotId, snapshots[0]!.id);

  const afterFirst = await countsOf(target);
  const again = await refused(
    importCampaignArchive(target, { name: 'a.gz', bytes: archive }),
    'campaign_archive_already_imported',
  );
  assert.match(again.messageIn('fr'), /déjà présente/);
  assert.deepEqual(await countsOf(target), afterFirst, 'the second import wrote nothing');
  assert.equal(
    (await previewCampaignArchive(target, { name: 'a.gz', bytes: archive })).alreadyImported?.campaignId,
    result.campaignId,
  );
  return { preview, result };
}

describe('campaign archive: SQLite → SQLite', () => {
  test('an empty instance gets the same report, participation, brochure and reviews; twice does not duplicate', async () => {
    const target = await freshSqlite();
    try {
      const { preview } = await importAndCompare(target);
      assert.equal(preview.structures.match, 0);
      assert.equal(preview.structures.create, preview.structures.items.length);
      assert.equal(preview.questionnaire.action, 'create');
    } finally {
      await target.close();
    }
  });
  refusals(freshSqlite);
  midImportFailure(freshSqlite);
});

describe('campaign archive: SQLite → PostgreSQL', { skip: skipWithoutPostgres() }, () => {
  before(async () => {
    pgCluster = await startPostgres();
    if (!pgCluster) throw new Error('PostgreSQL binaries were found but the cluster did not start');
  });
  after(async () => {
    await pgCluster?.stop();
  });

  test('an empty PostgreSQL instance gets the same report, participation, brochure and reviews', async () => {
    const target = await openStore({ databaseUrl: await freshPostgres() });
    try {
      await target.migrate();
      const { preview } = await importAndCompare(target);
      assert.equal(preview.territories.match, 0);
    } finally {
      await target.close();
    }
  });

  test('over HTTP into an instance holding the same registry: structures matched by registry id', async () => {
    const target = await startTestServer({ databaseUrl: await freshPostgres() });
    try {
      const previewRes = await target.request(target.users.admin, {
        method: 'POST',
        url: '/api/campaign-archives/preview',
        ...multipart(archive),
      });
      assert.equal(previewRes.statusCode, 200, previewRes.body);
      const { preview } = previewRes.json<{ preview: Awaited<ReturnType<typeof previewCampaignArchive>> }>();
      assert.equal(preview.structures.create, 0);
      assert.equal(preview.structures.match, preview.structures.items.length);
      assert.ok(preview.structures.match >= source.demo.closedCampaign.invited);
      assert.equal(preview.territories.create, 0, 'territories matched by code');
      assert.equal(preview.questionnaire.action, 'match', 'the same questionnaire, matched by content');
      const structuresBefore = (await target.store.structures.list()).length;
      const res = await target.request(target.users.admin, {
        method: 'POST',
        url: '/api/campaign-archives',
        ...multipart(archive),
      });
      assert.equal(res.statusCode, 201, res.body);
      const { campaignId: imported } = res.json<{ campaignId: string }>();
      assert.equal(
        (await target.store.structures.list()).length,
        structuresBefore,
        'no structure duplicated',
      );
      assert.deepEqual(await reportOf(target.store, imported), await reportOf(source.store, campaignId));
      const twice = await target.request(target.users.admin, {
        method: 'POST',
        url: '/api/campaign-archives',
        ...multipart(archive),
      });
      assert.equal(twice.statusCode, 409);
      assert.equal(twice.json<{ error: { code: string } }>().error.code, 'campaign_archive_already_imported');
    } finally {
      await target.close();
    }
  });

  const freshPostgresStore = async () => {
    const store = await openStore({ databaseUrl: await freshPostgres() });
    await store.migrate();
    return store;
  };
  refusals(freshPostgresStore);
  midImportFailure(freshPostgresStore);
});
