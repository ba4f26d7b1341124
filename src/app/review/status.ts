import type { ResponseReview, ReviewStatus } from '../../store/api-review.js';

/**
 * The review status of a submitted response as everyone sees it. A decision holds for the
 * revision it was made on: once the structure submits again, a validated answer is "to check"
 * again and an answer returned for correction is "corrected". Deriving it here (rather than
 * updating the review at submission) also covers a submission that races a decision.
 */
export function effectiveStatus(review: ResponseReview | undefined, currentRevision: number): ReviewStatus {
  if (!review) return 'to_check';
  if (review.revision >= currentRevision) return review.status;
  return review.status === 'correction_requested' || review.status === 'corrected' ? 'corrected' : 'to_check';
}
