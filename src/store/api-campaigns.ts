/**
 * Surveys, campaigns, invitations and responses: part of the storage API
 * (re-exported by src/store/api.ts and src/store/index.ts).
 * Plain JS values; every timestamp is a UTC ISO-8601 string.
 */
import type { ResponseRecord } from '../survey/records.js';
import type { PopulationFilter } from './api-registry.js';

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
  /** Deletes the survey and its versions when no campaign uses any of them; says whether it did. */
  deleteIfUnused(surveyId: string): Promise<boolean>;
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
  /** When it was archived (answers kept, hidden from lists by default), or null. */
  archivedAt?: string | null;
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
  /** Newest first; archived campaigns too unless `activeOnly`. */
  list(options?: { activeOnly?: boolean }): Promise<Campaign[]>;
  update(
    id: string,
    patch: Partial<Pick<CampaignInput, 'name' | 'opensAt' | 'closesAt' | 'population'>>,
  ): Promise<Campaign>;
  /** Enables (new random token) or disables the anonymous link; returns the token or null. */
  setPublicLink(id: string, enabled: boolean): Promise<string | null>;
  findByPublicToken(token: string): Promise<Campaign | undefined>;
  /** Deletes the campaign with its invitations, answers and publication (the survey stays). */
  delete(id: string): Promise<void>;
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
  /** Latest submission date of each answered invitation of a campaign (drafts: null), by invitation id. */
  submissionDates(campaignId: string): Promise<Map<string, string | null>>;
}
