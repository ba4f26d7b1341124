/**
 * Review of submitted answers (src/app/review): part of the storage API. One current state per
 * response; the history is in the audit log.
 */

import type { REVIEW_STATUSES } from '../contract/review.js';

export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export interface ResponseReview {
  responseId: string;
  campaignId: string;
  status: ReviewStatus;
  /** The submitted revision the status was decided on (or that brought the response back). */
  revision: number;
  /** The correspondent's message while a correction is asked (kept after, until the next decision). */
  message: string | null;
  /** Question names the correction message is about. */
  questions: string[];
  updatedAt: string;
  /** User id of the reviewer; `invitation:<id>` when a re-submission changed the status. */
  updatedBy: string | null;
}

/** A submitted response as the review list needs it (no answers). */
export interface SubmittedResponseHead {
  responseId: string;
  structureId: string | null;
  /** Latest submitted revision. */
  revision: number;
  submittedAt: string | null;
}

export interface ReviewRepository {
  /** Every submitted response of a campaign (revision ≥ 1), by response id, without its answers. */
  submitted(campaignId: string): Promise<SubmittedResponseHead[]>;
  get(responseId: string): Promise<ResponseReview | undefined>;
  /** Every review state of a campaign (responses never reviewed have none). */
  list(campaignId: string, options?: { status?: ReviewStatus[] }): Promise<ResponseReview[]>;
  /** Creates or replaces the response's review state (StoreNotFoundError for an unknown response). */
  set(
    review: Omit<ResponseReview, 'campaignId' | 'updatedAt'> & { updatedAt?: string },
  ): Promise<ResponseReview>;
}

declare module './api.js' {
  interface Repositories {
    reviews: ReviewRepository;
  }
}
