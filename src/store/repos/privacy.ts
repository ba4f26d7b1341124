/**
 * Personal data (src/app/privacy): retention settings, the purge of expired personal data, and
 * the rows held about one e-mail address (export, erasure). Every query is bounded: purges work
 * through indexed cut-off dates, a person's rows through their e-mail address.
 */
import type { AuditEntry } from '../api-accounts.js';
import type { RepoContext } from './common.js';
import { inTransaction } from './common.js';
import { auditPage, type AuditPage, type AuditPageFilter } from './privacy-audit.js';
import { countExpiredHouseholdContacts, countHeld, purgeRows } from './privacy-purge.js';
import { erasePerson, findPerson } from './privacy-person.js';

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

export { CONNECTION_ACTIONS } from './privacy-purge.js';

export function privacyRepository({ db }: RepoContext): PrivacyRepository {
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

    purge: (cutoffs, options) => purgeRows(db, cutoffs, options),
    countExpiredHouseholdContacts: (now) => countExpiredHouseholdContacts(db, now),
    countHeld: () => countHeld(db),
    findPerson: (email, auditLimit) => findPerson(db, email, auditLimit),
    erasePerson: (email, options) => erasePerson(db, email, options),
    auditPage: (filter) => auditPage(db, filter),
  };
}
