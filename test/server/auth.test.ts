import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PASSWORD, startTestServer, type TestServer } from './helpers.js';

let server: TestServer;
before(async () => {
  server = await startTestServer({ loginRateLimit: 10 });
});
after(async () => server?.close());

describe('login', () => {
  test('sets an httpOnly SameSite=Lax session cookie and returns the user and CSRF token', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'NORD@test.fr', password: PASSWORD },
      remoteAddress: '10.0.0.1',
    });
    assert.equal(res.statusCode, 200);
    const cookie = res.cookies.find((c) => c.name === 'panorama_session')!;
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    assert.equal(cookie.path, '/');
    assert.notEqual(cookie.secure, true, 'http BASE_URL: no Secure flag');
    const body = res.json();
    assert.equal(body.user.role, 'correspondent');
    assert.deepEqual(body.user.territoryIds, ['demo-d-nord']);
    assert.equal(body.user.passwordHash, undefined);
    const me = await server.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `panorama_session=${cookie.value}` },
    });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().csrfToken, body.csrfToken);
    const audit = await server.store.audit.list({ action: 'login', actor: body.user.id });
    assert.ok(audit.length >= 1);
  });

  test('wrong password and unknown e-mail get the same answer', async () => {
    const wrong = await server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'nord@test.fr', password: 'nope' },
      remoteAddress: '10.0.0.2',
    });
    const unknown = await server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'personne@test.fr', password: 'nope' },
      remoteAddress: '10.0.0.2',
    });
    assert.equal(wrong.statusCode, 401);
    assert.deepEqual(wrong.json(), unknown.json());
    assert.equal(wrong.json().error.code, 'invalid_credentials');
  });

  test('logout ends the session server-side', async () => {
    const session = await server.login('viewer@test.fr');
    const out = await server.request(session, { method: 'POST', url: '/api/auth/logout' });
    assert.equal(out.statusCode, 200);
    const me = await server.request(session, { method: 'GET', url: '/api/auth/me' });
    assert.equal(me.statusCode, 401);
  });

  test('failures are limited per IP (10 per window), whatever the accounts tried', async () => {
    let n = 0;
    const attempt = () =>
      server.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: `inconnu-${n++}@test.fr`, password: 'mauvais' },
        remoteAddress: '10.0.0.3',
      });
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) codes.push((await attempt()).statusCode);
    assert.deepEqual(codes, [...Array(10).fill(401), 429]);
    const limited = await attempt();
    assert.equal(limited.json().error.code, 'login_rate_limited');
    assert.match(limited.json().error.message, /réessayez/);
    // Even the right password is refused while limited; another IP is not affected.
    const right = await server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'admin@test.fr', password: PASSWORD },
      remoteAddress: '10.0.0.3',
    });
    assert.equal(right.statusCode, 429);
    const elsewhere = await server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'admin@test.fr', password: PASSWORD },
      remoteAddress: '10.0.0.4',
    });
    assert.equal(elsewhere.statusCode, 200);
  });
});

describe('users (admin)', () => {
  test('creating an account with a generated password returns it once; the new user can log in', async () => {
    const res = await server.request(server.users.admin, {
      method: 'POST',
      url: '/api/users',
      payload: {
        email: 'pdc@test.fr',
        name: 'Correspondante PdC',
        role: 'correspondent',
        territoryIds: ['demo-d-pdc'],
      },
    });
    assert.equal(res.statusCode, 201, res.body);
    const { password, user } = res.json();
    assert.equal(typeof password, 'string');
    assert.ok(password.length >= 16);
    const session = await server.login('pdc@test.fr', password);
    const list = await server.request(session, { method: 'GET', url: '/api/structures' });
    assert.ok(list.json().structures.every((s: { id: string }) => /62-/.test(s.id)));
    const duplicate = await server.request(server.users.admin, {
      method: 'POST',
      url: '/api/users',
      payload: { email: 'PDC@test.fr', name: 'X', role: 'viewer' },
    });
    assert.equal(duplicate.statusCode, 409);
    const disabled = await server.request(server.users.admin, {
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      payload: { disabled: true },
    });
    assert.equal(disabled.statusCode, 200);
    assert.equal((await server.request(session, { method: 'GET', url: '/api/auth/me' })).statusCode, 401);
  });
});

test('with an https BASE_URL the session cookie is Secure', async () => {
  const secure = await startTestServer({ baseUrl: 'https://observatoire.example.org' });
  try {
    const res = await secure.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'admin@test.fr', password: PASSWORD },
    });
    assert.equal(res.statusCode, 200);
    const cookie = res.cookies.find((c) => c.name === 'panorama_session')!;
    assert.equal(cookie.secure, true);
    assert.equal(cookie.httpOnly, true);
  } finally {
    await secure.close();
  }
});

test('sessions end after SESSION_IDLE_MINUTES without activity, and SESSION_HOURS after sign-in whatever the activity', async () => {
  const start = server.clock.now;
  const minute = 60_000;
  const at = (minutes: number) => (server.clock.now = new Date(start.getTime() + minutes * minute));
  const me = (session: Awaited<ReturnType<typeof server.login>>) =>
    server.request(session, { method: 'GET', url: '/api/auth/me' }).then((r) => r.statusCode);
  try {
    assert.equal(server.config.sessionIdleMinutes, 120);
    assert.equal(server.config.sessionHours, 12);
    const idle = await server.login('viewer@test.fr');
    at(119);
    assert.equal(await me(idle), 200, 'used after 1 h 59 min: still open');
    at(119 + 121);
    assert.equal(await me(idle), 401, 'unused for 2 h 01 min: ended');

    at(0);
    const busy = await server.login('viewer@test.fr');
    // Used every 100 minutes: never idle, yet it ends 12 hours after sign-in.
    for (let t = 100; t < 720; t += 100) {
      at(t);
      assert.equal(await me(busy), 200, `used at ${t} min`);
    }
    at(719);
    assert.equal(await me(busy), 200);
    at(721);
    assert.equal(await me(busy), 401, 'absolute lifetime reached');
  } finally {
    server.clock.now = start;
  }
});
