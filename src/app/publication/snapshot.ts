import { PanoramaError } from '../../contract/errors/index.js';
import {
  buildSnapshotContent,
  DEFAULT_K,
  MIN_K,
  parseIndicatorFile,
  type SnapshotContent,
} from '../../publish/index.js';
import { formatParis } from '../dates.js';
import type { Campaign, SnapshotInfo, Store } from '../../store/index.js';
import { campaignData, territoryCells } from './data.js';

export interface PublicationDeps {
  store: Store;
  now(): Date;
}

/** The threshold of a publication: 5 by default, never below 3 (a clear refusal otherwise). */
export function checkK(k: number | null | undefined): number {
  const value = k ?? DEFAULT_K;
  if (!Number.isInteger(value) || value < MIN_K)
    throw new PanoramaError('publication_k_too_small', { k: value, min: MIN_K });
  return value;
}

async function campaignOf(store: Store, campaignId: string): Promise<Campaign> {
  const campaign = await store.campaigns.get(campaignId);
  if (!campaign) throw new PanoramaError('not_found');
  return campaign;
}

/**
 * Publishes a CLOSED campaign: computes every public output once (brochures of the network and
 * of each territory, their charts and map, the structures' sheets), protects them together, and
 * stores them as the snapshot the public site serves. An open campaign is refused: its figures
 * would move with each submission and give the new answers away.
 */
export async function publishSnapshot(
  deps: PublicationDeps,
  input: { campaignId: string; actorId: string | null },
): Promise<SnapshotInfo> {
  const { store } = deps;
  const now = deps.now();
  const campaign = await campaignOf(store, input.campaignId);
  if (!campaign.closesAt || Date.parse(campaign.closesAt) > now.getTime()) {
    throw new PanoramaError('publication_campaign_open', {
      campaign: campaign.name,
      ...(campaign.closesAt ? { closesAt: formatParis(campaign.closesAt) } : {}),
    });
  }
  const settings = await store.publications.get(campaign.id);
  if (!settings || settings.indicators === null)
    throw new PanoramaError('publication_no_indicators', { campaign: campaign.name });
  const k = checkK(settings.k);
  const file = parseIndicatorFile(settings.indicators);
  const data = await campaignData(store, campaign);
  const sheetLevel = data.registry?.attributes.includes('territoire')
    ? 'territoire'
    : file.territoryAttribute;
  const { cells, sheetTerritory } = await territoryCells(
    store,
    (data.registry?.structures ?? []).map((s) => s.id),
    sheetLevel,
  );
  const content = buildSnapshotContent(data, file, cells, {
    k,
    generatedAt: now.toISOString(),
    sheetLevel,
    territoryIds: sheetTerritory,
  });
  const info = await store.publications.saveSnapshot(
    { campaignId: campaign.id, createdBy: input.actorId, k, responses: data.responses.length, content },
    now.toISOString(),
  );
  await store.audit.record({
    actor: input.actorId ?? 'system',
    action: 'campaign.publish',
    target: campaign.id,
    details: { snapshot: info.id, k, responses: info.responses },
  });
  return info;
}

export interface PublishedSnapshot {
  campaign: Campaign;
  info: SnapshotInfo;
  content: SnapshotContent;
}

/** What the public site may show of a campaign: its current snapshot while it is published. */
export async function publishedSnapshot(
  store: Store,
  campaignId: string,
): Promise<PublishedSnapshot | undefined> {
  const settings = await store.publications.get(campaignId);
  if (!settings?.published || !settings.snapshotId) return undefined;
  return currentSnapshot(store, campaignId, settings.snapshotId);
}

/** The campaign's current snapshot, published or not (structures' sheets stay available after unpublishing). */
export async function currentSnapshot(
  store: Store,
  campaignId: string,
  snapshotId?: string | null,
): Promise<PublishedSnapshot | undefined> {
  const id = snapshotId ?? (await store.publications.get(campaignId))?.snapshotId;
  if (!id) return undefined;
  const [campaign, snapshot] = await Promise.all([
    store.campaigns.get(campaignId),
    store.publications.getSnapshot(id),
  ]);
  if (!campaign || !snapshot) return undefined;
  const { content, ...info } = snapshot;
  return { campaign, info, content: content as SnapshotContent };
}
