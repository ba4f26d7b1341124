import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { kyselyOf } from '../../src/store/inspect.js';
import type { Store } from '../../src/store/index.js';
import { PanoramaError } from '../../src/contract/errors/index.js';
import { erasePerson, exportPerson } from '../../src/app/privacy/index.js';
import type { PrivacyContext } from './suite.js';
import { campaign, mailLogEntry, structure, territory, uid, writeOutboxFile } from './seed.js';

/** Every row of every table, as JSON text, that contains `text` (case-insensitive). */
async function rowsContaining(store: Store, text: string): Promise<string[]> {
  const db = kyselyOf(store);
  const tables =
    store.dialect === 'sqlite'
      ? (
          await sql<{
            name: string;
          }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`.execute(db)
        ).rows
      : (
          await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`.execute(db)
        ).rows;
  const found: string[] = [];
  for (const { name } of tables) {
    const { rows } = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(name)}`.execute(db);
    for (const row of rows) {
      const json = JSON.stringify(row);
      if (json.toLowerCase().includes(text.toLowerCase())) found.push(`${name}: ${json}`);
    }
  }
  return found;
}

export function personTests(ctx: PrivacyContext): void {
  test('a person’s export holds their account, contacts, mail and audit entries; erasure leaves nothing of them', async () => {
    const { store } = ctx;
    const now = new Date('2027-03-01T10:00:00.000Z');
    const outboxDir = mkdtempSync(join(tmpdir(), 'panorama-outbox-'));
    const deps = { store, now: () => now, outboxDir };
    const email = `${uid('marie.dupont')}@exemple.fr`;
    const at = now.toISOString();
    const t = await territory(store);
    const admin = await store.users.create({
      email: `${uid('admin')}@test.fr`,
      name: 'Admin',
      role: 'admin',
      passwordHash: 'x',
    });
    const other = await store.users.create({
      email: `${uid('admin2')}@test.fr`,
      name: 'Autre',
      role: 'admin',
      passwordHash: 'x',
    });
    const marie = await store.users.create(
      { email, name: 'Marie Dupont', role: 'correspondent', passwordHash: 'x', territoryIds: [t] },
      at,
    );
    await store.sessions.create(marie.id, '2027-03-02T10:00:00.000Z', at);
    await store.passwordResets.create(marie.id, '2027-03-02T10:00:00.000Z', at);
    const s1 = await structure(store, t, { email: email.toUpperCase(), public: 'seniors' }, at);
    const s2 = await structure(store, t, { email: 'accueil@autre.fr' }, at);
    await store.solidarity.savePlaceProfile(s1, { email, phone: '03 20 11 11 11' }, at);
    const c = await campaign(store, { closesAt: null, structureIds: [s1, s2], now: at });
    await store.invitations.setEmail(c.invitations.get(s1)!, email);
    await mailLogEntry(store, { campaignId: c.id, structureId: s1, recipient: email, at });
    const file = writeOutboxFile(outboxDir, at, email);
    const otherFile = writeOutboxFile(outboxDir, at, 'accueil@autre.fr');
    const programme = await store.solidarity.createProgramme({
      name: 'Prêts',
      public: 'famille',
      partners: [],
      startOn: null,
      endOn: null,
      retentionDays: 365,
    });
    await store.solidarity.addHouseholds(
      [
        {
          programmeId: programme.id,
          structureId: s1,
          code: uid('F'),
          type: 'famille',
          communeCode: null,
          identifiedOn: null,
          targeted: false,
          children: 2,
          contact: `Mme Dupont, ${email}`,
        },
      ],
      at,
    );
    await store.audit.record(
      { actor: admin.id, action: 'user.create', target: marie.id, details: { email, role: 'correspondent' } },
      at,
    );
    await store.audit.record(
      { actor: marie.id, action: 'login', target: marie.id, details: { ip: '192.0.2.7' } },
      at,
    );
    await store.audit.record(
      { actor: null, action: 'login.failed', target: email, details: { ip: '192.0.2.7' } },
      at,
    );
    await store.audit.record(
      { actor: marie.id, action: 'structure.update', target: s1, details: { email } },
      at,
    );

    const copy = await exportPerson(deps, { email: email.toUpperCase(), actor: admin.id });
    assert.equal(copy.account?.id, marie.id);
    assert.equal(copy.account?.name, 'Marie Dupont');
    assert.deepEqual(
      copy.account?.territories.map((x) => x.id),
      [t],
    );
    assert.equal(copy.account?.sessions.length, 1);
    assert.equal(copy.account?.passwordResets.length, 1);
    assert.deepEqual(copy.structureContacts, [
      { structureId: s1, structure: `Centre ${s1}`, attributes: { email: email.toUpperCase() } },
    ]);
    assert.deepEqual(copy.directoryContacts, [{ structureId: s1, email }]);
    assert.deepEqual(copy.invitations, [{ campaignId: c.id, structureId: s1, email }]);
    assert.equal(copy.mailLog.length, 1);
    assert.equal(copy.householdContacts.length, 1);
    assert.deepEqual(copy.outboxFiles, [file]);
    assert.deepEqual(copy.audit.map((a) => a.action).sort(), [
      'login',
      'login.failed',
      'structure.update',
      'user.create',
    ]);
    assert.equal(copy.auditTruncated, false);
    assert.equal((await store.audit.list({ action: 'privacy.export', actor: admin.id })).length, 1);

    // Refused: a wrong confirmation, one's own account, the last administrator. Nothing changes.
    await assert.rejects(
      erasePerson(deps, { email, confirm: 'marie@exemple.fr', actor: admin.id }),
      (e: unknown) => e instanceof PanoramaError && e.code === 'privacy_erase_confirm',
    );
    await assert.rejects(
      erasePerson(deps, { email, confirm: email, actor: marie.id }),
      (e: unknown) => e instanceof PanoramaError && e.code === 'privacy_erase_self',
    );
    assert.equal((await store.users.get(marie.id))!.email, email);

    const erased = await erasePerson(deps, { email, confirm: ` ${email.toUpperCase()} `, actor: admin.id });
    assert.deepEqual(erased.counts, {
      account: 1,
      sessions: 1,
      passwordResets: 1,
      structures: 1,
      places: 1,
      invitations: 1,
      mailLog: 1,
      households: 1,
      auditEntries: 5,
      outboxFiles: 1,
    });
    // The address and the name appear nowhere in the database any more.
    assert.deepEqual(await rowsContaining(store, email), []);
    assert.deepEqual(await rowsContaining(store, 'Marie Dupont'), []);
    assert.equal(existsSync(join(outboxDir, file)), false);
    assert.equal(existsSync(join(outboxDir, otherFile)), true);
    // The account is anonymised, cannot sign in, and keeps no territory or session.
    const account = (await store.users.get(marie.id))!;
    assert.equal(account.name, 'Compte effacé');
    assert.equal(account.disabled, true);
    assert.deepEqual(account.territoryIds, []);
    assert.equal(await store.users.findByEmail(email), undefined);
    // The audit log keeps every action, the person replaced by the pseudonym.
    const byPseudonym = await store.audit.list({ actor: erased.pseudonym });
    assert.deepEqual(byPseudonym.map((a) => a.action).sort(), ['login', 'structure.update']);
    assert.deepEqual(byPseudonym.find((a) => a.action === 'structure.update')!.details, {
      email: erased.pseudonym,
    });
    // user.create, login, login.failed, privacy.export, and the erasure itself.
    assert.equal((await store.audit.list({ target: erased.pseudonym })).length, 5);
    const erasure = await store.audit.list({ action: 'privacy.erase', actor: admin.id });
    assert.equal(erasure.length, 1);
    assert.equal(erasure[0]!.target, erased.pseudonym);
    // Other people's data is untouched.
    assert.deepEqual((await store.structures.get(s2))!.attributes, { email: 'accueil@autre.fr' });
    assert.equal((await store.structures.get(s1))!.attributes.public, 'seniors');
    // Nothing is held any more: a second export says so.
    await assert.rejects(
      exportPerson(deps, { email, actor: admin.id }),
      (e: unknown) => e instanceof PanoramaError && e.code === 'privacy_nothing_held' && e.status === 404,
    );

    // The last active administrator cannot be erased.
    await store.users.update(admin.id, { disabled: true });
    await assert.rejects(
      erasePerson(deps, { email: other.email, confirm: other.email, actor: admin.id }),
      (e: unknown) => e instanceof PanoramaError && e.code === 'privacy_erase_last_admin',
    );
    await store.users.update(admin.id, { disabled: false });
  });
}
