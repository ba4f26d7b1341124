/** Shapes of the API answers (docs/api.md). */
export type Role = 'admin' | 'correspondent' | 'viewer';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  territoryIds: string[];
  disabled?: boolean;
  /** A temporary password set by an administrator: to be changed before anything else. */
  mustChangePassword?: boolean;
}

export interface Territory {
  id: string;
  name: string;
  level: string;
  code: string | null;
  parentId: string | null;
}

export interface Structure {
  id: string;
  name: string;
  type: 'CS' | 'EVS' | null;
  address: string | null;
  communeCode: string | null;
  territoryId: string | null;
  territory: string | null;
  qpv: boolean | null;
  managerType: string | null;
  email: string | null;
  attributes: Record<string, string>;
}

export interface SurveySummary {
  id: string;
  title: string;
  version: number;
  versionId: string;
  createdAt: string;
  questionCount: number;
}

export interface SurveyDetail extends SurveySummary {
  definition: Record<string, unknown>;
  versions: { id: string; version: number; createdAt: string }[];
}

export type CampaignState = 'open' | 'not_yet_open' | 'closed';

export interface Campaign {
  id: string;
  name: string;
  surveyId: string;
  surveyVersionId: string;
  surveyTitle: string;
  surveyVersion: number;
  opensAt: string;
  closesAt: string;
  state: CampaignState;
  population: { territoryIds?: string[]; attributes?: Record<string, string> };
  publicLink: string | null;
  invitations: number;
  submitted: number;
  inProgress: number;
  createdAt: string;
}

export type InvitationStatus = 'not_started' | 'in_progress' | 'submitted';

export interface ParticipationGroup {
  group: string;
  population: number;
  responses: number;
  rate: number | null;
}

export interface ParticipationStructure {
  id: string;
  name: string;
  territory: string | null;
  status: InvitationStatus;
  submittedAt: string | null;
  link: string;
  remindedAt?: string | null;
  reminderCount?: number;
}

export interface Participation {
  population: number;
  responses: number;
  rate: number | null;
  byGroup: ParticipationGroup[];
  structures: ParticipationStructure[];
}

export interface ImportProblem {
  line: number;
  column: string;
  value: string;
  reason: string;
}

// Type-only: the preview's shape is the application layer's own (no code of src/app is bundled).
import type { StructureChange } from '../app/registry/plan.js';
export type { ChangeValue, FieldChange, StructureChange } from '../app/registry/plan.js';

export interface ImportPreview {
  columns: string[];
  rows: Record<string, string>[];
  total: number;
  errors: ImportProblem[];
  toCreate: number;
  toUpdate: number;
  unchanged: number;
  changes: StructureChange[];
  /** Recognised fields the file does not have: they stay as they are. */
  absent: string[];
  clearEmpty: boolean;
  territoriesToCreate: { name: string; level: string }[];
}

export interface DefinitionProblem {
  question?: string;
  path: string;
  message: string;
  line?: number;
  column?: number;
}

export interface RespondPayload {
  campaign: { name: string; opensAt: string; closesAt: string; state: CampaignState };
  structure: { id: string; name: string } | null;
  sheetPublished: boolean;
  survey: Record<string, unknown>;
  data: Record<string, unknown>;
  status: InvitationStatus;
  submittedAt: string | null;
  revision: number;
  savedAt: string | null;
}

export interface AnswerProblem {
  question: string;
  value: unknown;
  message: string;
}
