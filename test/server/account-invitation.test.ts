/**
 * A new account gets an invitation e-mail over HTTP: an administrator creates a user, an .eml
 * with a single-use set-password link (the reset-link mechanism) lands in the outbox, the link
 * sets the password once and the user signs in; `invite: false` sends nothing; a mail that cannot
 * be handed over does not undo the account and says "failed".
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestServer, type TestServer } from './helpers.js';

let server: TestServer;
before(async () => {
  server = await startTestServer({ loginRateLimit: 1000 });
});
after(async () => server?.close());

const outboxFor = (email: string) => {
  const dir = join(server.dir, 'outbox');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .filter((eml) => new RegExp(`^To: ${email.replace(/[.]/g, '\\.')}$`, 'm').test(eml))
    .map((eml) => eml.replace(/=\r?\n/g, ''));
};
const create = (payload: Record<string, unknown>) =>
  server.request(server.users.admin, { method: 'POST', url: '/api/users', payload });

test('creating a user e-mails a single-use link to choose the password', async () => {
  const res = await create({ email: 'nouvelle@centres.example.org', name: 'Nadia Nouvelle', role: 'viewer' });
  assert.equal(res.statusCode, 201, res.body);
  const { invitation, user } = res.json();
  assert.equal(invitation.status, 'sent');
  assert.equal(invitation.sentTo, 'nouvelle@centres.example.org');
  assert.ok(Date.parse(invitation.expiresAt) > server.clock.now.getTime() + 6 * 86_400_000);

  const mails = outboxFor('nouvelle@centres.example.org');
  assert.equal(mails.length, 1);
  const eml = mails[0]!;
  assert.match(eml, /^X-Panorama-Mail: account-invitation$/m);
  assert.match(eml, /^Subject: .*Panorama/m);
  const token = /\/reinitialiser#([A-Za-z0-9_-]{43})/.exec(eml)?.[1];
  assert.ok(token, eml);
  assert.match(eml, /Bonjour Nadia Nouvelle,/);

  const password = 'une phrase de passe choisie par Nadia';
  const set = await server.request(undefined, {
    method: 'POST',
    url: '/api/auth/reset-password',
    payload: { token, newPassword: password },
  });
  assert.equal(set.statusCode, 200, set.body);
  const again = await server.request(undefined, {
    method: 'POST',
    url: '/api/auth/reset-password',
    payload: { token, newPassword: 'une autre phrase de passe encore' },
  });
  assert.notEqual(again.statusCode, 200, 'the link works once');
  const login = await server.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: 'nouvelle@centres.example.org', password },
    remoteAddress: '10.9.0.1',
  });
  assert.equal(login.statusCode, 200, login.body);
  assert.equal(login.json().user.id, user.id);
});

test('invite: false creates the account without any e-mail', async () => {
  const res = await create({
    email: 'sans-courriel@centres.example.org',
    name: 'Sans Courriel',
    role: 'viewer',
    invite: false,
  });
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.json().invitation, undefined);
  assert.equal(outboxFor('sans-courriel@centres.example.org').length, 0);
});

test('a mail that cannot be handed over keeps the account and says failed', async () => {
  const ctx = server.app.panorama;
  const realMailer = ctx.mailer;
  ctx.mailer = {
    target: 'test',
    send: () => Promise.reject(Object.assign(new Error('421 try later'), { responseCode: 421 })),
    close: () => undefined,
  };
  try {
    const res = await create({ email: 'panne@centres.example.org', name: 'Panne', role: 'viewer' });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().invitation.status, 'failed');
    assert.ok(await server.store.users.findByEmail('panne@centres.example.org'));
  } finally {
    ctx.mailer = realMailer;
  }
});
