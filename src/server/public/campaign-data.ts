import type { Store, Campaign as StoredCampaign } from '../../store/index.js';
import type { Campaign } from '../../publish/input.js';
import type { ResponseRecord } from '../../survey/records.js';
import { modelOfVersion } from '../surveys-cache.js';

/**
 * A stored campaign as the publication engine reads an input folder: its frozen survey, every
 * submitted answer and the registry of its invited structures (the population, so participation
 * rates and "number of centres" figures count the structures that were asked).
 */
export async function publishCampaignOf(store: Store, campaign: StoredCampaign): Promise<Campaign> {
  const version = await store.surveys.getVersion(campaign.surveyVersionId);
  if (!version)
    throw new Error(`survey version ${campaign.surveyVersionId} of campaign ${campaign.id} is missing`);
  const survey = modelOfVersion(version);
  const responses: ResponseRecord[] = [];
  for await (const r of store.responses.listSubmitted(campaign.id)) responses.push(r);
  const invited = (await store.invitations.list(campaign.id))
    .map((i) => i.structureId)
    .filter((s): s is string => s !== null);
  const registry = invited.length
    ? await store.structures.registry({ ids: invited })
    : { structures: [], attributes: [] };
  return { survey, responses, registry };
}
