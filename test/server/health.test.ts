import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { skipWithoutPostgres, startPostgres } from '../support/postgres.js';
import { startTestServer } from './helpers.js';

/** /api/health says "ok" only when the database answers; otherwise 503 with a clear body. */
describe('health checks the database', () => {
  test('SQLite: ok while open, 503 once the store is closed', async () => {
    const server = await startTestServer();
    try {
      const ok = await server.app.inject({ method: 'GET', url: '/api/health' });
      assert.equal(ok.statusCode, 200);
      assert.deepEqual(ok.json(), { status: 'ok', database: 'sqlite', version: '0.1.0' });
      await server.store.close();
      const down = await server.app.inject({ method: 'GET', url: '/api/health' });
      assert.equal(down.statusCode, 503, down.body);
      const body = down.json();
      assert.equal(body.status, 'unavailable');
      assert.equal(body.error.code, 'database_unavailable');
      assert.match(body.error.message, /Base de données injoignable \(sqlite\)/);
      const english = await server.app.inject({
        method: 'GET',
        url: '/api/health',
        headers: { 'accept-language': 'en' },
      });
      assert.match(english.json().error.message, /Database unreachable/);
    } finally {
      await server.close();
    }
  });

  test(
    'PostgreSQL: 503 within seconds once the server is stopped',
    { skip: skipWithoutPostgres() },
    async () => {
      const pg = await startPostgres();
      assert.ok(pg, 'PostgreSQL binaries exist but the cluster did not start');
      const server = await startTestServer({ databaseUrl: pg.url });
      try {
        const ok = await server.app.inject({ method: 'GET', url: '/api/health' });
        assert.equal(ok.json().database, 'postgres');
        assert.equal(ok.statusCode, 200);
        await pg.stop();
        const started = Date.now();
        const down = await server.app.inject({ method: 'GET', url: '/api/health' });
        assert.equal(down.statusCode, 503, down.body);
        assert.equal(down.json().error.code, 'database_unavailable');
        assert.match(down.json().error.message, /injoignable \(postgres\)/);
        assert.doesNotMatch(down.body, /ECONNREFUSED|127\.0\.0\.1/, 'no raw driver message');
        assert.ok(Date.now() - started < 5000);
      } finally {
        await server.close();
        await pg.stop();
      }
    },
  );
});
