/**
 * Accounts over HTTP (fastify inject, real SQLite store): one's own password, reset links and
 * temporary passwords, the last administrator, disabled accounts at sign-in, the failure-counting
 * sign-in limit; every new route with its authorization and anonymous-access cases.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD, startTestServer, type Session, type TestServer } from './helpers.js';
import { verifyPassword } from '../../src/app/accounts/index.js';

let server: TestServer;
before(async () => {
  server = await startTestServer({ loginRateLimit: 1000 });
});
after(async () => server?.close());

const NEW_PASSWORD = 'une phrase de passe assez longue';
const login = (email: string, password: string, ip = '10.1.0.1') =>
  server.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    remoteAddress: ip,
  });
const hashOf = async (email: string) => (await server.store.users.findByEmail(email))!.passwordHash;
const idOf = async (email: string) => (await server.store.users.findByEmail(email))!.id;
async function createUser(email: string, role = 'viewer', password = PASSWORD): Promise<string> {
  const res = await server.request(server.users.admin, {
    method: 'POST',
    url: '/api/users',
    payload: { email, name: email.split('@')[0], role, password },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().user.id;
}

describe('changing one’s own password (POST /api/auth/password)', () => {
  test('anonymous: 401, nothing changes; without the CSRF header: 403', async () => {
    const before = await hashOf('viewer@test.fr');
    const anonymous = await server.request(undefined, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    });
    assert.equal(anonymous.statusCode, 401);
    assert.equal(anonymous.json().error.code, 'unauthenticated');
    const noCsrf = await server.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: server.users.viewer.headers.cookie! },
      payload: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    });
    assert.equal(noCsrf.statusCode, 403);
    assert.equal(noCsrf.json().error.code, 'csrf');
    assert.equal(await hashOf('viewer@test.fr'), before);
  });

  test('the current password is required and the policy says why a new one is refused (fr and en)', async () => {
    await createUser('policy@test.fr');
    const session = await server.login('policy@test.fr');
    const before = await hashOf('policy@test.fr');
    const change = (currentPassword: string, newPassword: string, lang = 'fr') =>
      server.request(session, {
        method: 'POST',
        url: '/api/auth/password',
        headers: { 'accept-language': lang },
        payload: { currentPassword, newPassword },
      });
    const wrong = await change('pas-le-bon-mot-de-passe', NEW_PASSWORD);
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.json().error.code, 'password_current_wrong');
    assert.match(wrong.json().error.message, /Mot de passe actuel incorrect/);

    const short = await change(PASSWORD, 'court-11car');
    assert.equal(short.json().error.code, 'password_too_short');
    assert.equal(
      short.json().error.message,
      'Nouveau mot de passe : le mot de passe doit contenir au moins 12 caractères (il en a 11).',
    );
    const repeated = await change(PASSWORD, 'aaaaaaaaaaaaaaaa');
    assert.equal(repeated.json().error.code, 'password_repeated');
    assert.match(repeated.json().error.message, /seul caractère répété \(« a »\)/);
    // A 12-character password of the common-passwords list, whatever its case.
    const common = dictionary['passwords-common'].find((p) => p.length === 12 && /^[a-z]+$/.test(p))!;
    assert.ok(common, 'a 12-letter common password in the list');
    const listed = await change(PASSWORD, common.toUpperCase());
    assert.equal(listed.statusCode, 400);
    assert.equal(listed.json().error.code, 'password_common');
    assert.match(listed.json().error.message, /liste des mots de passe les plus répandus/);
    const english = await change(PASSWORD, 'court', 'en');
    assert.equal(
      english.json().error.message,
      'New password: the password must have at least 12 characters (it has 5).',
    );
    const same = await change(PASSWORD, PASSWORD);
    assert.equal(same.json().error.code, 'password_unchanged');
    assert.equal(await hashOf('policy@test.fr'), before, 'nothing stored');
  });

  test('a success ends the other sessions, keeps this one (new cookie) and the new password signs in', async () => {
    await createUser('change@test.fr');
    const here = await server.login('change@test.fr');
    const elsewhere = await server.login('change@test.fr');
    const res = await server.request(here, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    });
    assert.equal(res.statusCode, 200, res.body);
    const cookie = res.cookies.find((c) => c.name === 'panorama_session')!;
    assert.ok(cookie.value);
    const renewed: Session = {
      csrfToken: res.json().csrfToken,
      headers: { cookie: `panorama_session=${cookie.value}`, 'x-csrf-token': res.json().csrfToken },
    };
    assert.equal((await server.request(renewed, { method: 'GET', url: '/api/auth/me' })).statusCode, 200);
    assert.equal((await server.request(here, { method: 'GET', url: '/api/auth/me' })).statusCode, 401);
    assert.equal((await server.request(elsewhere, { method: 'GET', url: '/api/auth/me' })).statusCode, 401);
    assert.equal((await login('change@test.fr', PASSWORD)).statusCode, 401);
    assert.equal((await login('change@test.fr', NEW_PASSWORD)).statusCode, 200);
    assert.equal(await verifyPassword(await hashOf('change@test.fr'), NEW_PASSWORD), true);
    const audit = await server.store.audit.list({ action: 'password.change' });
    assert.ok(audit.some((a) => a.target === res.json().user.id));
  });
});

describe('an administrator resets a password (POST /api/users/:id/password-reset)', () => {
  test('authorization: a correspondent and a viewer get 403, anonymous 401; nothing is created', async () => {
    const id = await idOf('viewer@test.fr');
    const url = `/api/users/${id}/password-reset`;
    for (const [who, session, status] of [
      ['nord', server.users.nord, 403],
      ['viewer', server.users.viewer, 403],
      ['anonymous', undefined, 401],
    ] as const) {
      const res = await server.request(session, { method: 'POST', url, payload: { mode: 'temporary' } });
      assert.equal(res.statusCode, status, `${who}: ${res.body}`);
      assert.doesNotMatch(res.body, /password"/);
    }
    assert.equal(await verifyPassword(await hashOf('viewer@test.fr'), PASSWORD), true);
    assert.equal((await server.store.users.get(id))!.mustChangePassword, false);
  });

  test('a link shown once: a weak password does not burn it, it works once, then never again', async () => {
    const id = await createUser('lien@test.fr');
    const res = await server.request(server.users.admin, {
      method: 'POST',
      url: `/api/users/${id}/password-reset`,
      payload: { mode: 'link' },
    });
    assert.equal(res.statusCode, 200, res.body);
    const { link, expiresAt } = res.json();
    assert.match(link, /^http:\/\/panorama\.test\/reinitialiser#[A-Za-z0-9_-]{43}$/);
    assert.equal(Date.parse(expiresAt) - server.clock.now.getTime(), 24 * 3600_000);
    const token = link.split('#')[1];
    const reset = (newPassword: string) =>
      server.request(undefined, {
        method: 'POST',
        url: '/api/auth/reset-password',
        payload: { token, newPassword },
      });
    const weak = await reset('123456789012');
    assert.equal(weak.statusCode, 400);
    assert.equal(weak.json().error.code, 'password_common');
    const ok = await reset(NEW_PASSWORD);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual(ok.json(), { email: 'lien@test.fr' });
    const again = await reset('une autre phrase de passe');
    assert.equal(again.statusCode, 400);
    assert.equal(again.json().error.code, 'reset_link_invalid');
    assert.match(again.json().error.message, /invalide, expiré ou déjà utilisé/);
    assert.equal((await login('lien@test.fr', NEW_PASSWORD)).statusCode, 200);
  });

  test('anonymous guesses at the reset route change nothing; an expired link is refused', async () => {
    const id = await createUser('expire@test.fr');
    const before = await hashOf('expire@test.fr');
    const guess = await server.request(undefined, {
      method: 'POST',
      url: '/api/auth/reset-password',
      payload: { token: 'a'.repeat(43), newPassword: NEW_PASSWORD },
    });
    assert.equal(guess.statusCode, 400);
    assert.equal(guess.json().error.code, 'reset_link_invalid');
    const res = await server.request(server.users.admin, {
      method: 'POST',
      url: `/api/users/${id}/password-reset`,
      payload: { mode: 'link' },
    });
    const token = res.json().link.split('#')[1];
    const start = server.clock.now;
    try {
      server.clock.now = new Date(start.getTime() + 24 * 3600_000 + 1000);
      const late = await server.request(undefined, {
        method: 'POST',
        url: '/api/auth/reset-password',
        payload: { token, newPassword: NEW_PASSWORD },
      });
      assert.equal(late.json().error.code, 'reset_link_invalid');
    } finally {
      server.clock.now = start;
    }
    assert.equal(await hashOf('expire@test.fr'), before);
  });

  test('a link e-mailed through the outbox', async () => {
    const id = await createUser('courriel@test.fr');
    const res = await server.request(server.users.admin, {
      method: 'POST',
      url: `/api/users/${id}/password-reset`,
      payload: { mode: 'email' },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().sentTo, 'courriel@test.fr');
    assert.equal(res.json().link, undefined, 'the link is not shown to the administrator');
    const outbox = join(server.dir, 'outbox');
    const file = readdirSync(outbox).find((f) => f.includes('courriel@test.fr'))!;
    const mail = readFileSync(join(outbox, file), 'utf8').replace(/=\r?\n/g, '');
    const token = /reinitialiser#([A-Za-z0-9_-]{43})/.exec(mail)?.[1];
    assert.ok(token, mail);
    const ok = await server.request(undefined, {
      method: 'POST',
      url: '/api/auth/reset-password',
      payload: { token, newPassword: NEW_PASSWORD },
    });
    assert.equal(ok.statusCode, 200, ok.body);
  });

  test('a temporary password ends the sessions and must be changed before anything else', async () => {
    const id = await createUser('temporaire@test.fr', 'admin');
    const old = await server.login('temporaire@test.fr');
    const res = await server.request(server.users.admin, {
      method: 'POST',
      url: `/api/users/${id}/password-reset`,
      payload: { mode: 'temporary' },
    });
    assert.equal(res.statusCode, 200, res.body);
    const temporary: string = res.json().password;
    assert.ok(temporary.length >= 20);
    assert.equal((await server.request(old, { method: 'GET', url: '/api/auth/me' })).statusCode, 401);
    const signed = await login('temporaire@test.fr', temporary);
    assert.equal(signed.statusCode, 200);
    assert.equal(signed.json().user.mustChangePassword, true);
    const session = await server.login('temporaire@test.fr', temporary);
    const blocked = await server.request(session, { method: 'GET', url: '/api/users' });
    assert.equal(blocked.statusCode, 403);
    assert.equal(blocked.json().error.code, 'password_change_required');
    assert.match(blocked.json().error.message, /Mon compte/);
    const me = await server.request(session, { method: 'GET', url: '/api/auth/me' });
    assert.equal(me.json().user.mustChangePassword, true);
    const changed = await server.request(session, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: temporary, newPassword: NEW_PASSWORD },
    });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json().user.mustChangePassword, false);
    const fresh = await server.login('temporaire@test.fr', NEW_PASSWORD);
    assert.equal((await server.request(fresh, { method: 'GET', url: '/api/users' })).statusCode, 200);
  });

  test('an unknown account: 404 with a French message', async () => {
    const res = await server.request(server.users.admin, {
      method: 'POST',
      url: '/api/users/inconnu/password-reset',
      payload: { mode: 'link' },
    });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error.message, 'Compte introuvable : « inconnu ».');
  });
});

describe('creating and updating accounts follow the policy', () => {
  test('a given password under 12 characters or common is refused and no account is created', async () => {
    for (const password of ['onze-caract', 'password1234', 'zzzzzzzzzzzzzzzz']) {
      const res = await server.request(server.users.admin, {
        method: 'POST',
        url: '/api/users',
        payload: { email: 'faible@test.fr', name: 'Faible', role: 'viewer', password },
      });
      assert.equal(res.statusCode, 400, password);
      assert.match(res.json().error.message, /^Mot de passe : /);
    }
    assert.equal(await server.store.users.findByEmail('faible@test.fr'), undefined);
  });
});

describe('sign-in: failures are limited per account and per address; disabled accounts are told', () => {
  test('a disabled account is told so only with the right password', async () => {
    const id = await createUser('desactive@test.fr');
    const off = await server.request(server.users.admin, {
      method: 'PATCH',
      url: `/api/users/${id}`,
      payload: { disabled: true },
    });
    assert.equal(off.statusCode, 200);
    const wrong = await login('desactive@test.fr', 'pas-le-bon-mot-de-passe', '10.1.1.1');
    const unknown = await login('personne@test.fr', 'pas-le-bon-mot-de-passe', '10.1.1.1');
    assert.equal(wrong.statusCode, 401);
    assert.deepEqual(wrong.json(), unknown.json(), 'a guess learns nothing');
    const right = await login('desactive@test.fr', PASSWORD, '10.1.1.1');
    assert.equal(right.statusCode, 403);
    assert.equal(right.json().error.code, 'account_disabled');
    assert.match(right.json().error.message, /Ce compte est désactivé/);
    assert.equal(right.cookies.length, 0, 'no session');
  });

  test('5 failures on one account from 5 addresses lock that account only; a success resets its count', async () => {
    await createUser('cible@test.fr');
    await createUser('voisin@test.fr');
    // Successes do not count, and a success clears the failures before it.
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 4; i++)
        assert.equal(
          (await login('cible@test.fr', 'mauvais-mot-de-passe', `10.2.${round}.${i}`)).statusCode,
          401,
        );
      assert.equal((await login('cible@test.fr', PASSWORD, '10.2.9.9')).statusCode, 200);
    }
    for (let i = 0; i < 5; i++)
      assert.equal((await login('cible@test.fr', 'mauvais-mot-de-passe', `10.3.0.${i}`)).statusCode, 401);
    const locked = await login('cible@test.fr', PASSWORD, '10.3.1.1');
    assert.equal(locked.statusCode, 429);
    assert.equal(locked.json().error.code, 'login_rate_limited');
    assert.match(locked.json().error.message, /pour ce compte : réessayez dans \d+ secondes/);
    assert.ok(Number(locked.headers['retry-after']) > 0);
    assert.equal((await login('voisin@test.fr', PASSWORD, '10.3.1.1')).statusCode, 200, 'another account');
    // After the window (15 minutes), the account opens again.
    const start = server.clock.now;
    try {
      server.clock.now = new Date(start.getTime() + 15 * 60_000 + 1000);
      assert.equal((await login('cible@test.fr', PASSWORD, '10.3.1.1')).statusCode, 200);
    } finally {
      server.clock.now = start;
    }
  });

  test('an address is limited on failures only: 30 successes in a row pass, its 10th failure blocks it', async () => {
    const limited = await startTestServer({ loginRateLimit: 10 });
    try {
      const attempt = (email: string, password: string) =>
        limited.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email, password },
          remoteAddress: '10.9.9.9',
        });
      for (let i = 0; i < 30; i++) assert.equal((await attempt('viewer@test.fr', PASSWORD)).statusCode, 200);
      const codes: number[] = [];
      for (let i = 0; i < 11; i++) codes.push((await attempt(`x${i}@test.fr`, 'mauvais')).statusCode);
      assert.deepEqual(codes, [...Array(10).fill(401), 429]);
      const blocked = await attempt('viewer@test.fr', PASSWORD);
      assert.equal(blocked.statusCode, 429);
      assert.match(blocked.json().error.message, /depuis cette adresse/);
    } finally {
      await limited.close();
    }
  });
});

describe('the last active administrator', () => {
  test('cannot be disabled nor demoted (409, French message); once another admin exists, it can', async () => {
    const solo = await startTestServer();
    try {
      const adminId = (await solo.store.users.findByEmail('admin@test.fr'))!.id;
      const patch = (payload: object, lang = 'fr') =>
        solo.request(solo.users.admin, {
          method: 'PATCH',
          url: `/api/users/${adminId}`,
          headers: { 'accept-language': lang },
          payload,
        });
      const disable = await patch({ disabled: true });
      assert.equal(disable.statusCode, 409);
      assert.equal(disable.json().error.code, 'last_admin');
      assert.equal(
        disable.json().error.message,
        "admin@test.fr est le dernier administrateur actif : il ne peut pas être désactivé. Nommez d'abord un autre administrateur.",
      );
      const demote = await patch({ role: 'viewer' }, 'en');
      assert.equal(demote.statusCode, 409);
      assert.match(demote.json().error.message, /last active administrator: it cannot be given another role/);
      const stored = (await solo.store.users.get(adminId))!;
      assert.deepEqual([stored.role, stored.disabled], ['admin', false]);

      // A disabled administrator does not count as active.
      const other = await solo.request(solo.users.admin, {
        method: 'POST',
        url: '/api/users',
        payload: { email: 'second@test.fr', name: 'Second', role: 'admin' },
      });
      const otherId = other.json().user.id;
      await solo.store.users.update(otherId, { disabled: true });
      assert.equal((await patch({ disabled: true })).statusCode, 409);
      await solo.store.users.update(otherId, { disabled: false });
      const ok = await patch({ disabled: true });
      assert.equal(ok.statusCode, 200, ok.body);
      // Disabling oneself ends one's sessions.
      assert.equal(
        (await solo.request(solo.users.admin, { method: 'GET', url: '/api/auth/me' })).statusCode,
        401,
      );
    } finally {
      await solo.close();
    }
  });
});
