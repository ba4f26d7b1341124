/**
 * GET /api/communes: commune search by name for the registry forms, bounded, for signed-in users
 * only; the names of stored codes. Expected communes are the official geography's
 * (@etalab/decoupage-administratif): Lille is 59350, Saint-Omer 62765 (and 14635 in Calvados), Lyon 69123.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { COMMUNE_SEARCH_LIMIT } from '../../src/contract/communes.js';
import { startTestServer, type TestServer } from './helpers.js';

interface Found {
  communes: { code: string; name: string; departement: { code: string; name: string } }[];
  truncated: boolean;
}

describe('GET /api/communes', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server?.close();
  });

  const get = (url: string, session = server.users.nord) => server.request(session, { method: 'GET', url });

  test('anonymous: 401, no commune', async () => {
    const res = await server.request(undefined, { method: 'GET', url: '/api/communes?q=lille' });
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().error.code, 'unauthenticated');
    assert.equal(res.json().communes, undefined);
  });

  test('every role may search (correspondent, viewer, admin)', async () => {
    for (const session of [server.users.nord, server.users.viewer, server.users.admin]) {
      const res = await get('/api/communes?q=lille', session);
      assert.equal(res.statusCode, 200, res.body);
    }
  });

  test('"Lille" finds Lille (59350) first, with its département', async () => {
    const res = await get('/api/communes?q=Lille');
    const { communes } = res.json<Found>();
    assert.deepEqual(communes[0], {
      code: '59350',
      name: 'Lille',
      departement: { code: '59', name: 'Nord' },
    });
  });

  test('accents, hyphens and "st" are optional: "st omer" finds Saint-Omer (62765)', async () => {
    const res = await get('/api/communes?q=st%20omer');
    // Two communes bear the name (Calvados and Pas-de-Calais): the département tells them apart.
    const first = res
      .json<Found>()
      .communes.slice(0, 2)
      .map((c) => `${c.name} (${c.departement.name}) ${c.code}`);
    assert.deepEqual(first, ['Saint-Omer (Calvados) 14635', 'Saint-Omer (Pas-de-Calais) 62765']);
    const accents = await get(`/api/communes?q=${encodeURIComponent('hénin')}`);
    const bare = await get('/api/communes?q=henin');
    assert.deepEqual(accents.json(), bare.json());
    assert.ok(bare.json<Found>().communes.some((c) => c.name === 'Hénin-Beaumont'));
  });

  test('results are bounded: "sa" matches thousands, the answer holds the limit and says so', async () => {
    const res = await get('/api/communes?q=sa');
    assert.equal(res.json().communes.length, 10);
    assert.equal(res.json().truncated, true);
    const max = await get(`/api/communes?q=sa&limit=${COMMUNE_SEARCH_LIMIT}`);
    assert.equal(max.json().communes.length, COMMUNE_SEARCH_LIMIT);
    const over = await get(`/api/communes?q=sa&limit=${COMMUNE_SEARCH_LIMIT + 1}`);
    assert.equal(over.statusCode, 400);
  });

  test('a code prefix finds communes by INSEE code', async () => {
    const res = await get('/api/communes?q=5935');
    const codes = res.json<Found>().communes.map((c) => c.code);
    assert.ok(codes.includes('59350'), codes.join(' '));
    assert.ok(codes.every((code) => code.startsWith('5935')));
  });

  test('codes are named; unknown codes are left out', async () => {
    const res = await get('/api/communes?codes=59350,69123,99999');
    const names = res
      .json<Found>()
      .communes.map((c) => `${c.code} ${c.name}`)
      .sort();
    assert.deepEqual(names, ['59350 Lille', '69123 Lyon']);
  });

  test('bad input: a one-letter search, no parameter, a malformed code → 400 in French', async () => {
    for (const url of ['/api/communes?q=l', '/api/communes', '/api/communes?codes=lille']) {
      const res = await server.request(server.users.nord, {
        method: 'GET',
        url,
        headers: { ...server.users.nord.headers, 'accept-language': 'fr' },
      });
      assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
      assert.doesNotMatch(res.json().error.message, /ZodError|at Object|\n\s+at /);
    }
  });
});
