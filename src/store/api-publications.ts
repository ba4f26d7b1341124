/**
 * Publication settings of campaigns (indicator file, public flag, confidentiality threshold) and
 * their frozen snapshots: part of the storage API (re-exported by src/store/api.ts and src/store/index.ts).
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
  /** The snapshot the public site serves, or null when nothing was ever published. */
  snapshotId: string | null;
}

/** A snapshot without its content: when, by whom, with which threshold, on how many responses. */
export interface SnapshotInfo {
  id: string;
  campaignId: string;
  createdAt: string;
  createdBy: string | null;
  k: number;
  responses: number;
}

export interface PublicationSnapshot extends SnapshotInfo {
  /** The public outputs, confidentiality already applied (opaque to the store). */
  content: unknown;
}

export interface SnapshotInput {
  campaignId: string;
  createdBy: string | null;
  k: number;
  responses: number;
  content: unknown;
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
  /**
   * Stores a new snapshot and makes it the one served (the campaign becomes published), in one
   * transaction. Earlier snapshots are kept (history), never changed.
   */
  saveSnapshot(input: SnapshotInput, now?: string): Promise<SnapshotInfo>;
  /** One snapshot with its content. */
  getSnapshot(id: string): Promise<PublicationSnapshot | undefined>;
  /** The campaign's snapshots, newest first, without their content. */
  listSnapshots(campaignId: string): Promise<SnapshotInfo[]>;
}
