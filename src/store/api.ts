/**
 * The storage API the rest of Panorama codes against: plain JS values (booleans, parsed JSON,
 * ISO strings), identical on SQLite and PostgreSQL.
 *
 * Every timestamp is a UTC ISO-8601 string (`new Date().toISOString()`); methods that depend on
 * the current time take an optional `now` so tests can control it.
 */
import type {
  AuditRepository,
  PasswordResetRepository,
  SessionRepository,
  SettingsRepository,
  UserRepository,
} from './api-accounts.js';
import type {
  CampaignRepository,
  InvitationRepository,
  ResponseRepository,
  SurveyRepository,
} from './api-campaigns.js';
import type { StructureRepository, TerritoryRepository } from './api-registry.js';
import type { PublicationRepository } from './api-publications.js';

export type * from './api-accounts.js';
export type * from './api-campaigns.js';
export type * from './api-registry.js';
export type * from './api-publications.js';

export type Dialect = 'sqlite' | 'postgres';

// ---------------------------------------------------------------------------------------------
// The store

export interface Repositories {
  territories: TerritoryRepository;
  structures: StructureRepository;
  users: UserRepository;
  sessions: SessionRepository;
  passwordResets: PasswordResetRepository;
  surveys: SurveyRepository;
  campaigns: CampaignRepository;
  invitations: InvitationRepository;
  responses: ResponseRepository;
  audit: AuditRepository;
  settings: SettingsRepository;
  publications: PublicationRepository;
}

export interface Store extends Repositories {
  dialect: Dialect;
  /** A trivial query (`SELECT 1`): rejects when the database does not answer. */
  ping(): Promise<void>;
  /** Applies pending migrations (idempotent; safe to call at every start). */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /**
   * Runs fn in one database transaction; the repositories it receives write inside it, and
   * everything is rolled back if fn throws. Inside fn use ONLY the given repositories: on SQLite
   * the transaction holds the single connection, so a call to `store.*` (or a nested
   * `store.transaction`) would wait for it forever.
   */
  transaction<T>(fn: (repos: Repositories) => Promise<T>): Promise<T>;
  /**
   * Options with which another thread (a render worker) opens its own read-only store on the same
   * data, so that a long read (a report of thousands of responses) runs off this event loop.
   */
  readerOptions?(): StoreOptions;
}

export interface StoreOptions {
  /** postgres:// or postgresql:// URL; absent = embedded SQLite. */
  databaseUrl?: string;
  /** Directory of the SQLite file (default ./data); created when missing. */
  dataDir?: string;
  /**
   * Read-only connection (a reader in another thread): SQLite opens the existing file read-only,
   * PostgreSQL sessions refuse writes and the pool is small. `migrate` must not be called.
   */
  readOnly?: boolean;
}
