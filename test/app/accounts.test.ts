/**
 * The account use cases (src/app/accounts) over a real store, on SQLite and PostgreSQL: password
 * policy, own password change, reset links (single use, expiring, atomic), temporary passwords,
 * the last administrator, sessions' idle timeout and absolute lifetime, the console's enable.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/store/index.js';
import {
  adminResetPassword,
  changeOwnPassword,
  checkPasswordPolicy,
  consoleEnable,
  consoleResetPassword,
  createUser,
  hashPassword,
  LoginLimiter,
  resetWithToken,
  resolveSession,
  signIn,
  updateUser,
  verifyPassword,
  type AccountDeps,
} from '../../src/app/accounts/index.js';
import { PanoramaError } from '../../src/contract/errors/index.js';
import { skipWithoutPostgres, startPostgres, type PostgresInstance } from '../support/postgres.js';

const PASSWORD = 'mot-de-passe-initial';
const NEW = 'une nouvelle phrase secrète';

const code = (fn: () => unknown) =>
  Promise.resolve()
    .then(fn)
    .then(
      () => 'ok',
      (err: unknown) => (err instanceof PanoramaError ? err.code : `not a PanoramaError: ${String(err)}`),
    );

describe('password policy', () => {
  it('refuses under 12 characters, one repeated character, and the common list (any case)', async () => {
    assert.equal(await code(() => checkPasswordPolicy('onze-caract')), 'password_too_short');
    assert.equal(await code(() => checkPasswordPolicy('ééééééééééééé')), 'password_repeated');
    assert.equal(await code(() => checkPasswordPolicy('aaaaaaaaaaaa')), 'password_repeated');
    assert.equal(await code(() => checkPasswordPolicy('qwerty123456')), 'password_common');
    assert.equal(await code(() => checkPasswordPolicy('QWERTY123456')), 'password_common');
    assert.equal(await code(() => checkPasswordPolicy('1q2w3e4r5t6y')), 'password_common');
    assert.equal(await code(() => checkPasswordPolicy('x'.repeat(201) + 'y')), 'password_too_long');
    assert.equal(await code(() => checkPasswordPolicy('centre social 2025')), 'ok');
    // 12 characters as the user sees them (an accented letter is one character).
    assert.equal(await code(() => checkPasswordPolicy('été à Lille!')), 'ok');
  });
});

function accountsSuite(open: () => Promise<Store>): void {
  let store: Store;
  const clock = { now: new Date('2025-06-01T08:00:00.000Z') };
  const config = {
    baseUrl: 'https://observatoire.example.org',
    sessionHours: 12,
    sessionIdleMinutes: 120,
    resetLinkHours: 24,
    loginRateLimit: 10,
  };
  const deps = (extra: Partial<AccountDeps> = {}): AccountDeps => ({
    store,
    config,
    now: () => clock.now,
    ...extra,
  });
  const email = (name: string) => `${name}-${process.pid}@acc.test`;
  let admin: string;

  before(async () => {
    store = await open();
    await store.migrate();
    const created = await createUser(deps(), {
      email: email('admin'),
      name: 'Admin',
      role: 'admin',
      territoryIds: [],
      password: PASSWORD,
      actorId: 'test',
    });
    admin = created.user.id;
  });
  after(async () => store?.close());

  it('changes one’s own password: current required, policy, sessions renewed', async () => {
    const { user } = await createUser(deps(), {
      email: email('moi'),
      name: 'Moi',
      role: 'viewer',
      territoryIds: [],
      password: PASSWORD,
      actorId: admin,
    });
    const first = await signIn(deps(), { email: email('moi'), password: PASSWORD, ip: '1.1.1.1' });
    const input = { userId: user.id, ip: '1.1.1.1' };
    assert.equal(
      await code(() => changeOwnPassword(deps(), { ...input, currentPassword: 'faux', newPassword: NEW })),
      'password_current_wrong',
    );
    assert.equal(
      await code(() =>
        changeOwnPassword(deps(), { ...input, currentPassword: PASSWORD, newPassword: 'court' }),
      ),
      'password_too_short',
    );
    const changed = await changeOwnPassword(deps(), {
      ...input,
      currentPassword: PASSWORD,
      newPassword: NEW,
    });
    assert.equal(await resolveSession(deps(), first.token), undefined, 'the old session ended');
    assert.ok(await resolveSession(deps(), changed.token), 'the new session works');
    const stored = (await store.users.findByEmail(email('moi')))!;
    assert.equal(await verifyPassword(stored.passwordHash, NEW), true);
  });

  it('a reset link is single-use (even under two concurrent uses) and expires', async () => {
    const { user } = await createUser(deps(), {
      email: email('lien'),
      name: 'Lien',
      role: 'viewer',
      territoryIds: [],
      password: PASSWORD,
      actorId: admin,
    });
    const out = await adminResetPassword(deps(), { id: user.id, mode: 'link', actorId: admin });
    assert.match(out.link!, /^https:\/\/observatoire\.example\.org\/reinitialiser#/);
    assert.equal(out.expiresAt, '2025-06-02T08:00:00.000Z');
    const token = out.link!.split('#')[1]!;
    assert.equal(
      await code(() => resetWithToken(deps(), { token, newPassword: 'bbbbbbbbbbbbbb' })),
      'password_repeated',
    );
    const results = await Promise.all([
      code(() => resetWithToken(deps(), { token, newPassword: NEW })),
      code(() => resetWithToken(deps(), { token, newPassword: 'une autre phrase secrète' })),
    ]);
    assert.deepEqual(results.sort(), ['ok', 'reset_link_invalid']);
    const expiring = await adminResetPassword(deps(), { id: user.id, mode: 'link', actorId: admin });
    const later = { now: () => new Date(clock.now.getTime() + 24 * 3600_000) };
    assert.equal(
      await code(() =>
        resetWithToken({ ...deps(), ...later }, { token: expiring.link!.split('#')[1]!, newPassword: NEW }),
      ),
      'reset_link_invalid',
    );
  });

  it('a temporary password is flagged, ends the sessions and is cleared by the change', async () => {
    const { user } = await createUser(deps(), {
      email: email('temp'),
      name: 'Temp',
      role: 'viewer',
      territoryIds: [],
      password: PASSWORD,
      actorId: admin,
    });
    const before = await signIn(deps(), { email: email('temp'), password: PASSWORD, ip: '1.1.1.2' });
    const out = await adminResetPassword(deps(), { id: user.id, mode: 'temporary', actorId: admin });
    assert.equal((await store.users.get(user.id))!.mustChangePassword, true);
    assert.equal(await resolveSession(deps(), before.token), undefined);
    const signed = await signIn(deps(), { email: email('temp'), password: out.password!, ip: '1.1.1.2' });
    assert.equal(signed.user.mustChangePassword, true);
    await changeOwnPassword(deps(), {
      userId: user.id,
      ip: '1.1.1.2',
      currentPassword: out.password!,
      newPassword: NEW,
    });
    assert.equal((await store.users.get(user.id))!.mustChangePassword, false);
  });

  it('the last active administrator can be neither disabled nor demoted', async () => {
    // Other administrators of earlier runs may exist on a shared database: disable them first.
    for (const u of await store.users.list())
      if (u.role === 'admin' && u.id !== admin) await store.users.update(u.id, { disabled: true });
    const disable = () => updateUser(deps(), { id: admin, actorId: admin, disabled: true });
    const demote = () => updateUser(deps(), { id: admin, actorId: admin, role: 'viewer' });
    assert.equal(await code(disable), 'last_admin');
    assert.equal(await code(demote), 'last_admin');
    const second = await createUser(deps(), {
      email: email('second'),
      name: 'Second',
      role: 'admin',
      territoryIds: [],
      actorId: admin,
    });
    assert.equal(
      await code(() => updateUser(deps(), { id: second.user.id, actorId: admin, role: 'viewer' })),
      'ok',
    );
    assert.equal(await code(disable), 'last_admin', 'the demoted one does not count');
    await updateUser(deps(), { id: second.user.id, actorId: admin, role: 'admin' });
    assert.equal(await code(disable), 'ok');
    // The console enables it again; signing in works.
    const enabled = await consoleEnable(deps(), { email: email('admin').toUpperCase() });
    assert.equal(enabled.wasDisabled, true);
    assert.equal((await store.users.get(admin))!.disabled, false);
  });

  it('two administrators demoting each other at once: one change passes, the last admin remains', async () => {
    const admins = (await store.users.list()).filter((u) => u.role === 'admin' && !u.disabled);
    assert.equal(admins.length, 2, 'the admin and the second one of the previous case');
    for (let round = 0; round < 3; round++) {
      const results = await Promise.all(
        admins.map((a, i) =>
          code(() => updateUser(deps(), { id: a.id, actorId: admins[1 - i]!.id, role: 'viewer' })),
        ),
      );
      assert.deepEqual([...results].sort(), ['last_admin', 'ok'], `round ${round}`);
      const active = (await store.users.list()).filter((u) => u.role === 'admin' && !u.disabled);
      assert.equal(active.length, 1);
      for (const a of admins) await store.users.update(a.id, { role: 'admin' });
    }
  });

  it('sessions: idle timeout and absolute lifetime', async () => {
    const start = clock.now;
    try {
      const { token } = await signIn(deps(), { email: email('admin'), password: PASSWORD, ip: '1.1.1.3' });
      const at = (minutes: number) => (clock.now = new Date(start.getTime() + minutes * 60_000));
      for (const m of [110, 220, 330, 440, 550, 660, 719]) {
        at(m);
        assert.ok(await resolveSession(deps(), token), `active at ${m} min`);
      }
      at(721);
      assert.equal(await resolveSession(deps(), token), undefined, '12 h after sign-in');
      at(0);
      const idle = await signIn(deps(), { email: email('admin'), password: PASSWORD, ip: '1.1.1.3' });
      at(121);
      assert.equal(await resolveSession(deps(), idle.token), undefined, 'idle for 121 min');
    } finally {
      clock.now = start;
    }
  });

  it('sign-in counts failures per account and address; a disabled account is told after the password', async () => {
    const limiter = new LoginLimiter({ perAddress: 10, perAccount: 3, windowMs: 15 * 60_000 });
    const d = deps({ limiter });
    const { user } = await createUser(deps(), {
      email: email('limite'),
      name: 'Limite',
      role: 'viewer',
      territoryIds: [],
      password: PASSWORD,
      actorId: admin,
    });
    const attempt = (password: string, ip: string) =>
      code(() => signIn(d, { email: email('limite'), password, ip }));
    assert.deepEqual(
      [await attempt('x', 'a'), await attempt('x', 'b'), await attempt(PASSWORD, 'c')],
      ['invalid_credentials', 'invalid_credentials', 'ok'],
    );
    for (const ip of ['d', 'e', 'f']) assert.equal(await attempt('x', ip), 'invalid_credentials');
    assert.equal(await attempt(PASSWORD, 'g'), 'login_rate_limited');
    limiter.clearAccount(email('limite'));
    await store.users.update(user.id, { disabled: true });
    assert.equal(await attempt('x', 'h'), 'invalid_credentials');
    assert.equal(await attempt(PASSWORD, 'h'), 'account_disabled');
  });

  it('the console resets by e-mail address: a temporary password or a link', async () => {
    await store.users.create({
      email: email('console'),
      name: 'Console',
      role: 'viewer',
      passwordHash: await hashPassword(PASSWORD),
    });
    const temporary = await consoleResetPassword(deps(), { email: email('console'), mode: 'temporary' });
    const stored = (await store.users.findByEmail(email('console')))!;
    assert.equal(await verifyPassword(stored.passwordHash, temporary.password!), true);
    assert.equal(stored.mustChangePassword, true);
    const link = await consoleResetPassword(deps(), { email: email('console'), mode: 'link' });
    assert.ok(link.link && !link.password);
    assert.equal(
      await code(() => consoleResetPassword(deps(), { email: email('personne'), mode: 'link' })),
      'account_not_found',
    );
  });
}

describe('account use cases (SQLite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'panorama-accounts-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  accountsSuite(() => openStore({ dataDir: dir }));
});

describe('account use cases (PostgreSQL)', { skip: skipWithoutPostgres() }, () => {
  let pg: PostgresInstance | undefined;
  before(async () => {
    pg = await startPostgres();
    assert.ok(pg, 'PostgreSQL binaries exist but the cluster did not start');
  });
  accountsSuite(async () => openStore({ databaseUrl: pg!.url }));
  after(async () => pg?.stop());
});
