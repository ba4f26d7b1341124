/**
 * Publication settings of campaigns (indicator file, public flag, confidentiality threshold):
 * part of the storage API (re-exported by src/store/api.ts and src/store/index.ts).
 */

export interface CampaignPublication {
  campaignId: string;
  /** Parsed indicator file (docs/indicators.md), or null when none was uploaded. */
  indicators: unknown;
  /** Listed on the public site (/public). */
  published: boolean;
  /** Confidentiality threshold; null = the publication engine's default. */
  k: number | null;
  updatedAt: string;
}

export interface PublicationRepository {
  get(campaignId: string): Promise<CampaignPublication | undefined>;
  /** Stores (replaces) the indicator file and k; keeps the published flag. */
  setIndicators(
    campaignId: string,
    indicators: unknown,
    k?: number | null,
    now?: string,
  ): Promise<CampaignPublication>;
  setPublished(campaignId: string, published: boolean, now?: string): Promise<CampaignPublication>;
  /** Published campaigns' settings. */
  listPublished(): Promise<CampaignPublication[]>;
}
