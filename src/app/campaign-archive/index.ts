import { downloadName } from '../download.js';
/**
 * Campaign archives: one campaign exported to a file (docs/archive-format.md) and imported into
 * another Panorama, ids remapped, in one transaction. Shared by the HTTP routes
 * (src/server/routes/campaign-archive.ts) and `panorama campaign export|import`.
 */
import { randomUUID } from 'node:crypto';
import { PanoramaError } from '../../contract/errors/index.js';
import type { CampaignArchiveImportResult, CampaignArchivePreview } from '../../contract/campaign-archive.js';
import { randomToken, type Store } from '../../store/index.js';
import { latestMigration } from '../../store/copy/index.js';
import { lookupForArchive, readCampaignRows, writeCampaignRows } from '../../store/campaign-archive.js';
import { appVersion } from '../maintenance/version.js';
import {
  type ArchiveManifest,
  ARCHIVE_EXTENSION,
  CAMPAIGN_ARCHIVE_FORMAT,
  CAMPAIGN_ARCHIVE_VERSION,
  decodeArchive,
  encodeArchive,
} from './format.js';
import { originKey, planImport, wantedFor } from './plan.js';

export { ARCHIVE_EXTENSION, MAX_ARCHIVE_BYTES, MAX_UNCOMPRESSED_BYTES } from './format.js';

/** A name as it reads in a file name or on the command line (the download names' rule). */
const slug = (text: string) => downloadName('', text);

/** A campaign named by its id, its exact name (any case) or the slug of its name. */
export async function findCampaign(store: Store, ref: string): Promise<{ id: string; name: string }> {
  const direct = await store.campaigns.get(ref);
  if (direct) return direct;
  const wanted = ref.trim().toLowerCase();
  const all = await store.campaigns.list();
  const match =
    all.find((c) => c.name.trim().toLowerCase() === wanted) ?? all.find((c) => slug(c.name) === slug(ref));
  if (!match) throw new PanoramaError('campaign_archive_campaign_unknown', { campaign: ref });
  return match;
}

export interface ExportedArchive {
  fileName: string;
  bytes: Buffer;
  campaignName: string;
  counts: ArchiveManifest['counts'];
  sha256: string;
}

/** The archive of one campaign, read in one consistent snapshot. */
export async function exportCampaignArchive(
  store: Store,
  campaignId: string,
  now = new Date(),
): Promise<ExportedArchive> {
  const snapshot = await readCampaignRows(store, campaignId);
  if (!snapshot) throw new PanoramaError('not_found', { what: 'campaign', id: campaignId });
  const campaign = snapshot.rows.campaigns[0]!;
  const origin = await store.settings.get<{ identity?: unknown }>(originKey(campaignId));
  const identity = typeof origin?.identity === 'string' ? origin.identity : campaignId;
  const { manifest, bytes } = await encodeArchive(
    {
      format: CAMPAIGN_ARCHIVE_FORMAT,
      formatVersion: CAMPAIGN_ARCHIVE_VERSION,
      appVersion: appVersion(),
      schemaVersion: await latestMigration(),
      sourceDialect: store.dialect,
      createdAt: now.toISOString(),
      campaign: {
        identity,
        name: String(campaign.name),
        surveyTitle: String(snapshot.rows.surveys[0]?.title ?? ''),
      },
    },
    { users: snapshot.users, tables: snapshot.rows },
  );
  const day = now.toISOString().slice(0, 10);
  return {
    fileName: `${slug(String(campaign.name)) || 'campagne'}-${day}${ARCHIVE_EXTENSION}`,
    bytes,
    campaignName: String(campaign.name),
    counts: manifest.counts,
    sha256: manifest.sha256,
  };
}

const planOptions = (now: Date) => ({
  newId: () => randomUUID(),
  newToken: () => randomToken(),
  now: now.toISOString(),
});

/** What importing the file would create and match; refuses a damaged, newer or foreign file. */
export async function previewCampaignArchive(
  store: Store,
  file: { name: string; bytes: Uint8Array },
): Promise<CampaignArchivePreview> {
  const archive = await decodeArchive(file.bytes, file.name);
  const wanted = wantedFor(archive);
  return planImport(archive, await lookupForArchive(store, wanted), planOptions(new Date())).preview;
}

/**
 * Imports the file in one transaction: everything or nothing. An archive whose campaign is
 * already here (imported before, or exported from this very instance) is refused.
 */
export async function importCampaignArchive(
  store: Store,
  file: { name: string; bytes: Uint8Array },
  options: { actor?: string | null; now?: Date } = {},
): Promise<CampaignArchiveImportResult> {
  const now = options.now ?? new Date();
  const archive = await decodeArchive(file.bytes, file.name);
  const wanted = wantedFor(archive);
  const result = await writeCampaignRows(store, wanted, (target) => {
    const plan = planImport(archive, target, planOptions(now));
    if (plan.preview.alreadyImported)
      throw new PanoramaError('campaign_archive_already_imported', plan.preview.alreadyImported);
    plan.rows.audit_log.push({
      id: randomUUID(),
      at: now.toISOString(),
      actor: options.actor ?? null,
      action: 'campaign.archive_import',
      target: plan.campaignId,
      details: JSON.stringify({
        identity: archive.manifest.campaign.identity,
        exportedAt: archive.manifest.createdAt,
      }),
    });
    return {
      rows: plan.rows,
      settings: plan.settings,
      result: { campaignId: plan.campaignId, name: plan.preview.campaign.name, preview: plan.preview },
    };
  });
  return result;
}
