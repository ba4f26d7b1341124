import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openStore } from '../../src/store/index.js';
import { cliArgs } from '../support/cli.js';

/** `panorama privacy …` on a real SQLite data folder, as an administrator would type it. */
const dir = mkdtempSync(join(tmpdir(), 'panorama-privacy-cli-'));
const email = 'jeanne.martin@exemple.fr';
after(() => rmSync(dir, { recursive: true, force: true }));

before(async () => {
  const store = await openStore({ dataDir: dir });
  await store.migrate();
  const user = await store.users.create({ email, name: 'Jeanne Martin', role: 'viewer', passwordHash: 'x' });
  await store.users.create({ email: 'admin@exemple.fr', name: 'Admin', role: 'admin', passwordHash: 'x' });
  await store.audit.record({
    actor: user.id,
    action: 'login',
    target: user.id,
    details: { ip: '192.0.2.1' },
  });
  await store.close();
});

function panorama(...args: string[]) {
  const { DATABASE_URL: _db, ...env } = process.env;
  const res = spawnSync(process.execPath, cliArgs('privacy', ...args, '--data-dir', dir), {
    encoding: 'utf8',
    env: { ...env, PANORAMA_LANG: 'fr' },
  });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

test('export writes the person’s data as JSON; erase asks for --yes, then erases', async () => {
  const out = join(dir, 'export.json');
  const exported = panorama('export', '--email', email, '--out', out);
  assert.equal(exported.code, 0, exported.err);
  const copy = JSON.parse(readFileSync(out, 'utf8'));
  assert.equal(copy.account.name, 'Jeanne Martin');
  assert.deepEqual(
    copy.audit.map((a: { action: string }) => a.action),
    ['login'],
  );

  const asked = panorama('erase', '--email', email);
  assert.equal(asked.code, 1);
  assert.match(asked.out, /Relancez avec --yes/);
  const store = await openStore({ dataDir: dir });
  try {
    assert.equal((await store.users.findByEmail(email))?.name, 'Jeanne Martin');
  } finally {
    await store.close();
  }

  const erased = panorama('erase', '--email', email, '--yes');
  assert.equal(erased.code, 0, erased.err);
  assert.match(erased.out, /Effacé ; dans le journal d’audit : personne-effacee-[0-9a-f]{8}/);
  const after = await openStore({ dataDir: dir });
  try {
    assert.equal(await after.users.findByEmail(email), undefined);
  } finally {
    await after.close();
  }

  const none = panorama('export', '--email', email);
  assert.equal(none.code, 2);
  assert.match(none.err, /ne détient aucune donnée liée à l’adresse jeanne\.martin@exemple\.fr/);
  assert.doesNotMatch(none.err, /at .*\.ts:\d+/, 'no stack trace');
});

test('purge --dry-run counts, a missing --email is named', () => {
  const dry = panorama('purge', '--dry-run');
  assert.equal(dry.code, 0, dry.err);
  assert.match(dry.out, /rien n’est effacé/);
  assert.match(dry.out, /auditTraces +0/);
  const missing = panorama('erase');
  assert.notEqual(missing.code, 0);
  assert.match(missing.err, /indiquez l’adresse de la personne avec --email/);
});
