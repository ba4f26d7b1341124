import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../server/helpers.js';

/** The personal-data API over HTTP: administrators only, French first, the register as a file. */
let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(async () => {
  await server?.close();
});

const ROUTES = [
  { method: 'GET', url: '/api/privacy/register' },
  { method: 'GET', url: '/api/privacy/register/download?format=json' },
  { method: 'PUT', url: '/api/privacy/retention', payload: { audit: 60 } },
  { method: 'POST', url: '/api/privacy/purge', payload: { dryRun: true } },
  { method: 'POST', url: '/api/privacy/person/export', payload: { email: 'nord@test.fr' } },
  {
    method: 'POST',
    url: '/api/privacy/person/erase',
    payload: { email: 'nord@test.fr', confirm: 'nord@test.fr' },
  },
  { method: 'GET', url: '/api/privacy/audit' },
] as const;

describe('personal data routes: authorization', () => {
  for (const route of ROUTES) {
    test(`${route.method} ${route.url}: 401 anonymous, 403 correspondent and viewer`, async () => {
      const options = {
        method: route.method,
        url: route.url,
        ...('payload' in route ? { payload: route.payload } : {}),
      };
      const anonymous = await server.request(undefined, options);
      assert.equal(anonymous.statusCode, 401, anonymous.body);
      assert.equal(anonymous.json().error.code, 'unauthenticated');
      for (const session of [server.users.nord, server.users.viewer]) {
        const res = await server.request(session, options);
        assert.equal(res.statusCode, 403, res.body);
        assert.match(res.json().error.message, /\p{L}/u);
      }
    });
  }
  test('the correspondent they tried to erase is untouched', async () => {
    const nord = await server.store.users.findByEmail('nord@test.fr');
    assert.equal(nord?.name, 'Correspondant Nord');
  });
});

describe('personal data routes: the administrator', () => {
  test('reads the register in French, and in English when asked', async () => {
    const res = await server.request(server.users.admin, { method: 'GET', url: '/api/privacy/register' });
    assert.equal(res.statusCode, 200, res.body);
    const register = res.json();
    assert.deepEqual(
      register.categories.map((c: { id: string }) => c.id),
      ['accounts', 'structure_contacts', 'mail', 'households', 'audit', 'sessions'],
    );
    const accounts = register.categories[0];
    assert.equal(accounts.name, 'Comptes des utilisateurs');
    assert.equal(accounts.held, (await server.store.users.list()).length);
    assert.match(accounts.retention, /365 jours/);
    const en = await server.request(server.users.admin, {
      method: 'GET',
      url: '/api/privacy/register',
      headers: { 'accept-language': 'en' },
    });
    assert.equal(en.json().categories[0].name, 'User accounts');
  });

  test('downloads the register as CSV, sets a retention period, and sees it in the register', async () => {
    const csv = await server.request(server.users.admin, {
      method: 'GET',
      url: '/api/privacy/register/download',
    });
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    assert.match(String(csv.headers['content-disposition']), /registre-des-traitements\.csv/);
    const lines = csv.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    assert.equal(lines.length, 7);
    assert.match(lines[0]!, /^catégorie;données personnelles;finalité;base légale/);

    const put = await server.request(server.users.admin, {
      method: 'PUT',
      url: '/api/privacy/retention',
      payload: { audit: 90 },
    });
    assert.equal(put.statusCode, 200, put.body);
    const audit = put.json().categories.find((c: { id: string }) => c.id === 'audit');
    assert.equal(audit.days, 90);
    const tooShort = await server.request(server.users.admin, {
      method: 'PUT',
      url: '/api/privacy/retention',
      payload: { audit: 3 },
    });
    assert.equal(tooShort.statusCode, 400, tooShort.body);
    const logged = await server.store.audit.list({ action: 'privacy.retention' });
    assert.deepEqual(logged[0]!.details, { audit: { before: 365, after: 90 } });
  });

  test('exports and erases a person, with the address typed again; the audit viewer shows it', async () => {
    const email = 'viewer@test.fr';
    // The server's clock stands still: move it so the entries below have their own instants.
    const tick = () => (server.clock.now = new Date(server.clock.now.getTime() + 1000));
    tick();
    const copy = await server.request(server.users.admin, {
      method: 'POST',
      url: '/api/privacy/person/export',
      payload: { email },
    });
    assert.equal(copy.statusCode, 200, copy.body);
    assert.equal(copy.json().account.email, email);
    assert.ok(copy.json().audit.some((a: { action: string }) => a.action === 'login'));

    const wrong = await server.request(server.users.admin, {
      method: 'POST',
      url: '/api/privacy/person/erase',
      payload: { email, confirm: 'lecteur@test.fr' },
    });
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.json().error.message, /retapez exactement l’adresse viewer@test\.fr/);

    tick();
    const erased = await server.request(server.users.admin, {
      method: 'POST',
      url: '/api/privacy/person/erase',
      payload: { email, confirm: email },
    });
    assert.equal(erased.statusCode, 200, erased.body);
    assert.equal(erased.json().counts.account, 1);
    // The erased viewer's session is gone.
    const me = await server.request(server.users.viewer, { method: 'GET', url: '/api/structures' });
    assert.equal(me.statusCode, 401);

    const log = await server.request(server.users.admin, {
      method: 'GET',
      url: '/api/privacy/audit?action=privacy.&limit=5',
    });
    assert.equal(log.statusCode, 200, log.body);
    const actions = log.json().entries.map((e: { action: string }) => e.action);
    assert.deepEqual(actions.slice(0, 2), ['privacy.erase', 'privacy.export']);
    assert.equal(log.json().entries[0].actorName, 'Admin <admin@test.fr>');
    assert.doesNotMatch(log.body, /viewer@test\.fr/);

    const bad = await server.request(server.users.admin, {
      method: 'GET',
      url: '/api/privacy/audit?from=2026-13-01',
    });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.json().error.message, /« 2026-13-01 » n’est pas une date du calendrier/);
  });
});
