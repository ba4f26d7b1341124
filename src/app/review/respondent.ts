import type { CorrectionRequest } from '../../contract/review.js';
import type { Store } from '../../store/index.js';
import type { SurveyModel } from '../../survey/index.js';
import { effectiveStatus } from './status.js';

/**
 * The correction asked of a structure, for its link: the message and the questions it names, as
 * long as the structure has not submitted again since (null otherwise).
 */
export async function correctionForRespondent(
  store: Store,
  input: { responseId: string | undefined; revision: number; survey: SurveyModel },
): Promise<CorrectionRequest | null> {
  if (!input.responseId || input.revision === 0) return null;
  const review = await store.reviews.get(input.responseId);
  if (effectiveStatus(review, input.revision) !== 'correction_requested' || !review?.message) return null;
  return {
    message: review.message,
    questions: review.questions.map((name) => ({
      name,
      title: input.survey.byName.get(name)?.title ?? name,
    })),
    requestedAt: review.updatedAt,
  };
}

/**
 * The structures whose current answer is validated (the decision was made on the latest
 * submitted revision), for statistics restricted to validated answers; both counts within the
 * structures the caller may see (`visible`; undefined: all).
 */
export async function validatedStructureIds(
  store: Store,
  campaignId: string,
  visible?: readonly string[],
): Promise<{ structureIds: string[]; submitted: number }> {
  const seen = visible ? new Set(visible) : undefined;
  const heads = (await store.reviews.submitted(campaignId)).filter(
    (h) => !seen || (h.structureId !== null && seen.has(h.structureId)),
  );
  const reviews = new Map((await store.reviews.list(campaignId)).map((r) => [r.responseId, r]));
  const structureIds: string[] = [];
  for (const head of heads) {
    if (head.structureId === null) continue;
    if (effectiveStatus(reviews.get(head.responseId), head.revision) === 'validated')
      structureIds.push(head.structureId);
  }
  return { structureIds, submitted: heads.length };
}
