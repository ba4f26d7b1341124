/**
 * One person's rows, found by e-mail address (export), and their erasure: the account anonymised,
 * contacts blanked, the person replaced by a pseudonym in the audit log. One transaction.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../types.js';
import { fromDbBool, inTransaction, parseJson } from './common.js';
import type { ErasureCounts, PersonRecords } from './privacy.js';
import { anonymiseAccounts, count, lowerLike, scrub, withoutContacts } from './privacy-purge.js';

export async function findPerson(
  db: Kysely<Database>,
  rawEmail: string,
  auditLimit: number,
): Promise<PersonRecords> {
  const email = rawEmail.trim().toLowerCase();
  const user = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  let account: PersonRecords['account'];
  if (user) {
    const territories = await db
      .selectFrom('user_territories')
      .select('territory_id')
      .where('user_id', '=', user.id)
      .execute();
    const sessions = await db
      .selectFrom('sessions')
      .select(['created_at', 'expires_at', 'last_seen_at'])
      .where('user_id', '=', user.id)
      .execute();
    const resets = await db
      .selectFrom('password_resets')
      .select(['created_at', 'expires_at', 'used_at'])
      .where('user_id', '=', user.id)
      .execute();
    account = {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      disabled: fromDbBool(user.disabled),
      createdAt: user.created_at,
      territoryIds: territories.map((t) => t.territory_id),
      sessions: sessions.map((s) => ({
        createdAt: s.created_at,
        expiresAt: s.expires_at,
        lastSeenAt: s.last_seen_at,
      })),
      passwordResets: resets.map((r) => ({
        createdAt: r.created_at,
        expiresAt: r.expires_at,
        usedAt: r.used_at,
      })),
    };
  }
  const structures = (
    await db
      .selectFrom('structures')
      .select(['id', 'name', 'attributes'])
      .where(lowerLike('attributes', email))
      .execute()
  )
    .map((s) => {
      const all = parseJson<Record<string, string>>(s.attributes);
      const attributes = Object.fromEntries(
        Object.entries(all).filter(([, v]) => v.toLowerCase().includes(email)),
      );
      return { id: s.id, name: s.name, attributes };
    })
    .filter((s) => Object.keys(s.attributes).length > 0);
  const places = await db
    .selectFrom('solidarity_places')
    .select(['structure_id', 'email', 'phone'])
    .where(sql<boolean>`lower(email) = ${email}`)
    .execute();
  const invitations = await db
    .selectFrom('invitations')
    .select(['id', 'campaign_id', 'structure_id', 'email'])
    .where(sql<boolean>`lower(email) = ${email}`)
    .execute();
  const mailLog = await db
    .selectFrom('mail_log')
    .select(['id', 'campaign_id', 'structure_id', 'kind', 'subject', 'status', 'at'])
    .where(sql<boolean>`lower(recipient) = ${email}`)
    .orderBy('at')
    .execute();
  const households = await db
    .selectFrom('solidarity_households')
    .select(['id', 'programme_id', 'structure_id', 'code', 'contact'])
    .where(lowerLike('contact', email))
    .execute();
  const audit = await db
    .selectFrom('audit_log')
    .selectAll()
    .where((eb) =>
      eb.or([
        ...(user ? [eb('actor', '=', user.id), eb('target', '=', user.id)] : []),
        eb(sql`lower(target)`, '=', email),
        lowerLike('details', email),
      ]),
    )
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(auditLimit)
    .execute();
  return {
    account,
    structures,
    places: places.map((p) => ({ structureId: p.structure_id, email: p.email, phone: p.phone })),
    invitations: invitations.map((i) => ({
      id: i.id,
      campaignId: i.campaign_id,
      structureId: i.structure_id,
      email: i.email ?? '',
    })),
    mailLog: mailLog.map((m) => ({
      id: m.id,
      campaignId: m.campaign_id,
      structureId: m.structure_id,
      kind: m.kind,
      subject: m.subject,
      status: m.status,
      at: m.at,
    })),
    households: households.map((h) => ({
      id: h.id,
      programmeId: h.programme_id,
      structureId: h.structure_id,
      code: h.code,
      contact: h.contact ?? '',
    })),
    audit: audit.map((a) => ({ ...a, details: parseJson<unknown>(a.details) })),
  };
}

export async function erasePerson(
  db: Kysely<Database>,
  rawEmail: string,
  { pseudonym, now }: { pseudonym: string; now: string },
): Promise<ErasureCounts> {
  const email = rawEmail.trim().toLowerCase();
  return inTransaction(db, async (trx) => {
    const out: ErasureCounts = {
      account: 0,
      sessions: 0,
      passwordResets: 0,
      structures: 0,
      places: 0,
      invitations: 0,
      mailLog: 0,
      households: 0,
      auditEntries: 0,
    };
    const user = await trx
      .selectFrom('users')
      .select(['id', 'name'])
      .where('email', '=', email)
      .executeTakeFirst();
    const texts = [email, ...(user && user.name.trim().length > 2 ? [user.name.trim()] : [])];
    if (user) {
      out.sessions = await count(
        trx
          .selectFrom('sessions')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('user_id', '=', user.id)
          .executeTakeFirst(),
      );
      out.passwordResets = await count(
        trx
          .selectFrom('password_resets')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('user_id', '=', user.id)
          .executeTakeFirst(),
      );
      await anonymiseAccounts(trx, [user.id]);
      out.account = 1;
    }
    for (const s of await trx
      .selectFrom('structures')
      .select(['id', 'attributes'])
      .where(lowerLike('attributes', email))
      .execute()) {
      const attributes = parseJson<Record<string, string>>(s.attributes);
      const kept = withoutContacts(attributes, email);
      if (Object.keys(kept).length === Object.keys(attributes).length) continue;
      await trx
        .updateTable('structures')
        .set({ attributes: JSON.stringify(kept), updated_at: now })
        .where('id', '=', s.id)
        .execute();
      out.structures++;
    }
    out.places = Number(
      (
        await trx
          .updateTable('solidarity_places')
          .set({ email: null, updated_at: now })
          .where(sql<boolean>`lower(email) = ${email}`)
          .executeTakeFirst()
      ).numUpdatedRows,
    );
    out.invitations = Number(
      (
        await trx
          .updateTable('invitations')
          .set({ email: null })
          .where(sql<boolean>`lower(email) = ${email}`)
          .executeTakeFirst()
      ).numUpdatedRows,
    );
    out.mailLog = Number(
      (
        await trx
          .updateTable('mail_log')
          .set({ recipient: '' })
          .where(sql<boolean>`lower(recipient) = ${email}`)
          .executeTakeFirst()
      ).numUpdatedRows,
    );
    out.households = Number(
      (
        await trx
          .updateTable('solidarity_households')
          .set({ contact: null })
          .where(lowerLike('contact', email))
          .executeTakeFirst()
      ).numUpdatedRows,
    );
    // The audit trail keeps every action and date; the person becomes a pseudonym in it.
    let after = '';
    for (;;) {
      const rows = await trx
        .selectFrom('audit_log')
        .selectAll()
        .where('id', '>', after)
        .where((eb) =>
          eb.or([
            ...(user ? [eb('actor', '=', user.id), eb('target', '=', user.id)] : []),
            eb(sql`lower(target)`, '=', email),
            lowerLike('details', email),
          ]),
        )
        .orderBy('id')
        .limit(500)
        .execute();
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!.id;
      for (const row of rows) {
        const isUser = (v: string | null) =>
          v !== null && ((user && v === user.id) || v.toLowerCase() === email);
        const details = scrub(parseJson<unknown>(row.details), texts, pseudonym);
        await trx
          .updateTable('audit_log')
          .set({
            actor: isUser(row.actor) ? pseudonym : row.actor,
            target: isUser(row.target) ? pseudonym : row.target,
            details: JSON.stringify(details),
          })
          .where('id', '=', row.id)
          .execute();
      }
      out.auditEntries += rows.length;
    }
    return out;
  });
}
