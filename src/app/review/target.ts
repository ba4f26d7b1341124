import { PanoramaError } from '../../contract/errors/index.js';
import type { Campaign, Store, StoredStructure } from '../../store/index.js';
import type { ResponseReview, SubmittedResponseHead } from '../../store/api-review.js';
import { buildSurveyModel, type SurveyModel } from '../../survey/index.js';
import { scopeIncludes, type Scope } from '../scope.js';

export async function campaignOf(store: Store, campaignId: string): Promise<Campaign> {
  const campaign = await store.campaigns.get(campaignId);
  if (!campaign) throw new PanoramaError('not_found', { what: 'campaign' });
  return campaign;
}

export async function surveyOf(store: Store, campaign: Campaign): Promise<SurveyModel> {
  const version = await store.surveys.getVersion(campaign.surveyVersionId);
  if (!version) throw new PanoramaError('not_found', { what: 'survey_version' });
  return buildSurveyModel(version.definition, `version ${version.version}`);
}

export interface ReviewTarget {
  campaign: Campaign;
  structure: StoredStructure;
  head: SubmittedResponseHead;
  review: ResponseReview | undefined;
}

/**
 * The submitted response of a structure, after checking that the caller may see the structure
 * (403 otherwise) and that it has submitted (409 review_not_submitted).
 */
export async function targetOf(
  store: Store,
  input: { campaignId: string; structureId: string; scope: Scope },
): Promise<ReviewTarget> {
  const campaign = await campaignOf(store, input.campaignId);
  const structure = await store.structures.get(input.structureId);
  if (!structure) throw new PanoramaError('not_found', { what: 'structure' });
  if (!scopeIncludes(input.scope, structure.territoryId))
    throw new PanoramaError('forbidden', { reason: 'structure_out_of_scope' });
  const invitation = await store.invitations.findForStructure(campaign.id, structure.id);
  const response = invitation ? await store.responses.getByInvitation(invitation.id) : undefined;
  if (!response || response.revision === 0)
    throw new PanoramaError('review_not_submitted', { structure: structure.name });
  const head: SubmittedResponseHead = {
    responseId: response.id,
    structureId: structure.id,
    revision: response.revision,
    submittedAt: response.submittedAt,
  };
  return { campaign, structure, head, review: await store.reviews.get(response.id) };
}
