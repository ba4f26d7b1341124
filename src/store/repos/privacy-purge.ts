/**
 * The retention purge's queries (src/app/privacy/retention.ts): what is older than each
 * category's cut-off is counted, or erased and anonymised in one transaction.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../types.js';
import { chunk, inTransaction, likePattern, parseJson } from './common.js';
import type { PurgeCounts, PurgeCutoffs } from './privacy.js';

export const CONNECTION_ACTIONS = ['login', 'login.failed', 'login.disabled', 'logout'];
/** Registry attributes that name a person or reach one (the rest describe the structure). */
const CONTACT_KEY =
  /mail|t[ée]l[ée]?phone|phone|portable|contact|directeur|directrice|direction|responsable|referent|référent/i;
export const ERASED_NAME = 'Compte effacé';
const erasedEmail = (id: string): string => `efface-${id}@panorama.invalid`;

export const lowerLike = (column: string, text: string) =>
  sql<boolean>`lower(${sql.ref(column)}) like ${likePattern(text)} escape '\\'`;

/** Anonymises accounts: name, address and password replaced, territories, sessions and links removed. */
export async function anonymiseAccounts(db: Kysely<Database>, ids: readonly string[]): Promise<void> {
  for (const part of chunk(ids)) {
    for (const id of part) {
      await db
        .updateTable('users')
        .set({
          email: erasedEmail(id),
          name: ERASED_NAME,
          password_hash: 'erased',
          disabled: 1,
          must_change_password: 0,
        })
        .where('id', '=', id)
        .execute();
    }
    await db.deleteFrom('user_territories').where('user_id', 'in', part).execute();
    await db.deleteFrom('sessions').where('user_id', 'in', part).execute();
    await db.deleteFrom('password_resets').where('user_id', 'in', part).execute();
  }
}

/** The registry attributes without the contact ones (by key, or by value for the given address). */
export function withoutContacts(attributes: Record<string, string>, email?: string): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(attributes)) {
    const contact = email
      ? value.toLowerCase().includes(email)
      : CONTACT_KEY.test(key) || value.includes('@');
    if (!contact) kept[key] = value;
  }
  return kept;
}

/** Replaces, in any string of a JSON value, every occurrence of the given texts. */
export function scrub(value: unknown, texts: readonly string[], by: string): unknown {
  if (typeof value === 'string') {
    let out = value;
    for (const text of texts)
      out = out.replace(new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), by);
    return out;
  }
  if (Array.isArray(value)) return value.map((v) => scrub(v, texts, by));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, texts, by)]));
  return value;
}

export const count = async (query: Promise<{ n: unknown } | undefined>): Promise<number> =>
  Number((await query)?.n ?? 0);

