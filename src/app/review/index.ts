import { PanoramaError } from '../../contract/errors/index.js';
import type { ReviewDetailResponse, ReviewListResponse, ReviewStatusValue } from '../../contract/review.js';
import { REVIEW_STATUSES } from '../../contract/review.js';
import type { Store, StoredStructure } from '../../store/index.js';
import { listAnomalies, type AnomalyOutput } from '../coherence/index.js';
import { scopeIncludes, type Scope } from '../scope.js';
import { answerTexts } from './answers.js';
import { historyOf } from './history.js';
import { effectiveStatus } from './status.js';
import { campaignOf, surveyOf, targetOf } from './target.js';

export { effectiveStatus } from './status.js';
export { targetOf } from './target.js';
export { decideReview } from './decide.js';
export { correctionForRespondent, validatedStructureIds } from './respondent.js';

/**
 * Review of submitted answers: administrators see every structure, correspondents those of their
 * territories (and descendants). Answers of the public (anonymous) link have no territory and are
 * not reviewed here.
 */

/** The territories a scope may filter on, in tree order as stored. */
async function territoriesIn(store: Store, scope: Scope) {
  const all = await store.territories.list();
  return all.filter((t) => scopeIncludes(scope, t.id));
}

function countAnomalies(anomalies: AnomalyOutput[]) {
  const counts = new Map<string, { blocking: number; warning: number; flag: number }>();
  for (const a of anomalies) {
    const c = counts.get(a.response) ?? { blocking: 0, warning: 0, flag: 0 };
    c[a.severity] += 1;
    counts.set(a.response, c);
  }
  return counts;
}

/**
 * The submitted answers to review, with their status and anomaly counts, in the caller's scope,
 * optionally within one territory (descendants included) and with some statuses only.
 */
export async function listForReview(
  store: Store,
  input: { campaignId: string; scope: Scope; territoryId?: string; statuses?: ReviewStatusValue[] },
): Promise<ReviewListResponse> {
  const campaign = await campaignOf(store, input.campaignId);
  const territories = await territoriesIn(store, input.scope);
  let within: Set<string> | undefined;
  if (input.territoryId !== undefined) {
    if (!scopeIncludes(input.scope, input.territoryId))
      throw new PanoramaError('forbidden', { reason: 'territory_out_of_scope' });
    within = new Set(await store.territories.descendantIds([input.territoryId]));
  }
  const structures = new Map((await store.structures.list()).map((s) => [s.id, s]));
  const names = new Map(territories.map((t) => [t.id, t.name]));
  const heads = (await store.reviews.submitted(campaign.id)).filter((h) => {
    const territoryId = h.structureId === null ? null : (structures.get(h.structureId)?.territoryId ?? null);
    if (h.structureId === null || !scopeIncludes(input.scope, territoryId)) return false;
    return !within || (territoryId !== null && within.has(territoryId));
  });
  const reviews = new Map((await store.reviews.list(campaign.id)).map((r) => [r.responseId, r]));
  const anomalies = countAnomalies(
    await listAnomalies(store, { campaignId: campaign.id, scope: input.scope }),
  );
  const counts = Object.fromEntries(REVIEW_STATUSES.map((s) => [s, 0])) as Record<ReviewStatusValue, number>;
  const items: ReviewListResponse['items'] = [];
  for (const head of heads) {
    const review = reviews.get(head.responseId);
    const status = effectiveStatus(review, head.revision);
    counts[status] += 1;
    if (input.statuses && !input.statuses.includes(status)) continue;
    const structure = structures.get(head.structureId!)!;
    items.push({
      responseId: head.responseId,
      structure: { id: structure.id, name: structure.name },
      territory: territoryRef(structure, names),
      status,
      revision: head.revision,
      submittedAt: head.submittedAt,
      reviewedAt: review?.updatedAt ?? null,
      anomalies: anomalies.get(head.responseId) ?? { blocking: 0, warning: 0, flag: 0 },
    });
  }
  // Most anomalies first, then by name: what needs a look comes first.
  const weight = (i: (typeof items)[number]) =>
    i.anomalies.blocking * 100 + i.anomalies.warning * 10 + i.anomalies.flag;
  items.sort((a, b) => weight(b) - weight(a) || a.structure.name.localeCompare(b.structure.name, 'fr'));
  return {
    campaign: { id: campaign.id, name: campaign.name },
    counts,
    territories: territories.map((t) => ({ id: t.id, name: t.name, level: t.level })),
    items,
  };
}

function territoryRef(structure: StoredStructure, names: Map<string, string>) {
  if (!structure.territoryId) return null;
  return { id: structure.territoryId, name: names.get(structure.territoryId) ?? structure.territoryId };
}

/** One structure's submitted answers for review: answers, anomalies, status and history. */
export async function getForReview(
  store: Store,
  input: { campaignId: string; structureId: string; scope: Scope },
): Promise<ReviewDetailResponse> {
  const { campaign, structure, head, review } = await targetOf(store, input);
  const survey = await surveyOf(store, campaign);
  const revisions = await store.responses.listRevisions(head.responseId);
  const latest = revisions.find((r) => r.revision === head.revision)?.data ?? {};
  const anomalies = (await listAnomalies(store, { campaignId: campaign.id, scope: input.scope })).filter(
    (a) => a.response === head.responseId,
  );
  const territory = structure.territoryId ? await store.territories.get(structure.territoryId) : undefined;
  return {
    campaign: { id: campaign.id, name: campaign.name },
    responseId: head.responseId,
    structure: { id: structure.id, name: structure.name },
    territory: territory ? { id: territory.id, name: territory.name } : null,
    status: effectiveStatus(review, head.revision),
    revision: head.revision,
    submittedAt: head.submittedAt,
    message: review?.message ?? null,
    questions: review?.questions ?? [],
    answers: answerTexts(survey, latest),
    anomalies: anomalies.map((a) => ({
      rule: a.rule,
      severity: a.severity,
      questions: a.questions,
      message: a.message,
      messageEn: a.messageEn,
    })),
    history: await historyOf(store, head.responseId, structure.name),
  };
}
