import { z } from 'zod';

/**
 * Review of submitted answers (src/app/review, src/server/routes/review.ts): the list of answers to
 * check by territory with their anomaly counts, one answer with its anomalies and history, and the
 * correspondent's decisions (validate, ask for a correction).
 */

/** à vérifier, validée, correction demandée, corrigée (re-submitted after a correction request). */
export const REVIEW_STATUSES = ['to_check', 'validated', 'correction_requested', 'corrected'] as const;
export const reviewStatus = z.enum(REVIEW_STATUSES);
export type ReviewStatusValue = z.infer<typeof reviewStatus>;

const statusList = z
  .union([reviewStatus, z.array(reviewStatus)])
  .transform((v) => (Array.isArray(v) ? v : [v]));

/** GET /api/campaigns/:id/review */
export const reviewListQuery = z.object({
  status: statusList.optional(),
  /** A territory id (its descendants included); must be within the caller's territories. */
  territory: z.string().min(1).max(100).optional(),
});

/** GET /api/campaigns/:id/review/:structureId and its actions */
export const reviewParams = z.object({ id: z.string().min(1), structureId: z.string().min(1) });

const anomalyCounts = z.object({ blocking: z.number(), warning: z.number(), flag: z.number() });

export const reviewListItem = z.object({
  responseId: z.string(),
  structure: z.object({ id: z.string(), name: z.string() }),
  territory: z.object({ id: z.string(), name: z.string() }).nullable(),
  status: reviewStatus,
  revision: z.number(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  anomalies: anomalyCounts,
});
export type ReviewListItem = z.infer<typeof reviewListItem>;

export const reviewListResponse = z.object({
  campaign: z.object({ id: z.string(), name: z.string() }),
  /** Counts per status of the answers in the caller's scope (and territory), before the status filter. */
  counts: z.record(reviewStatus, z.number()),
  /** Territories the caller may filter on (theirs and their descendants; all for administrators). */
  territories: z.array(z.object({ id: z.string(), name: z.string(), level: z.string() })),
  items: z.array(reviewListItem),
});
export type ReviewListResponse = z.infer<typeof reviewListResponse>;

const reviewAnomaly = z.object({
  rule: z.string(),
  severity: z.enum(['blocking', 'warning', 'flag']),
  questions: z.array(z.string()),
  message: z.string(),
  messageEn: z.string(),
});

export const reviewHistoryEntry = z.object({
  at: z.string(),
  /** The user's name, or the structure's name for its own submissions. */
  actor: z.string(),
  action: z.enum(['submitted', 'validated', 'correction_requested']),
  revision: z.number().nullable(),
  message: z.string().nullable(),
  questions: z.array(z.string()),
});

export const reviewDetailResponse = z.object({
  campaign: z.object({ id: z.string(), name: z.string() }),
  responseId: z.string(),
  structure: z.object({ id: z.string(), name: z.string() }),
  territory: z.object({ id: z.string(), name: z.string() }).nullable(),
  status: reviewStatus,
  revision: z.number(),
  submittedAt: z.string().nullable(),
  /** The correspondent's last correction message and the questions it names. */
  message: z.string().nullable(),
  questions: z.array(z.string()),
  /** The answers of the latest submitted revision, in survey order (unanswered questions too). */
  answers: z.array(
    z.object({
      name: z.string(),
      title: z.string(),
      page: z.string(),
      /** The answer as text (choice labels, French number formatting); null when unanswered. */
      text: z.string().nullable(),
    }),
  ),
  anomalies: z.array(reviewAnomaly),
  history: z.array(reviewHistoryEntry),
});
export type ReviewDetailResponse = z.infer<typeof reviewDetailResponse>;

/** POST …/validate: the revision the reviewer looked at (refused if a newer one came meanwhile). */
export const validateBody = z.object({
  revision: z.number().int().min(1),
  note: z.string().trim().max(2000).optional(),
});

/** POST …/request-correction */
export const correctionBody = z.object({
  revision: z.number().int().min(1),
  message: z.string().trim().min(1).max(4000),
  questions: z.array(z.string().min(1).max(200)).max(200).default([]),
});

/** What a decision answers: the new state. */
export const reviewDecisionResponse = z.object({
  status: reviewStatus,
  revision: z.number(),
  reviewedAt: z.string(),
});

/** Shown on the structure's link while a correction is asked (GET /api/respond/:token). */
export const correctionRequest = z.object({
  message: z.string(),
  questions: z.array(z.object({ name: z.string(), title: z.string() })),
  requestedAt: z.string(),
});
export type CorrectionRequest = z.infer<typeof correctionRequest>;
