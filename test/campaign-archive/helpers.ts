/**
 * Helpers of the campaign-archive tests: the models compared between the source and the target
 * (report, participation, brochure, reviews), each with the instance's own ids taken out.
 */
import { ReportBuilder } from '../../src/stats/index.js';
import { buildSurveyModel } from '../../src/survey/index.js';
import { reportRegistry } from '../../src/runtime/report-build.js';
import { participationRows } from '../../src/app/campaigns/participation.js';
import { brochureModel, preparePublication } from '../../src/app/publication/brochure.js';
import { decideReview } from '../../src/app/review/decide.js';
import { tableCounts } from '../../src/store/copy/index.js';
import type { Store } from '../../src/store/index.js';

/** The report model of the campaign over its invited structures, as migrate-to compares it. */
export async function reportOf(store: Store, campaignId: string): Promise<unknown> {
  const campaign = (await store.campaigns.get(campaignId))!;
  const version = (await store.surveys.getVersion(campaign.surveyVersionId))!;
  const registry = await reportRegistry(store, campaignId, undefined);
  const builder = new ReportBuilder(buildSurveyModel(version.definition, `version ${version.version}`), {
    registry,
  });
  for await (const record of store.responses.listSubmitted(campaignId, { pageSize: 97 })) builder.add(record);
  return JSON.parse(JSON.stringify(builder.finish())) as unknown;
}

/** Participation rows without the invitation's database id (the link's token is kept). */
export async function participationOf(store: Store, campaignId: string): Promise<unknown> {
  const campaign = (await store.campaigns.get(campaignId))!;
  const { rows } = await participationRows(
    { store, config: { baseUrl: 'http://panorama.test' } as never },
    { all: true },
    campaign,
  );
  return rows.map((r) => ({ ...r, invitationId: undefined }));
}

/** The public brochure of the whole network, as JSON. */
export async function brochureOf(store: Store, campaignId: string): Promise<unknown> {
  const campaign = (await store.campaigns.get(campaignId))!;
  const model = await brochureModel(await preparePublication(store, campaign), { audience: 'public' });
  return JSON.parse(JSON.stringify(model).replaceAll(campaignId, '<campaign>')) as unknown;
}

/** Review states by structure: status, revision, message, questions. */
export async function reviewsOf(store: Store, campaignId: string): Promise<unknown> {
  const heads = new Map(
    (await store.reviews.submitted(campaignId)).map((h) => [h.responseId, h.structureId]),
  );
  return (await store.reviews.list(campaignId))
    .map((r) => ({
      structure: heads.get(r.responseId),
      status: r.status,
      revision: r.revision,
      message: r.message,
      questions: r.questions,
      updatedAt: r.updatedAt,
    }))
    .sort((a, b) => String(a.structure).localeCompare(String(b.structure)));
}

/** Revisions by structure (data and dates as submitted). */
export async function revisionsOf(store: Store, campaignId: string): Promise<unknown> {
  const out: Record<string, unknown> = {};
  for (const head of await store.reviews.submitted(campaignId)) {
    out[String(head.structureId)] = (await store.responses.listRevisions(head.responseId)).map((r) => ({
      ...r,
      responseId: undefined,
    }));
  }
  return out;
}

export const countsOf = (store: Store) => tableCounts(store);

/**
 * Gives the closed demo campaign a review history: the first answer validated, the second
 * returned for correction then submitted again (revision 2) and validated.
 */
export async function addReviews(store: Store, campaignId: string, actor: string): Promise<void> {
  const heads = (await store.reviews.submitted(campaignId)).filter((h) => h.structureId !== null);
  const [first, second] = heads;
  if (!first || !second) throw new Error('the demo campaign needs two submitted answers');
  const all = { all: true } as const;
  await decideReview(store, {
    campaignId,
    structureId: first.structureId!,
    scope: all,
    actor,
    decision: { kind: 'validate', revision: first.revision, note: 'Chiffres vérifiés avec le centre.' },
    now: '2026-01-10T09:00:00.000Z',
  });
  const version = (await store.surveys.getVersion((await store.campaigns.get(campaignId))!.surveyVersionId))!;
  const question = (version.definition as { pages: { elements: { name: string }[] }[] }).pages[0]!
    .elements[0]!.name;
  await decideReview(store, {
    campaignId,
    structureId: second.structureId!,
    scope: all,
    actor,
    decision: {
      kind: 'correction',
      revision: second.revision,
      message: 'Le nombre de salariés semble inversé avec les bénévoles.',
      questions: [question],
    },
    now: '2026-01-11T09:00:00.000Z',
  });
  const response = (await store.responses.get(second.responseId))!;
  await store.responses.submit(
    response.invitationId,
    { ...response.data, etp_salaries: 7 },
    'resubmit-archive-test',
    '2026-01-12T09:00:00.000Z',
  );
  await decideReview(store, {
    campaignId,
    structureId: second.structureId!,
    scope: all,
    actor,
    decision: { kind: 'validate', revision: second.revision + 1 },
    now: '2026-01-13T09:00:00.000Z',
  });
}
