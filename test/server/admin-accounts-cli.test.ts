/**
 * `panorama admin reset-password` and `panorama admin enable`, run as the real command (through
 * tsx) on a temporary SQLite database: what they print, what they store, their errors.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/shared.js';
import { cliArgs } from '../support/cli.js';
import { openStore } from '../../src/store/index.js';
import { hashPassword, verifyPassword } from '../../src/app/accounts/index.js';

const dataDir = mkdtempSync(join(tmpdir(), 'panorama-admin-accounts-'));
const PASSWORD = 'mot-de-passe-de-depart';
after(() => rmSync(dataDir, { recursive: true, force: true }));

const run = (...args: string[]) =>
  spawnSync(process.execPath, cliArgs('admin', ...args, '--data-dir', dataDir), {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      DATABASE_URL: '',
      BASE_URL: 'https://observatoire.example.org',
      PANORAMA_LANG: 'fr',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

async function withStore<T>(fn: (store: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> {
  const store = await openStore({ dataDir });
  try {
    await store.migrate();
    return await fn(store);
  } finally {
    await store.close();
  }
}

before(async () => {
  await withStore(async (store) => {
    const passwordHash = await hashPassword(PASSWORD);
    const admin = await store.users.create({
      email: 'seule@federation.fr',
      name: 'Seule',
      role: 'admin',
      passwordHash,
    });
    await store.users.update(admin.id, { disabled: true });
    await store.sessions.create(admin.id, '2999-01-01T00:00:00.000Z');
  });
});

test('admin enable re-enables a locked-out administrator; twice says so; unknown e-mail is a clear error', async () => {
  const enabled = run('enable', 'Seule@Federation.fr');
  assert.equal(enabled.status, 0, enabled.stderr);
  assert.equal(enabled.stdout, 'Account enabled: seule@federation.fr (admin).\n');
  await withStore(async (store) => {
    assert.equal((await store.users.findByEmail('seule@federation.fr'))!.disabled, false);
    const audit = await store.audit.list({ action: 'user.enable' });
    assert.equal(audit[0]?.actor, 'cli');
  });
  assert.equal(run('enable', 'seule@federation.fr').stdout, 'Already enabled: seule@federation.fr.\n');
  const unknown = run('enable', 'personne@federation.fr');
  assert.equal(unknown.status, 2);
  assert.equal(unknown.stderr, 'panorama: Compte introuvable : « personne@federation.fr ».\n');
  const none = run('enable');
  assert.equal(none.status, 2);
  assert.match(none.stderr, /indiquez une seule adresse e-mail/);
});

test('admin reset-password prints a temporary password, to be changed at the next sign-in', async () => {
  const res = run('reset-password', 'seule@federation.fr');
  assert.equal(res.status, 0, res.stderr);
  const password = /\(shown only once; to be changed at the next sign-in\): (\S+)\n$/.exec(res.stdout)?.[1];
  assert.ok(password && password.length >= 20, res.stdout);
  await withStore(async (store) => {
    const user = (await store.users.findByEmail('seule@federation.fr'))!;
    assert.equal(await verifyPassword(user.passwordHash, password), true);
    assert.equal(await verifyPassword(user.passwordHash, PASSWORD), false);
    assert.equal(user.mustChangePassword, true);
    assert.equal(await store.sessions.deleteForUser(user.id), 0, 'its sessions had ended');
  });
});

test('admin reset-password --link prints a single-use link under BASE_URL and leaves the password', async () => {
  const before = await withStore(
    async (store) => (await store.users.findByEmail('seule@federation.fr'))!.passwordHash,
  );
  const res = run('reset-password', 'seule@federation.fr', '--link');
  assert.equal(res.status, 0, res.stderr);
  const link = /^(https:\/\/observatoire\.example\.org\/reinitialiser#([A-Za-z0-9_-]{43}))$/m.exec(
    res.stdout,
  );
  assert.ok(link, res.stdout);
  assert.match(res.stdout, /single use, valid until \d{4}-\d\d-\d\dT/);
  await withStore(async (store) => {
    assert.equal((await store.users.findByEmail('seule@federation.fr'))!.passwordHash, before);
    // The token printed is the one stored (by its hash): it can be consumed, once.
    assert.ok(await store.passwordResets.consume(link[2]!));
    assert.equal(await store.passwordResets.consume(link[2]!), undefined);
  });
  const unknown = run('reset-password', 'personne@federation.fr', '--link');
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /Compte introuvable/);
  assert.doesNotMatch(unknown.stderr, /\n\s+at /);
});

test('the admin command never loads the server', () => {
  const source = readFileSync(join(ROOT, 'src/cli/admin.ts'), 'utf8');
  assert.doesNotMatch(source, /from '\.\.\/server|import\('\.\.\/server/);
  const help = run('--help');
  assert.match(help.stdout, /panorama admin reset-password <email> \[--link\]/);
  assert.match(help.stdout, /panorama admin enable <email>/);
});
