import { PanoramaError } from '../../contract/errors/index.js';
import type { Store } from '../../store/index.js';
import type { Scope } from '../scope.js';
import { surveyOf, targetOf } from './target.js';

export type Decision =
  | { kind: 'validate'; revision: number; note?: string }
  | { kind: 'correction'; revision: number; message: string; questions: string[] };

/**
 * A reviewer's decision on a structure's submitted answer: validate it, or return it for
 * correction with a message naming questions (shown on the structure's link until it submits
 * again). The decision holds for the revision the reviewer looked at: a newer submission meanwhile
 * refuses it (409 review_stale). State and audit line are written in one transaction.
 */
export async function decideReview(
  store: Store,
  input: {
    campaignId: string;
    structureId: string;
    scope: Scope;
    actor: string;
    decision: Decision;
    now?: string;
  },
): Promise<{ status: 'validated' | 'correction_requested'; revision: number; reviewedAt: string }> {
  const { campaign, structure, head } = await targetOf(store, input);
  const { decision } = input;
  if (decision.revision !== head.revision)
    throw new PanoramaError('review_stale', {
      structure: structure.name,
      current: head.revision,
      seen: decision.revision,
    });
  let questions: string[] = [];
  if (decision.kind === 'correction') {
    const survey = await surveyOf(store, campaign);
    questions = [...new Set(decision.questions)];
    const unknown = questions.filter((q) => !survey.byName.has(q));
    if (unknown.length) throw new PanoramaError('review_unknown_questions', { questions: unknown });
  }
  const status = decision.kind === 'validate' ? 'validated' : 'correction_requested';
  const now = input.now ?? new Date().toISOString();
  return store.transaction(async (repos) => {
    // Read again inside the transaction: a submission between the check above and here wins.
    const current = await repos.responses.get(head.responseId);
    if (!current || current.revision !== head.revision)
      throw new PanoramaError('review_stale', {
        structure: structure.name,
        current: current?.revision ?? 0,
        seen: decision.revision,
      });
    const saved = await repos.reviews.set({
      responseId: head.responseId,
      status,
      revision: head.revision,
      message: decision.kind === 'correction' ? decision.message : null,
      questions,
      updatedBy: input.actor,
      updatedAt: now,
    });
    await repos.audit.record(
      {
        actor: input.actor,
        action: decision.kind === 'validate' ? 'review.validate' : 'review.request_correction',
        target: head.responseId,
        details: {
          campaignId: campaign.id,
          structureId: structure.id,
          revision: head.revision,
          ...(decision.kind === 'correction'
            ? { message: decision.message, questions }
            : decision.note
              ? { message: decision.note }
              : {}),
        },
      },
      now,
    );
    return { status, revision: saved.revision, reviewedAt: saved.updatedAt };
  });
}
