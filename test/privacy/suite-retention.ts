import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { kyselyOf } from '../../src/store/inspect.js';
import { purgeExpired, saveRetention, startRetentionScheduler } from '../../src/app/privacy/index.js';
import type { PrivacyContext } from './suite.js';
import { ago, campaign, mailLogEntry, structure, territory, uid, writeOutboxFile } from './seed.js';

/**
 * Retention with a fake clock: on both sides of every cut-off one row, one day apart; the purge
 * must take exactly the expired ones. Must run first, on an empty database, so the counts are
 * exactly those of this seed.
 */
export function retentionTests(ctx: PrivacyContext): void {
  test('the purge erases exactly what is past its retention period, and a dry run only counts it', async () => {
    const { store } = ctx;
    const db = kyselyOf(store);
    const now = new Date('2027-01-01T00:00:00.000Z');
    const deps = { store, now: () => now, outboxDir: mkdtempSync(join(tmpdir(), 'panorama-outbox-')) };
    await saveRetention(deps, {
      retention: { accounts: 100, structure_contacts: 200, mail: 300, audit: 150, sessions: 10 },
      actor: 'test',
    });
    const long = ago(now, 800);
    const t = await territory(store);

    // Structures: archived 201 days ago (expired), 199 days ago, never.
    const contact = { email: 'direction@cs.fr', directeur: 'Mme Lefebvre', public: 'familles' };
    const sOld = await structure(store, t, contact, long);
    const sRecent = await structure(store, t, contact, long);
    const sActive = await structure(store, t, contact, long);
    await store.archive.setArchived('structure', sOld, { at: ago(now, 201), by: 'test' });
    await store.archive.setArchived('structure', sRecent, { at: ago(now, 199), by: 'test' });
    await store.solidarity.savePlaceProfile(sOld, { email: 'accueil@cs.fr', phone: '03 20 00 00 00' }, long);

    // Accounts: disabled with their last activity 101 / 99 days ago, and an active one.
    const hash = 'not-a-real-hash';
    const mk = (email: string) =>
      store.users.create({ email, name: email, role: 'viewer', passwordHash: hash }, ago(now, 400));
    const uOld = await mk(`${uid('old')}@test.fr`);
    const uRecent = await mk(`${uid('recent')}@test.fr`);
    const uActive = await mk(`${uid('active')}@test.fr`);
    await store.users.update(uOld.id, { disabled: true });
    await store.users.update(uRecent.id, { disabled: true });
    await store.audit.record({ actor: uOld.id, action: 'survey.create' }, ago(now, 101));
    await store.audit.record({ actor: uRecent.id, action: 'survey.create' }, ago(now, 99));

    // Mail: a campaign closed 301 days ago, another still open; log entries 301 and 299 days old.
    const closed = await campaign(store, { closesAt: ago(now, 301), structureIds: [sActive], now: long });
    const open = await campaign(store, { closesAt: ago(now, -10), structureIds: [sActive], now: long });
    await store.invitations.setEmail(closed.invitations.get(sActive)!, 'direction@cs.fr');
    await store.invitations.setEmail(open.invitations.get(sActive)!, 'direction@cs.fr');
    const logOld = await mailLogEntry(store, {
      campaignId: open.id,
      structureId: sActive,
      recipient: 'a@cs.fr',
      at: ago(now, 301),
    });
    const logRecent = await mailLogEntry(store, {
      campaignId: open.id,
      structureId: sActive,
      recipient: 'b@cs.fr',
      at: ago(now, 299),
    });
    const fileOld = writeOutboxFile(deps.outboxDir, ago(now, 301), 'a@cs.fr');
    const fileRecent = writeOutboxFile(deps.outboxDir, ago(now, 299), 'b@cs.fr');

    // Audit: sign-in traces 151 and 149 days old; an older action that is not a trace.
    const traceOld = await store.audit.record(
      { actor: uActive.id, action: 'login', target: uActive.id, details: { ip: '10.0.0.1' } },
      ago(now, 151),
    );
    const failedOld = await store.audit.record(
      { actor: null, action: 'login.failed', target: 'x@y.fr', details: { ip: '10.0.0.2' } },
      ago(now, 151),
    );
    const traceRecent = await store.audit.record(
      { actor: uActive.id, action: 'login', target: uActive.id, details: { ip: '10.0.0.3' } },
      ago(now, 149),
    );
    const action = await store.audit.record(
      { actor: uActive.id, action: 'campaign.create', target: open.id },
      ago(now, 500),
    );

    // Sessions and reset links expired 11 and 9 days ago.
    const sessionOld = await store.sessions.create(uActive.id, ago(now, 11), ago(now, 12));
    const sessionRecent = await store.sessions.create(uActive.id, ago(now, 9), ago(now, 10));
    await store.passwordResets.create(uActive.id, ago(now, 11), ago(now, 12));
    await store.passwordResets.create(uActive.id, ago(now, 9), ago(now, 10));

    // Households: contacts kept 90 days by their programme, recorded 91 and 89 days ago.
    const programme = await store.solidarity.createProgramme({
      name: 'Équipement 2026',
      public: 'famille',
      partners: [],
      startOn: null,
      endOn: null,
      retentionDays: 90,
    });
    const household = (code: string) => ({
      programmeId: programme.id,
      structureId: sActive,
      code,
      type: 'famille',
      communeCode: null,
      identifiedOn: null,
      targeted: false,
      children: null,
      contact: `06 00 00 00 0${code.length}`,
    });
    const [hOld] = await store.solidarity.addHouseholds([household('F-1')], ago(now, 91));
    const [hRecent] = await store.solidarity.addHouseholds([household('F-22')], ago(now, 89));

    const expected = {
      accounts: 1,
      structureContacts: 1,
      invitationAddresses: 1,
      mailLog: 1,
      householdContacts: 1,
      auditTraces: 2,
      sessions: 1,
      passwordResets: 1,
      outboxFiles: 1,
    };
    const dry = await purgeExpired(deps, { dryRun: true, actor: 'test' });
    assert.deepEqual(dry.counts, expected);
    assert.equal((await store.users.get(uOld.id))!.email, uOld.email, 'a dry run changes nothing');
    assert.ok(existsSync(join(deps.outboxDir, fileOld)));

    const done = await purgeExpired(deps, { dryRun: false, actor: 'test' });
    assert.deepEqual(done.counts, expected);

    // Accounts: only the one inactive for more than 100 days is anonymised.
    const old = (await store.users.get(uOld.id))!;
    assert.equal(old.name, 'Compte effacé');
    assert.doesNotMatch(old.email, /old/);
    assert.equal((await store.users.get(uRecent.id))!.email, uRecent.email);
    assert.equal((await store.users.get(uActive.id))!.email, uActive.email);
    // Structure contacts: only the structure archived for more than 200 days loses them.
    assert.deepEqual((await store.structures.get(sOld))!.attributes, { public: 'familles' });
    assert.deepEqual((await store.structures.get(sRecent))!.attributes, contact);
    assert.deepEqual((await store.structures.get(sActive))!.attributes, contact);
    const place = await db
      .selectFrom('solidarity_places')
      .selectAll()
      .where('structure_id', '=', sOld)
      .executeTakeFirstOrThrow();
    assert.deepEqual([place.email, place.phone], [null, null]);
    // Mail: the closed campaign's invitation address, the old log recipient, the old outbox file.
    assert.equal((await store.invitations.get(closed.invitations.get(sActive)!))!.email, null);
    assert.equal((await store.invitations.get(open.invitations.get(sActive)!))!.email, 'direction@cs.fr');
    const log = await db
      .selectFrom('mail_log')
      .select(['id', 'recipient'])
      .where('id', 'in', [logOld, logRecent])
      .execute();
    assert.deepEqual(Object.fromEntries(log.map((r) => [r.id, r.recipient])), {
      [logOld]: '',
      [logRecent]: 'b@cs.fr',
    });
    assert.equal(existsSync(join(deps.outboxDir, fileOld)), false);
    assert.equal(existsSync(join(deps.outboxDir, fileRecent)), true);
    // Audit: the two old sign-in traces only.
    const ids = (await db.selectFrom('audit_log').select('id').execute()).map((r) => r.id);
    assert.equal(ids.includes(traceOld.id) || ids.includes(failedOld.id), false);
    assert.ok(ids.includes(traceRecent.id) && ids.includes(action.id));
    // Sessions and reset links expired more than 10 days ago.
    const sessions = (await db.selectFrom('sessions').select('id').execute()).map((r) => r.id);
    assert.deepEqual(
      sessions.filter((id) => id === sessionOld.session.id || id === sessionRecent.session.id),
      [sessionRecent.session.id],
    );
    assert.equal(
      Number(
        (
          await db
            .selectFrom('password_resets')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
      1,
    );
    // Households: the contact recorded 91 days ago.
    const households = await store.solidarity.listHouseholds({
      programmeId: programme.id,
      withContact: true,
    });
    assert.deepEqual(
      households.map((h) => [h.id, h.contact ?? null]).sort(),
      [
        [hOld!.id, null],
        [hRecent!.id, '06 00 00 00 04'],
      ].sort(),
    );

    // Nothing left to purge at the same time; the purge was audited.
    const again = await purgeExpired(deps, { dryRun: true, actor: 'test' });
    assert.ok(
      Object.values(again.counts).every((n) => n === 0),
      JSON.stringify(again.counts),
    );
    const audited = await store.audit.list({ action: 'privacy.purge' });
    assert.equal(audited.length, 1);
    assert.deepEqual(audited[0]!.details, expected);
  });

  test('the scheduled job purges at most once a day, on the clock it is given', async () => {
    const { store } = ctx;
    const clock = { now: new Date('2027-01-01T06:00:00.000Z') };
    const user = await store.users.create({
      email: `${uid('s')}@test.fr`,
      name: 'S',
      role: 'viewer',
      passwordHash: 'x',
    });
    const expired = await store.sessions.create(user.id, ago(clock.now, 11), ago(clock.now, 12));
    const job = startRetentionScheduler({ store, now: () => clock.now }, { intervalMs: 3600_000 });
    try {
      const has = async () =>
        (
          await kyselyOf(store)
            .selectFrom('sessions')
            .select('id')
            .where('id', '=', expired.session.id)
            .execute()
        ).length;
      await job.tick();
      assert.equal(await has(), 1, 'the last purge (previous test) is less than a day old');
      clock.now = new Date('2027-01-02T00:00:00.000Z');
      await job.tick();
      assert.equal(await has(), 0, 'a day later the expired session is purged');
    } finally {
      job.stop();
    }
  });
}
