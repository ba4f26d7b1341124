import { z } from 'zod';
import { campaignState, invitationStatus } from './campaigns.js';
import { surveyJson } from './surveys.js';
import { correctionRequest } from './review.js';

/** POST /api/public/:publicToken/start */
export const publicTokenParams = z.object({ publicToken: z.string().min(16).max(128) });
/** PUT /api/respond/:token/draft */
export const draftBody = z.object({ data: z.record(z.string(), z.unknown()) });
/** POST /api/respond/:token/submit (a retry with the same submissionId gets the same answer) */
export const submitBody = z.object({
  data: z.record(z.string(), z.unknown()),
  submissionId: z.string().min(8).max(100),
  /** The respondent confirms answers that coherence warning rules found unusual. */
  confirmWarnings: z.boolean().optional(),
});

/** GET /api/respond/:token: the form, the saved answers and the campaign state. */
export const respondPayload = z.object({
  campaign: z.object({
    name: z.string(),
    opensAt: z.string(),
    closesAt: z.string().nullable(),
    state: campaignState,
  }),
  /** null for an anonymous (public link) respondent. */
  structure: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The structure's sheet can be offered: the campaign is published from a snapshot. */
  sheetPublished: z.boolean(),
  /** The frozen SurveyJS definition, exactly as uploaded. */
  survey: surveyJson,
  data: z.record(z.string(), z.unknown()),
  status: invitationStatus,
  submittedAt: z.string().nullable(),
  revision: z.number(),
  savedAt: z.string().nullable(),
  /** A correction asked by the structure's correspondent, until the structure submits again. */
  correction: correctionRequest.nullable().optional(),
});

/** PUT /api/respond/:token/draft */
export const draftSavedResponse = z.object({ savedAt: z.string() });
/** POST /api/respond/:token/submit */
export const submittedResponse = z.object({ submittedAt: z.string().nullable(), revision: z.number() });
/** POST /api/public/:publicToken/start (201): the new anonymous respondent's token. */
export const publicStartResponse = z.object({ token: z.string() });

/** One refused answer (the `details` of a 422 invalid_answers / invalid_draft). */
export const answerProblem = z.object({
  question: z.string(),
  value: z.unknown(),
  message: z.string(),
});
