import type { Campaign } from '../../store/index.js';

export type CampaignState = 'open' | 'not_yet_open' | 'closed';

/** Whether a campaign takes answers at `now`: its closing instant itself is already closed. */
export function campaignState(campaign: Pick<Campaign, 'opensAt' | 'closesAt'>, now: Date): CampaignState {
  const t = now.getTime();
  if (t < Date.parse(campaign.opensAt)) return 'not_yet_open';
  if (campaign.closesAt && t >= Date.parse(campaign.closesAt)) return 'closed';
  return 'open';
}
