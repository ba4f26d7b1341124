import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { it } from 'node:test';
import { StoreConflictError, StoreNotFoundError, StoreValidationError } from '../../src/store/index.js';
import type { SuiteContext } from './suite.js';
import { uid } from './suite.js';
import { makeHierarchy } from './suite-registry.js';
import { kyselyOf } from '../../src/store/inspect.js';

export function accountTests(ctx: SuiteContext): void {
  it('users: must change password flag; reset links are single-use and expire', async () => {
    const users = ctx.store.users;
    const bob = await users.create({
      email: `${uid('bob')}@example.org`,
      name: 'Bob',
      passwordHash: '$argon2id$fake',
      role: 'viewer',
    });
    assert.equal(bob.mustChangePassword, false);
    assert.equal((await users.update(bob.id, { mustChangePassword: true })).mustChangePassword, true);
    assert.equal((await users.findByEmail(bob.email))!.mustChangePassword, true);
    assert.equal((await users.update(bob.id, { mustChangePassword: false })).mustChangePassword, false);

    const resets = ctx.store.passwordResets;
    const now = '2026-03-01T10:00:00.000Z';
    const { token } = await resets.create(bob.id, '2026-03-01T11:00:00.000Z', now);
    const stored = await kyselyOf(ctx.store)
      .selectFrom('password_resets')
      .select('id')
      .where('user_id', '=', bob.id)
      .execute();
    assert.deepEqual(
      stored.map((r) => r.id),
      [createHash('sha256').update(token).digest('hex')],
      'only the hash is stored',
    );
    assert.equal(await resets.consume(token, '2026-03-01T10:30:00.000Z'), bob.id);
    assert.equal(await resets.consume(token, '2026-03-01T10:31:00.000Z'), undefined, 'used once only');
    const late = await resets.create(bob.id, '2026-03-01T11:00:00.000Z', now);
    assert.equal(await resets.consume(late.token, '2026-03-01T11:00:01.000Z'), undefined, 'expired');
    assert.equal(await resets.consume('inconnu', now), undefined);
    const pending = await resets.create(bob.id, '2026-03-01T11:00:00.000Z', now);
    assert.equal(await resets.deleteForUser(bob.id), 3);
    assert.equal(await resets.consume(pending.token, now), undefined);
    await assert.rejects(resets.create('nobody', '2026-03-01T11:00:00.000Z', now), StoreNotFoundError);
  });

  it('users: e-mail unique whatever its case, territories, update', async () => {
    const h = await makeHierarchy(ctx);
    const users = ctx.store.users;
    const local = uid('alice');
    const countBefore = await users.count();
    const alice = await users.create({
      email: `  ${local}@Example.ORG `,
      name: 'Alice Martin',
      passwordHash: '$argon2id$fake-hash-for-test',
      role: 'correspondent',
      territoryIds: [h.nord.id],
    });
    assert.equal(alice.email, `${local}@example.org`);
    assert.deepEqual(alice.territoryIds, [h.nord.id]);
    assert.equal(alice.disabled, false);
    assert.equal(await users.count(), countBefore + 1);
    await assert.rejects(
      users.create({
        email: `${local.toUpperCase()}@EXAMPLE.org`,
        name: 'Copy',
        passwordHash: 'x',
        role: 'viewer',
      }),
      (e: unknown) => e instanceof StoreConflictError && e.field === 'email',
    );
    assert.equal(await users.count(), countBefore + 1, 'the refused user was not stored');
    await assert.rejects(
      users.create({ email: 'not-an-email', name: 'X', passwordHash: 'x', role: 'viewer' }),
      StoreValidationError,
    );
    await assert.rejects(
      users.create({
        email: `${uid('x')}@example.org`,
        name: 'X',
        passwordHash: 'x',
        role: 'root' as 'admin',
      }),
      StoreValidationError,
    );

    const found = await users.findByEmail(`${local.toUpperCase()}@EXAMPLE.ORG`);
    assert.equal(found?.id, alice.id);
    assert.equal(found?.passwordHash, '$argon2id$fake-hash-for-test');
    assert.equal((await users.get(alice.id)) && 'passwordHash' in (await users.get(alice.id))!, false);

    const updated = await users.update(alice.id, {
      role: 'viewer',
      disabled: true,
      territoryIds: [h.pdc.id, h.nord.id],
    });
    assert.equal(updated.role, 'viewer');
    assert.equal(updated.disabled, true);
    assert.deepEqual(updated.territoryIds, [h.nord.id, h.pdc.id].sort());
    const bob = await users.create({
      email: `${uid('bob')}@example.org`,
      name: 'Bob',
      passwordHash: 'y',
      role: 'admin',
    });
    await assert.rejects(users.update(bob.id, { email: alice.email.toUpperCase() }), StoreConflictError);
    assert.ok((await users.list()).some((u) => u.id === bob.id && u.role === 'admin'));
  });

  it('sessions: only the token hash is stored; expiry and disabled users end them', async () => {
    const users = ctx.store.users;
    const user = await users.create({
      email: `${uid('s')}@example.org`,
      name: 'Session user',
      passwordHash: 'h',
      role: 'viewer',
    });
    const t0 = '2026-03-01T10:00:00.000Z';
    const { token, session } = await ctx.store.sessions.create(user.id, '2026-03-01T12:00:00.000Z', t0);
    assert.ok(Buffer.from(token, 'base64url').length >= 32);
    assert.equal(session.id, createHash('sha256').update(token).digest('hex'));
    assert.notEqual(session.csrfToken, token);
    const stored = await kyselyOf(ctx.store)
      .selectFrom('sessions')
      .selectAll()
      .where('user_id', '=', user.id)
      .execute();
    assert.equal(stored.length, 1);
    assert.ok(!JSON.stringify(stored).includes(token), 'the cookie token itself is never stored');

    const live = await ctx.store.sessions.findByToken(token, '2026-03-01T11:00:00.000Z');
    assert.equal(live?.user.id, user.id);
    assert.equal(live?.session.csrfToken, session.csrfToken);
    assert.equal(await ctx.store.sessions.findByToken('forged-token', '2026-03-01T11:00:00.000Z'), undefined);

    // Sliding expiry, then expiry: an expired session is refused and removed.
    await ctx.store.sessions.touch(token, '2026-03-01T11:30:00Z', '2026-03-01T13:00:00+00:00');
    assert.ok(await ctx.store.sessions.findByToken(token, '2026-03-01T12:30:00.000Z'));
    assert.equal(await ctx.store.sessions.findByToken(token, '2026-03-01T13:00:00.000Z'), undefined);
    assert.equal(
      (await kyselyOf(ctx.store).selectFrom('sessions').select('id').where('user_id', '=', user.id).execute())
        .length,
      0,
    );

    const second = await ctx.store.sessions.create(user.id, '2026-03-02T00:00:00.000Z', t0);
    await users.update(user.id, { disabled: true });
    assert.equal(
      await ctx.store.sessions.findByToken(second.token, t0),
      undefined,
      'a disabled user has no session',
    );
    assert.equal(await ctx.store.sessions.deleteForUser(user.id), 1);

    const old = await ctx.store.sessions.create(
      user.id,
      '2000-01-01T00:00:00.000Z',
      '1999-12-31T00:00:00.000Z',
    );
    assert.ok((await ctx.store.sessions.purgeExpired('2026-01-01T00:00:00.000Z')) >= 1);
    assert.equal(await ctx.store.sessions.findByToken(old.token, '1999-12-31T01:00:00.000Z'), undefined);
    await assert.rejects(ctx.store.sessions.create(user.id, 'tomorrow'), StoreValidationError);
    await assert.rejects(
      ctx.store.sessions.create('no-such-user', '2030-01-01T00:00:00Z'),
      StoreNotFoundError,
    );
  });

  it('audit log and settings', async () => {
    const target = uid('campaign');
    await ctx.store.audit.record(
      { actor: 'u1', action: 'campaign.create', target, details: { name: 'Flash' } },
      '2026-04-01T08:00:00.000Z',
    );
    await ctx.store.audit.record(
      { actor: 'u2', action: 'campaign.update', target },
      '2026-04-01T09:00:00.000Z',
    );
    await ctx.store.audit.record(
      { actor: 'u1', action: 'structure.import', target: uid('other') },
      '2026-04-01T10:00:00.000Z',
    );
    const entries = await ctx.store.audit.list({ target });
    assert.deepEqual(
      entries.map((e) => [e.action, e.actor, e.at]),
      [
        ['campaign.update', 'u2', '2026-04-01T09:00:00.000Z'],
        ['campaign.create', 'u1', '2026-04-01T08:00:00.000Z'],
      ],
    );
    assert.deepEqual(entries[1]?.details, { name: 'Flash' });
    assert.deepEqual(entries[0]?.details, {});
    assert.equal((await ctx.store.audit.list({ target, limit: 1 })).length, 1);
    // Instants given with an offset are stored in the one UTC form that sorts as text.
    const paris = await ctx.store.audit.record(
      { actor: 'u3', action: 'tz.check', target: uid('tz') },
      '2026-04-01T10:00:00+02:00',
    );
    assert.equal(paris.at, '2026-04-01T08:00:00.000Z');
    await assert.rejects(
      ctx.store.audit.record({ actor: 'u3', action: 'tz.check' }, 'yesterday'),
      StoreValidationError,
    );
    assert.ok(
      (await ctx.store.audit.list({ action: 'structure.import' })).every(
        (e) => e.action === 'structure.import',
      ),
    );

    const key = uid('setting');
    assert.equal(await ctx.store.settings.get(key), undefined);
    await ctx.store.settings.set(key, { firstStart: true, n: 1 });
    await ctx.store.settings.set(key, { firstStart: false, n: 2 });
    assert.deepEqual(await ctx.store.settings.get(key), { firstStart: false, n: 2 });
    await ctx.store.settings.delete(key);
    assert.equal(await ctx.store.settings.get(key), undefined);
  });
}
