/**
 * The storage API the rest of Panorama codes against: plain JS values (booleans, parsed JSON,
 * ISO strings), identical on SQLite and PostgreSQL.
 *
 * Every timestamp is a UTC ISO-8601 string (`new Date().toISOString()`); methods that depend on
 * the current time take an optional `now` so tests can control it.
 */
import type { Kysely } from 'kysely';
import type { ResponseRecord } from '../survey/records.js';
import type { Registry } from '../survey/records.js';
import type { Database } from './types.js';

export type Dialect = 'sqlite' | 'postgres';

// ---------------------------------------------------------------------------------------------
// Territories

export interface Territory {
  id: string;
  name: string;
  /** 'region' | 'departement' | 'territoire' or any free text. */
  level: string;
  code: string | null;
  parentId: string | null;
}

export interface TerritoryInput {
  /** Generated (UUID) when absent. */
  id?: string;
  name: string;
  level: string;
  code?: string | null;
  parentId?: string | null;
}

export interface TerritoryRepository {
  /** Throws StoreNotFoundError when parentId does not exist, StoreConflictError when id is taken. */
  create(input: TerritoryInput): Promise<Territory>;
  get(id: string): Promise<Territory | undefined>;
  /** Every territory, ordered by level then name. */
  list(): Promise<Territory[]>;
  /** Throws StoreValidationError when the new parent would create a cycle. */
  update(id: string, patch: Partial<Omit<TerritoryInput, 'id'>>): Promise<Territory>;
  /** Fails (StoreConflictError) while structures, children or users still reference it. */
  delete(id: string): Promise<void>;
  /** The given ids plus all their descendants, at any depth (recursive CTE). Unknown ids are dropped. */
  descendantIds(ids: readonly string[]): Promise<string[]>;
  /** The chain from the territory up to its root: [self, parent, grand-parent, …]. */
  ancestors(id: string): Promise<Territory[]>;
}

// ---------------------------------------------------------------------------------------------
// Structures

export type StructureType = 'CS' | 'EVS';

export interface StoredStructure {
  id: string;
  name: string;
  type: StructureType | null;
  address: string | null;
  communeCode: string | null;
  territoryId: string | null;
  qpv: boolean | null;
  managerType: string | null;
  /** Free extra attributes from the registry. */
  attributes: Record<string, string>;
  createdAt: string;
  updatedAt: string;
}

export interface StructureInput {
  id: string;
  name: string;
  type?: StructureType | null;
  address?: string | null;
  communeCode?: string | null;
  territoryId?: string | null;
  qpv?: boolean | null;
  managerType?: string | null;
  attributes?: Record<string, string>;
}

export interface StructureListOptions {
  /** Restrict to structures in these territories or any of their descendants. */
  territoryIds?: readonly string[];
  /** Restrict to these structure ids. */
  ids?: readonly string[];
  /** Case-insensitive substring of id, name or commune code. */
  search?: string;
}

/** Which structures a campaign targets. Empty object = every structure. Stored as JSON. */
export interface PopulationFilter {
  /** Structures in these territories (descendants included). */
  territoryIds?: string[];
  types?: StructureType[];
  qpv?: boolean;
  /** Free attribute name → accepted values. */
  attributes?: Record<string, string[]>;
}

export interface StructureRepository {
  /**
   * Inserts or replaces (by id) every row in ONE transaction: if any row is invalid (bad type,
   * unknown territory …) nothing is written and the error names the row (index and id).
   * `createdAt` of existing rows is kept.
   */
  upsertMany(rows: readonly StructureInput[], now?: string): Promise<{ created: number; updated: number }>;
  get(id: string): Promise<StoredStructure | undefined>;
  /** Ordered by name then id. */
  list(options?: StructureListOptions): Promise<StoredStructure[]>;
  /** Throws StoreNotFoundError for an unknown id. */
  update(id: string, patch: Partial<Omit<StructureInput, 'id'>>, now?: string): Promise<StoredStructure>;
  delete(id: string): Promise<void>;
  /** Ids of the structures matching a campaign population filter (sorted). */
  matchPopulation(filter: PopulationFilter): Promise<string[]>;
  /**
   * The registry as the statistics engine expects it. Attributes: type, qpv ('oui'/'non'),
   * manager_type, commune_code, one column per territory level found in the hierarchy
   * (e.g. region, departement, territoire = territory names along the ancestor chain), then
   * every free attribute.
   */
  registry(options?: StructureListOptions): Promise<Registry>;
}

// ---------------------------------------------------------------------------------------------
// Users and sessions

export type UserRole = 'admin' | 'correspondent' | 'viewer';

export interface User {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  disabled: boolean;
  createdAt: string;
  /** Territories a correspondent may see (descendants implied). */
  territoryIds: string[];
}

export interface UserWithSecret extends User {
  passwordHash: string;
}

