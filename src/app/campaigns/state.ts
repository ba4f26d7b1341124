import type { Campaign } from '../../store/index.js';

export type CampaignState = 'open' | 'not_yet_open' | 'closed';

/**
 * Whether a campaign takes answers at `now`: its closing instant itself is already closed, and an
 * archived campaign is closed whatever its dates.
 */
export function campaignState(
  campaign: Pick<Campaign, 'opensAt' | 'closesAt' | 'archivedAt'>,
  now: Date,
): CampaignState {
  if (campaign.archivedAt) return 'closed';
  const t = now.getTime();
  if (t < Date.parse(campaign.opensAt)) return 'not_yet_open';
  if (campaign.closesAt && t >= Date.parse(campaign.closesAt)) return 'closed';
  return 'open';
}

/** When a closed campaign stopped taking answers: archiving may come before the closing date. */
export function closedAt(campaign: Pick<Campaign, 'closesAt' | 'archivedAt'>): string | undefined {
  const { closesAt, archivedAt } = campaign;
  if (closesAt && archivedAt) return Date.parse(archivedAt) < Date.parse(closesAt) ? archivedAt : closesAt;
  return archivedAt ?? closesAt ?? undefined;
}
