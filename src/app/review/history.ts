import type { Store } from '../../store/index.js';
import type { ReviewDetailResponse } from '../../contract/review.js';

/** Audit actions of a response's history, as the review page names them. */
const ACTIONS = {
  'response.submit': 'submitted',
  'review.validate': 'validated',
  'review.request_correction': 'correction_requested',
} as const;

interface Details {
  revision?: number;
  message?: string;
  questions?: string[];
}

/**
 * Who did what to a response, newest first, read from the audit log (submissions by the
 * structure's link, decisions by users, named).
 */
export async function historyOf(
  store: Store,
  responseId: string,
  structureName: string,
): Promise<ReviewDetailResponse['history']> {
  const entries = await store.audit.list({ target: responseId, limit: 500 });
  const names = new Map<string, string>();
  const history: ReviewDetailResponse['history'] = [];
  for (const entry of entries) {
    const action = ACTIONS[entry.action as keyof typeof ACTIONS];
    if (!action) continue;
    const details = (entry.details ?? {}) as Details;
    let actor = entry.actor ?? '';
    if (actor.startsWith('invitation:')) actor = structureName;
    else if (actor) {
      if (!names.has(actor)) names.set(actor, (await store.users.get(actor))?.name ?? actor);
      actor = names.get(actor)!;
    }
    history.push({
      at: entry.at,
      actor,
      action,
      revision: typeof details.revision === 'number' ? details.revision : null,
      message: typeof details.message === 'string' ? details.message : null,
      questions: Array.isArray(details.questions) ? details.questions : [],
    });
  }
  return history;
}