export interface UserInput {
  email: string;
  name: string;
  passwordHash: string;
  role: UserRole;
  territoryIds?: string[];
}

export interface UserRepository {
  /** Throws StoreConflictError (field 'email') when the e-mail exists, whatever its case. */
  create(input: UserInput, now?: string): Promise<User>;
  get(id: string): Promise<User | undefined>;
  /** Case-insensitive; includes the password hash, for login only. */
  findByEmail(email: string): Promise<UserWithSecret | undefined>;
  list(): Promise<User[]>;
  count(): Promise<number>;
  update(
    id: string,
    patch: Partial<Pick<UserInput, 'email' | 'name' | 'passwordHash' | 'role' | 'territoryIds'>> & {
      disabled?: boolean;
    },
  ): Promise<User>;
}

export interface Session {
  /** sha256 hex of the cookie token. */
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
}

export interface SessionRepository {
  /** Generates the cookie token (32 random bytes, base64url) and a CSRF token; stores only the hash. */
  create(userId: string, expiresAt: string, now?: string): Promise<{ token: string; session: Session }>;
  /**
   * The live session and its user for a cookie token; undefined when unknown, expired (the row
   * is then deleted) or the user is disabled.
   */
  findByToken(token: string, now?: string): Promise<{ session: Session; user: User } | undefined>;
  /** Records activity and optionally slides the expiry. */
  touch(token: string, lastSeenAt: string, expiresAt?: string): Promise<void>;
  delete(token: string): Promise<void>;
  deleteForUser(userId: string): Promise<number>;
  /** Removes expired sessions; returns how many. */
  purgeExpired(now?: string): Promise<number>;
}

// ---------------------------------------------------------------------------------------------
// Surveys

export interface Survey {
  id: string;
  title: string;
  createdAt: string;
  /** Highest version number. */
  latestVersion: number;
  latestVersionId: string;
}

export interface SurveyVersion {
  id: string;
  surveyId: string;
  version: number;
  /** Parsed SurveyJS JSON. Frozen: versions are never updated. */
  definition: unknown;
  createdAt: string;
}

export interface SurveyRepository {
  /** Creates the survey and its version 1. */
  create(
    input: { title: string; definition: unknown; id?: string },
    now?: string,
  ): Promise<{ survey: Survey; version: SurveyVersion }>;
  /** Appends version max+1; earlier versions (and campaigns using them) are untouched. */
  addVersion(surveyId: string, definition: unknown, now?: string): Promise<SurveyVersion>;
  get(id: string): Promise<Survey | undefined>;
  list(): Promise<Survey[]>;
  rename(id: string, title: string): Promise<void>;
  getVersion(versionId: string): Promise<SurveyVersion | undefined>;
  listVersions(surveyId: string): Promise<SurveyVersion[]>;
}

// ---------------------------------------------------------------------------------------------
// Campaigns and invitations

export interface Campaign {
  id: string;
  name: string;
  surveyVersionId: string;
  /** UTC ISO instant (the UI converts from/to Europe/Paris). */
  opensAt: string;
  closesAt: string | null;
  population: PopulationFilter;
  /** Token of the anonymous public link, when enabled. */
  publicToken: string | null;
  createdAt: string;
  createdBy: string | null;
}

export interface CampaignInput {
  id?: string;
  name: string;
  surveyVersionId: string;
  opensAt: string;
  closesAt?: string | null;
  population?: PopulationFilter;
  /** true = generate a public token now. */
  publicLink?: boolean;
  createdBy?: string | null;
}

export interface CampaignRepository {
  create(input: CampaignInput, now?: string): Promise<Campaign>;
  get(id: string): Promise<Campaign | undefined>;
  /** Newest first. */
  list(): Promise<Campaign[]>;
  update(
    id: string,
    patch: Partial<Pick<CampaignInput, 'name' | 'opensAt' | 'closesAt' | 'population'>>,
  ): Promise<Campaign>;
  /** Enables (new random token) or disables the anonymous link; returns the token or null. */
  setPublicLink(id: string, enabled: boolean): Promise<string | null>;
  findByPublicToken(token: string): Promise<Campaign | undefined>;
  /** Is the campaign accepting answers at `now`? (opensAt <= now < closesAt). */
  isOpen(campaign: Campaign, now?: string): boolean;
}

export type InvitationStatus = 'not_started' | 'in_progress' | 'submitted';

export interface Invitation {
  id: string;
  campaignId: string;
  /** null for an anonymous (public link) respondent. */
  structureId: string | null;
  /** Personal link token: 24 random bytes, base64url (32 chars, 192 bits). */
  token: string;
  status: InvitationStatus;
  email: string | null;
  lastRemindedAt: string | null;
  reminderCount: number;
  createdAt: string;
}

