import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PanoramaError } from '../../src/contract/errors/index.js';
import { auditLog } from '../../src/app/privacy/index.js';
import { auditQuery } from '../../src/contract/privacy.js';
import type { PrivacyContext } from './suite.js';
import { campaign, structure, territory, uid } from './seed.js';

export function auditTests(ctx: PrivacyContext): void {
  test('the audit log viewer filters by user, campaign, structure and days, and pages without gaps', async () => {
    const { store } = ctx;
    const deps = { store, now: () => new Date('2027-06-30T12:00:00.000Z') };
    const q = (input: Record<string, unknown>) => auditQuery.parse(input);
    const t = await territory(store);
    const a = await structure(store, t, {}, '2027-01-01T00:00:00.000Z');
    const b = await structure(store, t, {}, '2027-01-01T00:00:00.000Z');
    const c = await campaign(store, {
      closesAt: null,
      structureIds: [a, b],
      now: '2027-01-01T00:00:00.000Z',
    });
    const response = await store.responses.saveDraft(
      c.invitations.get(a)!,
      { q: 'x' },
      '2027-01-02T00:00:00.000Z',
    );
    const alice = await store.users.create({
      email: `${uid('alice')}@test.fr`,
      name: 'Alice',
      role: 'admin',
      passwordHash: 'x',
    });
    const bob = await store.users.create({
      email: `${uid('bob')}@test.fr`,
      name: 'Bob',
      role: 'correspondent',
      passwordHash: 'x',
    });
    const e1 = await store.audit.record(
      { actor: alice.id, action: 'campaign.create', target: c.id },
      '2027-02-01T10:00:00.000Z',
    );
    const e2 = await store.audit.record(
      { actor: bob.id, action: 'structure.update', target: a },
      '2027-02-10T10:00:00.000Z',
    );
    // 23:30 in Paris on 14 February is 22:30 UTC: the day filter is in Paris time.
    const e3 = await store.audit.record(
      { actor: bob.id, action: 'review.validate', target: response.id },
      '2027-02-14T22:30:00.000Z',
    );
    const e4 = await store.audit.record(
      { actor: alice.id, action: 'structure.update', target: b },
      '2027-03-01T10:00:00.000Z',
    );
    const e5 = await store.audit.record(
      { actor: alice.id, action: 'user.update', target: bob.id },
      '2027-03-02T10:00:00.000Z',
    );

    const ids = async (input: Record<string, unknown>) =>
      (await auditLog(deps, q(input))).entries.map((e) => e.id);
    assert.deepEqual(await ids({ campaign: c.id }), [e3.id, e1.id]);
    assert.deepEqual(await ids({ structure: a }), [e3.id, e2.id]);
    assert.deepEqual(await ids({ structure: b }), [e4.id]);
    assert.deepEqual(await ids({ user: bob.id }), [e5.id, e3.id, e2.id]);
    assert.deepEqual(await ids({ user: alice.id, action: 'structure.' }), [e4.id]);
    assert.deepEqual(await ids({ user: bob.id, from: '2027-02-11', to: '2027-02-14' }), [e3.id]);
    assert.deepEqual(await ids({ user: bob.id, from: '2027-02-15' }), [e5.id]);

    // Names for people: the actor and the response's structure and campaign.
    const [review] = (await auditLog(deps, q({ campaign: c.id, limit: 1 }))).entries;
    assert.equal(review!.actorName, `Bob <${bob.email}>`);
    assert.equal(review!.targetKind, 'response');
    assert.equal(review!.campaignId, c.id);
    assert.equal(review!.structureId, a);
    assert.match(review!.targetName!, new RegExp(`Centre ${a}`));

    // 120 entries of one user, paged by 50: every entry once, newest first.
    const carol = await store.users.create({
      email: `${uid('carol')}@test.fr`,
      name: 'Carol',
      role: 'viewer',
      passwordHash: 'x',
    });
    const base = Date.parse('2027-04-01T00:00:00.000Z');
    for (let i = 0; i < 120; i++)
      // Pairs of entries at the same instant: the page boundary must break ties on the id.
      await store.audit.record(
        { actor: carol.id, action: 'login', target: carol.id },
        new Date(base + Math.floor(i / 2) * 60_000).toISOString(),
      );
    const seen: string[] = [];
    const ats: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await auditLog(deps, q({ user: carol.id, limit: 50, ...(cursor ? { cursor } : {}) }));
      seen.push(...page.entries.map((e) => e.id));
      ats.push(...page.entries.map((e) => e.at));
      cursor = page.next;
      pages++;
    } while (cursor);
    assert.equal(pages, 3);
    assert.equal(seen.length, 120);
    assert.equal(new Set(seen).size, 120);
    assert.deepEqual(ats, [...ats].sort().reverse());

    await assert.rejects(
      auditLog(deps, q({ cursor: 'bm90LWEtY3Vyc29y' })),
      (e: unknown) => e instanceof PanoramaError && e.code === 'privacy_bad_cursor',
    );
    await assert.rejects(
      auditLog(deps, q({ from: '2027-03-01', to: '2027-02-01' })),
      (e: unknown) => e instanceof PanoramaError && e.code === 'privacy_bad_dates',
    );
  });
}
