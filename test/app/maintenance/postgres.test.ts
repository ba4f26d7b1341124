import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { migrateToPostgres } from '../../../src/app/maintenance/index.js';
import { createApp, loadConfig } from '../../../src/server/index.js';
import { cliArgs } from '../../support/cli.js';
import type { PostgresInstance } from '../../support/postgres.js';
import { skipWithoutPostgres, startPostgres } from '../../support/postgres.js';
import { ROOT } from '../../support/shared.js';
import { PASSWORD, startTestServer, type TestServer } from '../../server/helpers.js';
import { dumpAll, postgresFactory } from './helpers.js';
import { runMaintenanceSuite } from './suite.js';

let pg: PostgresInstance | undefined;

describe('maintenance on PostgreSQL', { skip: skipWithoutPostgres() }, () => {
  before(async () => {
    pg = await startPostgres();
    if (!pg) throw new Error('PostgreSQL binaries were found but the cluster did not start');
  });
  after(async () => {
    await pg?.stop();
  });
  const fresh = postgresFactory(() => pg!.url);
  runMaintenanceSuite('postgres', fresh);

  describe('migrate-to: the embedded SQLite database into PostgreSQL', () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer();
      // More answers than the demo: two revisions of a new answer, an edited draft.
      const open = server.demo.openCampaign.id;
      const sample = (await server.store.invitations.list(open, { status: ['submitted'] }))[0]!;
      const data = (await server.store.responses.getByInvitation(sample.id))!.data;
      for (const [i, invitation] of (await server.store.invitations.list(open, { status: ['not_started'] }))
        .slice(0, 4)
        .entries()) {
        await server.store.responses.submit(invitation.id, data, `migrate-${i}-a`);
        await server.store.responses.submit(invitation.id, data, `migrate-${i}-b`);
      }
    });
    after(async () => {
      await server?.close();
    });

    test('copies every row, verifies the counts, and the server serves the same reports', async () => {
      const target = await fresh();
      try {
        const result = await migrateToPostgres(server.store, target.store, { target: 'pg' });
        assert.ok(result.counts.responses! > 0);
        assert.ok(result.reportsCompared >= 2, `reports compared: ${result.reportsCompared}`);
        const expected = await dumpAll(server.store);
        const actual = await dumpAll(target.store);
        for (const table of Object.keys(expected)) assert.deepEqual(actual[table], expected[table], table);

        const config = loadConfig({
          env: {},
          file: join(target.dir, 'none.json'),
          overrides: { dataDir: target.dir, baseUrl: 'http://panorama.test', loginRateLimit: 1000 },
        });
        const app = await createApp({ store: target.store, config, webRoot: false });
        try {
          const login = await app.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { email: 'admin@test.fr', password: PASSWORD },
          });
          assert.equal(login.statusCode, 200, login.body);
          const cookie = login.cookies.find((c) => c.name === 'panorama_session')!;
          for (const campaign of [server.demo.closedCampaign.id, server.demo.openCampaign.id]) {
            const url = `/api/campaigns/${campaign}/report?format=json`;
            const left = await server.request(server.users.admin, { method: 'GET', url });
            const right = await app.inject({
              method: 'GET',
              url,
              headers: { cookie: `${cookie.name}=${cookie.value}` },
            });
            assert.equal(left.statusCode, 200, left.body);
            assert.equal(right.statusCode, 200, right.body);
            assert.deepEqual(right.json(), left.json(), campaign);
          }
        } finally {
          await app.close();
        }
      } finally {
        await target.store.close();
      }
    });

    test('CLI: panorama migrate-to through the real binary, refusing a non-empty target', async () => {
      const target = await fresh();
      await target.store.close();
      const run = (...args: string[]) =>
        spawnSync(process.execPath, cliArgs('migrate-to', ...args), {
          cwd: ROOT,
          env: { ...process.env, PANORAMA_LANG: 'fr', DATA_DIR: server.dir, DATABASE_URL: '' },
          encoding: 'utf8',
          timeout: 120_000,
        });
      const url = target.env.DATABASE_URL!;
      const first = run(url);
      assert.equal(first.status, 0, first.stderr);
      assert.match(first.stdout, /Copie terminée : .*panorama\.sqlite → postgres:\/\//);
      assert.match(first.stdout, /nombres de lignes identiques des deux côtés/);
      assert.match(first.stdout, /rapports : [1-9]\d* campagne\(s\), identiques des deux côtés/);
      const reopened = await target.reopen();
      try {
        assert.deepEqual(await dumpAll(reopened.store), await dumpAll(server.store));
      } finally {
        await reopened.store.close();
      }
      const second = run(url);
      assert.equal(second.status, 2);
      assert.match(second.stderr, /contient déjà des données Panorama/);
      assert.doesNotMatch(second.stderr, /\n\s+at /);
      const wrong = run('mysql://localhost/panorama');
      assert.equal(wrong.status, 2);
      assert.match(wrong.stderr, /n’est pas une adresse PostgreSQL/);
    });
  });
});