export interface InvitationRepository {
  /**
   * One invitation per (campaign, structure); idempotent: structures already invited keep their
   * invitation and token. All in one transaction.
   */
  createForPopulation(
    campaignId: string,
    structureIds: readonly string[],
    now?: string,
  ): Promise<{ created: number; existing: number }>;
  /** A new invitation without structure, for one respondent of the public link. */
  createAnonymous(campaignId: string, now?: string): Promise<Invitation>;
  get(id: string): Promise<Invitation | undefined>;
  findByToken(token: string): Promise<Invitation | undefined>;
  findForStructure(campaignId: string, structureId: string): Promise<Invitation | undefined>;
  list(
    campaignId: string,
    options?: { structureIds?: readonly string[]; status?: InvitationStatus[] },
  ): Promise<Invitation[]>;
  setEmail(id: string, email: string | null): Promise<void>;
  /** Stamps last_reminded_at and increments reminder_count. */
  markReminded(ids: readonly string[], now?: string): Promise<void>;
  /** Invitation counts per status (structure invitations only, anonymous excluded). */
  countByStatus(
    campaignId: string,
    options?: { structureIds?: readonly string[] },
  ): Promise<Record<InvitationStatus, number>>;
}

// ---------------------------------------------------------------------------------------------
// Responses

export interface StoredResponse {
  id: string;
  campaignId: string;
  invitationId: string;
  structureId: string | null;
  status: 'draft' | 'submitted';
  /** Latest data (draft or submitted): what the respondent resumes from. */
  data: Record<string, unknown>;
  /** Latest submitted revision number (0 = never submitted). */
  revision: number;
  draftUpdatedAt: string | null;
  submittedAt: string | null;
}

export interface ResponseRevision {
  responseId: string;
  revision: number;
  data: Record<string, unknown>;
  submittedAt: string;
  submissionId: string;
}

export interface ResponseRepository {
  /**
   * Creates or updates the draft of an invitation; the invitation goes to 'in_progress' unless
   * already submitted (a submitted response keeps status 'submitted'; its submitted data stays
   * in the revisions until the next submit). Throws StoreNotFoundError for an unknown invitation.
   */
  saveDraft(invitationId: string, data: Record<string, unknown>, now?: string): Promise<StoredResponse>;
  /**
   * Stores a new revision and marks response and invitation 'submitted', in one transaction.
   * Idempotent: the same submissionId again returns the same revision (`duplicate: true`) and
   * writes nothing. Validation and the campaign's closing date are checked by the caller.
   */
  submit(
    invitationId: string,
    data: Record<string, unknown>,
    submissionId: string,
    now?: string,
  ): Promise<{ response: StoredResponse; revision: number; duplicate: boolean }>;
  get(id: string): Promise<StoredResponse | undefined>;
  getByInvitation(invitationId: string): Promise<StoredResponse | undefined>;
  /** Oldest first. */
  listRevisions(responseId: string): Promise<ResponseRevision[]>;
  /**
   * Submitted responses of a campaign as the statistics engine reads them: the data of the
   * latest submitted revision, `structure` = structure id, `submittedAt` = that revision's date.
   * Read page by page (ordered by response id), so memory stays flat on large campaigns.
   */
  listSubmitted(
    campaignId: string,
    options?: { structureIds?: readonly string[]; pageSize?: number },
  ): AsyncIterable<ResponseRecord>;
  countSubmitted(campaignId: string, options?: { structureIds?: readonly string[] }): Promise<number>;
}

// ---------------------------------------------------------------------------------------------
// Audit log and settings

export interface AuditEntry {
  id: string;
  at: string;
  /** User id, 'system', 'cli', or an invitation reference. */
  actor: string | null;
  action: string;
  target: string | null;
  details: unknown;
}

export interface AuditRepository {
  record(
    entry: { actor: string | null; action: string; target?: string | null; details?: unknown },
    now?: string,
  ): Promise<AuditEntry>;
  /** Newest first. */
  list(options?: { limit?: number; action?: string; target?: string; actor?: string }): Promise<AuditEntry[]>;
}

export interface SettingsRepository {
  get<T = unknown>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// The store

export interface Repositories {
  territories: TerritoryRepository;
  structures: StructureRepository;
  users: UserRepository;
  sessions: SessionRepository;
  surveys: SurveyRepository;
  campaigns: CampaignRepository;
  invitations: InvitationRepository;
  responses: ResponseRepository;
  audit: AuditRepository;
  settings: SettingsRepository;
}

export interface Store extends Repositories {
  dialect: Dialect;
  db: Kysely<Database>;
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
}

export interface StoreOptions {
  /** postgres:// or postgresql:// URL; absent = embedded SQLite. */
  databaseUrl?: string;
  /** Directory of the SQLite file (default ./data); created when missing. */
  dataDir?: string;
}
