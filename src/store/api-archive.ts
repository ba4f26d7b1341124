/**
 * Archiving, deletion and demo data (src/app/archive): part of the storage API. The rules (what
 * is archived, deleted or refused) are decided by the use cases from the usage counts read here.
 */

export type ArchiveKind = 'structure' | 'territory' | 'survey' | 'campaign';
export type ArchivableKind = 'structure' | 'campaign';

/** What depends on a structure. */
export interface StructureUsage {
  /** Responses with at least one submission. */
  submitted: number;
  /** Responses only drafted. */
  drafts: number;
  invitations: number;
  /** Rows of the solidarity module (places, services, households, support, resources). */
  solidarity: number;
}

export interface TerritoryUsage {
  /** Structures placed in it, archived ones included. */
  structures: number;
  children: number;
  /** Accounts whose scope names it. */
  users: number;
}

export interface CampaignUsage {
  submitted: number;
  drafts: number;
  invitations: number;
}

export interface NamedRef {
  id: string;
  name: string;
}

export interface DemoRow {
  kind: ArchiveKind;
  id: string;
  seededAt: string;
}

export interface DemoSpared {
  kind: ArchiveKind;
  id: string;
  name: string;
  reason: 'edited' | 'answered' | 'used' | 'solidarity' | 'users';
}

export interface DemoPlan {
  remove: Record<ArchiveKind, string[]>;
  spare: DemoSpared[];
}

export interface ArchiveRepository {
  structureUsage(id: string): Promise<StructureUsage>;
  territoryUsage(id: string): Promise<TerritoryUsage>;
  /** Campaigns using any version of the questionnaire, archived ones included. */
  surveyCampaigns(surveyId: string): Promise<NamedRef[]>;
  campaignUsage(id: string): Promise<CampaignUsage>;
  /** Sets (or clears, with null) the archive stamp; false for an unknown id. */
  setArchived(
    kind: ArchivableKind,
    id: string,
    archived: { at: string; by: string | null } | null,
  ): Promise<boolean>;
  /** Deletes a structure that holds no answers, with its invitations (never answered). */
  deleteStructure(id: string): Promise<void>;
  /** Deletes a questionnaire and its versions (the caller checked no campaign uses it). */
  deleteSurvey(id: string): Promise<void>;
  markDemo(rows: readonly { kind: ArchiveKind; id: string }[], seededAt: string): Promise<void>;
  demoRows(): Promise<DemoRow[]>;
  /**
   * What "remove the demo data" would do: every marked row, except those a user touched since
   * the seeding (edited, answered after it, used by real data), which are spared and said why.
   */
  demoPlan(): Promise<DemoPlan>;
  /** Applies a plan (call inside a transaction) and forgets every demo mark. */
  removeDemo(plan: DemoPlan): Promise<void>;
}

declare module './api.js' {
  interface Repositories {
    archive: ArchiveRepository;
  }
}
