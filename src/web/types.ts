/**
 * Shapes of the API answers, inferred from the HTTP contract (src/contract, docs/api.md): the
 * server serializes its answers through the same schemas. Type-only imports: no zod in the bundle.
 */
import type { z } from 'zod';
import type { publicUser, role, sessionResponse } from '../contract/auth.js';
import type { createdUserResponse } from '../contract/users.js';
import type { territory } from '../contract/territories.js';
import type {
  changeValue,
  fieldChange,
  importPreviewResponse,
  importProblem,
  importResultResponse,
  structure,
  structureChange,
} from '../contract/structures.js';
import type { definitionProblem, surveyDetail, surveySummary } from '../contract/surveys.js';
import type { campaign, campaignState, invitationStatus } from '../contract/campaigns.js';
import type {
  participationGroup,
  participationResponse,
  participationStructure,
  remindersResponse,
} from '../contract/participation.js';
import type { answerProblem, respondPayload } from '../contract/respond.js';
import type { publicationStateResponse } from '../contract/publication.js';

export type Role = z.infer<typeof role>;
export type User = z.infer<typeof publicUser>;
/** POST /api/auth/login, GET /api/auth/me */
export type SessionAnswer = z.infer<typeof sessionResponse>;
/** POST /api/users */
export type CreatedUser = z.infer<typeof createdUserResponse>;
export type Territory = z.infer<typeof territory>;
export type Structure = z.infer<typeof structure>;
export type SurveySummary = z.infer<typeof surveySummary>;
export type SurveyDetail = z.infer<typeof surveyDetail>;
export type CampaignState = z.infer<typeof campaignState>;
export type Campaign = z.infer<typeof campaign>;
export type InvitationStatus = z.infer<typeof invitationStatus>;
export type ParticipationGroup = z.infer<typeof participationGroup>;
export type ParticipationStructure = z.infer<typeof participationStructure>;
export type Participation = z.infer<typeof participationResponse>;
export type RemindersResult = z.infer<typeof remindersResponse>;
export type ImportProblem = z.infer<typeof importProblem>;
export type ChangeValue = z.infer<typeof changeValue>;
export type FieldChange = z.infer<typeof fieldChange>;
export type StructureChange = z.infer<typeof structureChange>;
export type ImportPreview = z.infer<typeof importPreviewResponse>;
export type ImportResult = z.infer<typeof importResultResponse>;
export type DefinitionProblem = z.infer<typeof definitionProblem>;
export type RespondPayload = z.infer<typeof respondPayload>;
export type AnswerProblem = z.infer<typeof answerProblem>;
export type PublicationState = z.infer<typeof publicationStateResponse>;

export type {
  ReviewDetailResponse,
  ReviewListResponse,
  ReviewListItem,
  ReviewStatusValue,
  CorrectionRequest,
} from '../contract/review.js';
