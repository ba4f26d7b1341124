/**
 * Personal data (src/app/privacy): retention settings, the purge of expired personal data, and
 * the rows held about one e-mail address (export, erasure). Every query is bounded: purges work
 * through indexed cut-off dates, a person's rows through their e-mail address.
 */
import { sql, type Kysely } from 'kysely';
import type { AuditEntry } from '../api-accounts.js';
import type { Database } from '../types.js';
import type { RepoContext } from './common.js';
import { chunk, fromDbBool, inTransaction, likePattern, parseJson } from './common.js';
import { auditPage, type AuditPage, type AuditPageFilter } from './privacy-audit.js';

export type { AuditPage, AuditPageFilter, AuditPageEntry } from './privacy-audit.js';

export interface PrivacyRetentionTable {
  category: string;
  days: number;
  updated_at: string;
  updated_by: string | null;
}

declare module '../types.js' {
  interface Database {
    privacy_retention: PrivacyRetentionTable;
  }
}

/** The cut-off instants of one purge (rows older than a cut-off are expired); absent = not purged. */
export interface PurgeCutoffs {
  /** Disabled accounts with no activity since. */
  accounts?: string;
  /** Contacts of structures archived before. */
  structureContacts?: string;
  /** Mail log recipients written before, invitation addresses of campaigns closed before. */
  mail?: string;
  /** Connection traces (sign-ins, failures with the typed address and IP) recorded before. */
  audit?: string;
  /** Sessions and reset links expired before. */
  sessions?: string;
}

export interface PurgeCounts {
  accounts: number;
  structureContacts: number;
  invitationAddresses: number;
  mailLog: number;
  householdContacts: number;
  auditTraces: number;
  sessions: number;
  passwordResets: number;
}

/** Everything the database holds about one e-mail address. */
export interface PersonRecords {
  account:
    | {
        id: string;
        email: string;
        name: string;
        role: string;
        disabled: boolean;
        createdAt: string;
        territoryIds: string[];
        sessions: { createdAt: string; expiresAt: string; lastSeenAt: string }[];
        passwordResets: { createdAt: string; expiresAt: string; usedAt: string | null }[];
      }
    | undefined;
  structures: { id: string; name: string; attributes: Record<string, string> }[];
  places: { structureId: string; email: string | null; phone: string | null }[];
  invitations: { id: string; campaignId: string; structureId: string | null; email: string }[];
  mailLog: {
    id: string;
    campaignId: string;
    structureId: string;
    kind: string;
    subject: string;
    status: string;
    at: string;
  }[];
  households: { id: string; programmeId: string; structureId: string; code: string; contact: string }[];
  audit: AuditEntry[];
}

export interface ErasureCounts {
  account: number;
  sessions: number;
  passwordResets: number;
  structures: number;
  places: number;
  invitations: number;
  mailLog: number;
  households: number;
  auditEntries: number;
}

export interface PrivacyRepository {
  retention(): Promise<{ category: string; days: number; updatedAt: string; updatedBy: string | null }[]>;
  setRetention(
    rows: readonly { category: string; days: number }[],
    actor: string,
    now: string,
  ): Promise<void>;
  /** Counts (dryRun) or erases what is older than the cut-offs; household contacts are the solidarity repository's. */
  purge(
    cutoffs: PurgeCutoffs,
    options: { dryRun: boolean; now: string },
  ): Promise<Omit<PurgeCounts, 'householdContacts'>>;
  /** Household contacts past their programme's retention (what solidarity.purgeContacts erases). */
  countExpiredHouseholdContacts(now: string): Promise<number>;
  /** How many rows hold personal data now, per category. */
  countHeld(): Promise<Record<string, number>>;
  /** At most `auditLimit` audit entries, newest first. */
  findPerson(email: string, auditLimit: number): Promise<PersonRecords>;
  /** Erases or pseudonymises everything `findPerson` finds, in one transaction. */
  erasePerson(email: string, options: { pseudonym: string; now: string }): Promise<ErasureCounts>;
  auditPage(filter: AuditPageFilter): Promise<AuditPage>;
}

declare module '../api.js' {
  interface Repositories {
    privacy: PrivacyRepository;
  }
}

/** Sign-in traces: the IP and, for failures, the address typed. */
export const CONNECTION_ACTIONS = ['login', 'login.failed', 'login.disabled', 'logout'];
/** Registry attributes that name a person or reach one (the rest describe the structure). */
const CONTACT_KEY =
  /mail|t[ée]l[ée]?phone|phone|portable|contact|directeur|directrice|direction|responsable|referent|référent/i;
const ERASED_NAME = 'Compte effacé';
const erasedEmail = (id: string): string => `efface-${id}@panorama.invalid`;

const lowerLike = (column: string, text: string) =>
  sql<boolean>`lower(${sql.ref(column)}) like ${likePattern(text)} escape '\\'`;

async function anonymiseAccounts(db: Kysely<Database>, ids: readonly string[], now: string): Promise<void> {
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
  void now;
}

/** The registry attributes without the contact ones (by key, or by value for the given address). */
function withoutContacts(attributes: Record<string, string>, email?: string): Record<string, string> {
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
function scrub(value: unknown, texts: readonly string[], by: string): unknown {
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

export function privacyRepository({ db }: RepoContext): PrivacyRepository {
  const count = async (query: Promise<{ n: unknown } | undefined>): Promise<number> =>
    Number((await query)?.n ?? 0);

  return {
    async retention() {
      const rows = await db.selectFrom('privacy_retention').selectAll().orderBy('category').execute();
      return rows.map((r) => ({
        category: r.category,
        days: Number(r.days),
        updatedAt: r.updated_at,
        updatedBy: r.updated_by,
      }));
    },

    async setRetention(rows, actor, now) {
      await inTransaction(db, async (trx) => {
        for (const row of rows) {
          await trx
            .insertInto('privacy_retention')
            .values({ category: row.category, days: row.days, updated_at: now, updated_by: actor })
            .onConflict((oc) =>
              oc.column('category').doUpdateSet({ days: row.days, updated_at: now, updated_by: actor }),
            )
            .execute();
        }
      });
    },

    async purge(cutoffs, { dryRun, now }) {
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
              now,
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
    },

    async countExpiredHouseholdContacts(now) {
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
    },

    async countHeld() {
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
    },

    async findPerson(rawEmail, auditLimit) {
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
    },

    async erasePerson(rawEmail, { pseudonym, now }) {
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
          await anonymiseAccounts(trx, [user.id], now);
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
    },

    auditPage: (filter) => auditPage(db, filter),
  };
}
