/**
 * Kysely table types: the exact shape of every column as both dialects store it.
 *
 * Portability choices (the same on SQLite and PostgreSQL, so raw queries behave identically):
 * - ids are text (registry ids for structures, random UUIDs elsewhere);
 * - timestamps are UTC ISO-8601 text from `Date.prototype.toISOString()` (they sort as text);
 * - booleans are integers 0/1 (`qpv` may also be null = unknown);
 * - JSON documents are text (parsed and serialised by the repositories).
 * Callers should use the repositories (src/store/api.ts), which return plain JS values.
 */

export interface TerritoriesTable {
  id: string;
  name: string;
  /** 'region' | 'departement' | 'territoire' or any free text level. */
  level: string;
  /** Official code (INSEE region/département code …) when there is one. */
  code: string | null;
  parent_id: string | null;
}

export interface StructuresTable {
  /** Registry id (text chosen by the network, e.g. "CS59-012"). */
  id: string;
  name: string;
  /** 'CS' (centre social) | 'EVS' (espace de vie sociale) | null when unknown. */
  type: string | null;
  address: string | null;
  commune_code: string | null;
  territory_id: string | null;
  /** 0/1/null. */
  qpv: number | null;
  manager_type: string | null;
  /** JSON object of free extra attributes (string values). */
  attributes: string;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  /** Stored trimmed and lower-cased: uniqueness is case-insensitive. */
  email: string;
  name: string;
  password_hash: string;
  /** 'admin' | 'correspondent' | 'viewer'. */
  role: string;
  created_at: string;
  /** 0/1. */
  disabled: number;
  /** 0/1: a temporary password set by an administrator, to change at the next sign-in. */
  must_change_password: number;
}

export interface PasswordResetsTable {
  /** sha256 (hex) of the token sent in the link. */
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface UserTerritoriesTable {
  user_id: string;
  territory_id: string;
}

/** A row makes the account a structure's staff (role "structure"), see 0013_structure_staff. */
export interface UserStructuresTable {
  user_id: string;
  /** Null once the structure is removed: the account then sees nothing. */
  structure_id: string | null;
}

export interface SessionsTable {
  /** sha256 (hex) of the cookie token: a database leak does not leak usable cookies. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface SurveysTable {
  id: string;
  title: string;
  created_at: string;
}

export interface SurveyVersionsTable {
  id: string;
  survey_id: string;
  version: number;
  /** SurveyJS JSON definition, as text. Never updated once written. */
  definition: string;
  created_at: string;
}

export interface CampaignsTable {
  id: string;
  name: string;
  survey_version_id: string;
  opens_at: string;
  closes_at: string | null;
  /** JSON PopulationFilter. */
  population: string;
  public_token: string | null;
  created_at: string;
  created_by: string | null;
}

export interface InvitationsTable {
  id: string;
  campaign_id: string;
  structure_id: string | null;
  token: string;
  /** 'not_started' | 'in_progress' | 'submitted'. */
  status: string;
  email: string | null;
  last_reminded_at: string | null;
  reminder_count: number;
  created_at: string;
}

export interface ResponsesTable {
  id: string;
  campaign_id: string;
  invitation_id: string;
  structure_id: string | null;
  /** 'draft' | 'submitted' (stays 'submitted' when a later draft edits a submitted response). */
  status: string;
  /** JSON: the latest data the respondent saw (draft or submitted). */
  data: string;
  /** Number of the latest submitted revision (0 = never submitted). */
  revision: number;
  draft_updated_at: string | null;
  submitted_at: string | null;
}

export interface ResponseRevisionsTable {
  response_id: string;
  revision: number;
  /** JSON: the data exactly as submitted. */
  data: string;
  submitted_at: string;
  /** Client-chosen id of the submission: re-sending it is a no-op. */
  submission_id: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor: string | null;
  action: string;
  target: string | null;
  /** JSON. */
  details: string;
}

export interface SettingsTable {
  key: string;
  /** JSON. */
  value: string;
}

export interface CampaignPublicationsTable {
  campaign_id: string;
  /** JSON indicator file, or null when none was uploaded. */
  indicators: string | null;
  /** 0/1: shown on the public site. */
  published: number;
  k: number | null;
  updated_at: string;
  /** The snapshot served on the public site (publication_snapshots.id), or null. */
  snapshot_id: string | null;
}

export interface PublicationSnapshotsTable {
  id: string;
  campaign_id: string;
  created_at: string;
  created_by: string | null;
  k: number;
  responses: number;
  /** JSON: the public outputs, confidentiality applied. */
  content: string;
}

export interface Database {
  territories: TerritoriesTable;
  structures: StructuresTable;
  users: UsersTable;
  user_territories: UserTerritoriesTable;
  user_structures: UserStructuresTable;
  sessions: SessionsTable;
  password_resets: PasswordResetsTable;
  surveys: SurveysTable;
  survey_versions: SurveyVersionsTable;
  campaigns: CampaignsTable;
  invitations: InvitationsTable;
  responses: ResponsesTable;
  response_revisions: ResponseRevisionsTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
  campaign_publications: CampaignPublicationsTable;
  publication_snapshots: PublicationSnapshotsTable;
}
