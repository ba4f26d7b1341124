import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/shared.js';
import { cliArgs } from '../support/cli.js';
import { openStore } from '../../src/store/index.js';
import { verifyPassword } from '../../src/app/accounts/index.js';

const dataDir = mkdtempSync(join(tmpdir(), 'panorama-admin-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

const run = (...args: string[]) =>
  spawnSync(process.execPath, cliArgs('admin', ...args, '--data-dir', dataDir), {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', PANORAMA_LANG: 'en' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

test('admin create: generated password printed once and stored hashed; duplicates and bad input are clear errors', async () => {
  const created = run('create', '--email', 'Claire.Martin@Federation.fr', '--name', 'Claire Martin');
  assert.equal(created.status, 0, created.stderr);
  const password = /Password \(shown only once\): (\S+)/.exec(created.stdout)?.[1];
  assert.ok(password && password.length >= 16, created.stdout);

  const given = run(
    'create',
    '--email',
    'lecture@federation.fr',
    '--name',
    'Lecture',
    '--role',
    'viewer',
    '--password',
    'un-long-mot-de-passe',
  );
  assert.equal(given.status, 0, given.stderr);
  assert.doesNotMatch(given.stdout, /Password/);

  const duplicate = run('create', '--email', 'claire.martin@federation.fr', '--name', 'Encore');
  assert.equal(duplicate.status, 2);
  assert.match(duplicate.stderr, /already exists/);
  assert.doesNotMatch(duplicate.stderr, /\n\s+at /, 'no stack trace');

  const badEmail = run('create', '--email', 'pas-une-adresse', '--name', 'X');
  assert.equal(badEmail.status, 2);
  assert.match(badEmail.stderr, /--email/);
  const short = run('create', '--email', 'x@y.fr', '--name', 'X', '--password', 'court');
  assert.equal(short.status, 2);
  assert.match(short.stderr, /at least 12 characters/);

  const store = await openStore({ dataDir });
  try {
    const user = (await store.users.findByEmail('claire.martin@federation.fr'))!;
    assert.equal(user.role, 'admin');
    assert.notEqual(user.passwordHash, password);
    assert.match(user.passwordHash, /^\$argon2id\$/);
    assert.equal(await verifyPassword(user.passwordHash, password), true);
    assert.equal((await store.users.findByEmail('lecture@federation.fr'))!.role, 'viewer');
    assert.equal(await store.users.count(), 2);
  } finally {
    await store.close();
  }
});
