/**
 * Shapes of the API answers, inferred from the HTTP contract (src/contract, docs/api.md): the
 * server serializes its answers through the same schemas. Type-only imports: no zod in the bundle.
 */
import type { z } from 'zod';
import type { publicUser, role, sessionResponse } from '../contract/auth.js';
import type {
  createdUserResponse,
  passwordResetResponse,
  resetMode,
  usersResponse,
} from '../contract/users.js';
import type { resetPasswordResponse } from '../contract/auth.js';
import type {
  importIssue,
  importReport,
  surveyImportPreviewResponse,
  surveyImportResponse,
} from '../contract/survey-import.js';
import type {
  directoryResponse,
  itemsResponse,
  householdsResponse,
  overdueResponse,
  programmesResponse,
  serviceInput,
  structureDirectoryResponse,
} from '../contract/solidarity.js';
import type { anomaliesResponse, campaignRulesResponse } from '../contract/coherence.js';
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
/** GET /api/users */
export type UsersAnswer = z.infer<typeof usersResponse>;
export type ResetMode = z.infer<typeof resetMode>;
/** POST /api/users/:id/password-reset */
export type PasswordResetAnswer = z.infer<typeof passwordResetResponse>;
/** POST /api/auth/reset-password */
export type ResetPasswordAnswer = z.infer<typeof resetPasswordResponse>;
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
export type ImportIssue = z.infer<typeof importIssue>;
export type ImportReport = z.infer<typeof importReport>;
/** POST /api/surveys/import/preview */
export type SurveyImportPreview = z.infer<typeof surveyImportPreviewResponse>;
/** POST /api/surveys/import */
export type SurveyImportAnswer = z.infer<typeof surveyImportResponse>;
/** One service as entered in a structure's directory record (PUT …/directory), every field filled. */
export type ServiceInput = Required<z.input<typeof serviceInput>>;
export type DirectoryAnswer = z.infer<typeof structureDirectoryResponse>;
export type PublicDirectory = z.infer<typeof directoryResponse>;
export type ProgrammesAnswer = z.infer<typeof programmesResponse>;
export type HouseholdsAnswer = z.infer<typeof householdsResponse>;
export type ItemsAnswer = z.infer<typeof itemsResponse>;
export type OverdueAnswer = z.infer<typeof overdueResponse>;
export type CampaignRules = z.infer<typeof campaignRulesResponse>;
export type AnomaliesAnswer = z.infer<typeof anomaliesResponse>;

export type {
  ReviewDetailResponse,
  ReviewListResponse,
  ReviewListItem,
  ReviewStatusValue,
  CorrectionRequest,
} from '../contract/review.js';