export async function purgeRows(
  db: Kysely<Database>,
  cutoffs: PurgeCutoffs,
  { dryRun, now }: { dryRun: boolean; now: string },
): Promise<Omit<PurgeCounts, 'householdContacts'>> {
  return inTransaction(db, async (trx) => {
    const out = {
      accounts: 0,
      structureContacts: 0,
      invitationAddresses: 0,
      mailLog: 0,
      auditTraces: 0,
      sessions: 0,
      passwordResets: 0,
    };
    if (cutoffs.accounts) {
      const limit = cutoffs.accounts;
      const rows = await trx
        .selectFrom('users')
        .select('id')
        .where('disabled', '=', 1)
        .where('name', '!=', ERASED_NAME)
        .where('created_at', '<', limit)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('audit_log')
                .select('id')
                .whereRef('audit_log.actor', '=', 'users.id')
                .where('at', '>=', limit),
            ),
          ),
        )
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('sessions')
                .select('id')
                .whereRef('sessions.user_id', '=', 'users.id')
                .where('last_seen_at', '>=', limit),
            ),
          ),
        )
        .execute();
      out.accounts = rows.length;
      if (!dryRun)
        await anonymiseAccounts(
          trx,
          rows.map((r) => r.id),
        );
    }
    if (cutoffs.structureContacts) {
      const rows = await trx
        .selectFrom('structures')
        .select(['id', 'attributes'])
        .where('archived_at', 'is not', null)
        .where('archived_at', '<', cutoffs.structureContacts)
        .execute();
      for (const row of rows) {
        const attributes = parseJson<Record<string, string>>(row.attributes);
        const kept = withoutContacts(attributes);
        const place = await trx
          .selectFrom('solidarity_places')
          .select('structure_id')
          .where('structure_id', '=', row.id)
          .where((eb) => eb.or([eb('email', 'is not', null), eb('phone', 'is not', null)]))
          .executeTakeFirst();
        const invitations = await count(
          trx
            .selectFrom('invitations')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('structure_id', '=', row.id)
            .where('email', 'is not', null)
            .executeTakeFirst(),
        );
        const changed =
          Object.keys(kept).length !== Object.keys(attributes).length ||
          place !== undefined ||
          invitations > 0;
        if (!changed) continue;
        out.structureContacts++;
        if (dryRun) continue;
        await trx
          .updateTable('structures')
          .set({ attributes: JSON.stringify(kept), updated_at: now })
          .where('id', '=', row.id)
          .execute();
        await trx
          .updateTable('solidarity_places')
          .set({ email: null, phone: null, updated_at: now })
          .where('structure_id', '=', row.id)
          .execute();
        await trx
          .updateTable('invitations')
          .set({ email: null })
          .where('structure_id', '=', row.id)
          .execute();
      }
    }
    if (cutoffs.mail) {
      const limit = cutoffs.mail;
      const logs = trx.selectFrom('mail_log').where('at', '<', limit).where('recipient', '!=', '');
      out.mailLog = await count(logs.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst());
      const closed = trx
        .selectFrom('campaigns')
        .select('id')
        .where('closes_at', 'is not', null)
        .where('closes_at', '<', limit);
      const invitations = trx
        .selectFrom('invitations')
        .where('email', 'is not', null)
        .where('campaign_id', 'in', closed);
      out.invitationAddresses = await count(
        invitations.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst(),
      );
      if (!dryRun) {
        await trx
          .updateTable('mail_log')
          .set({ recipient: '' })
          .where('at', '<', limit)
          .where('recipient', '!=', '')
          .execute();
        await trx
          .updateTable('invitations')
          .set({ email: null })
          .where('email', 'is not', null)
          .where('campaign_id', 'in', closed)
          .execute();
      }
    }
    if (cutoffs.audit) {
      const traces = trx
        .selectFrom('audit_log')
        .where('at', '<', cutoffs.audit)
        .where('action', 'in', CONNECTION_ACTIONS);
      out.auditTraces = await count(traces.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst());
      if (!dryRun)
        await trx
          .deleteFrom('audit_log')
          .where('at', '<', cutoffs.audit)
          .where('action', 'in', CONNECTION_ACTIONS)
          .execute();
    }
    if (cutoffs.sessions) {
      const limit = cutoffs.sessions;
      out.sessions = await count(
        trx
          .selectFrom('sessions')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('expires_at', '<', limit)
          .executeTakeFirst(),
      );
      out.passwordResets = await count(
        trx
          .selectFrom('password_resets')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('expires_at', '<', limit)
          .executeTakeFirst(),
      );
      if (!dryRun) {
        await trx.deleteFrom('sessions').where('expires_at', '<', limit).execute();
        await trx.deleteFrom('password_resets').where('expires_at', '<', limit).execute();
      }
    }
    return out;
  });
}

export async function countExpiredHouseholdContacts(db: Kysely<Database>, now: string): Promise<number> {
  const programmes = await db
    .selectFrom('solidarity_programmes')
    .select(['id', 'retention_days'])
    .where('retention_days', 'is not', null)
    .execute();
  let n = 0;
  for (const p of programmes) {
    const limit = new Date(Date.parse(now) - Number(p.retention_days) * 86_400_000).toISOString();
    n += await count(
      db
        .selectFrom('solidarity_households')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('programme_id', '=', p.id)
        .where('contact', 'is not', null)
        .where('created_at', '<', limit)
        .executeTakeFirst(),
    );
  }
  return n;
}

export async function countHeld(db: Kysely<Database>): Promise<Record<string, number>> {
  const n = (table: Promise<{ n: unknown } | undefined>) => count(table);
  return {
    accounts: await n(
      db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('name', '!=', ERASED_NAME)
        .executeTakeFirst(),
    ),
    structureContacts: await n(
      db
        .selectFrom('structures')
        .select((eb) => eb.fn.countAll().as('n'))
        .where(sql<boolean>`attributes like ${'%@%'}`)
        .executeTakeFirst(),
    ),
    mail: await n(
      db
        .selectFrom('mail_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('recipient', '!=', '')
        .executeTakeFirst(),
    ),
    households: await n(
      db
        .selectFrom('solidarity_households')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('contact', 'is not', null)
        .executeTakeFirst(),
    ),
    audit: await n(
      db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst(),
    ),
    sessions: await n(
      db
        .selectFrom('sessions')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst(),
    ),
  };
}
