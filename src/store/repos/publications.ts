import type { CampaignPublication, PublicationRepository, SnapshotInfo } from '../api.js';
import { StoreNotFoundError } from '../errors.js';
import type { CampaignPublicationsTable, PublicationSnapshotsTable } from '../types.js';
import type { RepoContext } from './common.js';
import { fromDbBool, inTransaction, newId, nowIso, parseJson, toDbBool, toIso } from './common.js';

function fromRow(row: CampaignPublicationsTable): CampaignPublication {
  return {
    campaignId: row.campaign_id,
    indicators: row.indicators === null ? null : parseJson<unknown>(row.indicators),
    published: fromDbBool(row.published),
    k: row.k === null ? null : Number(row.k),
    updatedAt: row.updated_at,
    snapshotId: row.snapshot_id ?? null,
  };
}

function infoOf(row: Omit<PublicationSnapshotsTable, 'content'>): SnapshotInfo {
  return {
    id: row.id,
    campaignId: row.campaign_id,
    createdAt: row.created_at,
    createdBy: row.created_by,
    k: Number(row.k),
    responses: Number(row.responses),
  };
}

const INFO_COLUMNS = ['id', 'campaign_id', 'created_at', 'created_by', 'k', 'responses'] as const;

export function publicationRepository({ db }: RepoContext): PublicationRepository {
  async function get(campaignId: string) {
    const row = await db
      .selectFrom('campaign_publications')
      .selectAll()
      .where('campaign_id', '=', campaignId)
      .executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  async function upsert(
    campaignId: string,
    patch: Partial<CampaignPublicationsTable>,
    now: string,
    executor = db,
  ) {
    const campaign = await executor
      .selectFrom('campaigns')
      .select('id')
      .where('id', '=', campaignId)
      .executeTakeFirst();
    if (!campaign) throw new StoreNotFoundError('campaign', campaignId);
    const existing = await executor
      .selectFrom('campaign_publications')
      .select('campaign_id')
      .where('campaign_id', '=', campaignId)
      .executeTakeFirst();
    if (existing) {
      await executor
        .updateTable('campaign_publications')
        .set({ ...patch, updated_at: now })
        .where('campaign_id', '=', campaignId)
        .execute();
    } else {
      await executor
        .insertInto('campaign_publications')
        .values({
          campaign_id: campaignId,
          indicators: null,
          published: 0,
          k: null,
          snapshot_id: null,
          ...patch,
          updated_at: now,
        })
        .execute();
    }
  }

  return {
    get,
    async setIndicators(campaignId, indicators, k = null, now = nowIso()) {
      await upsert(campaignId, { indicators: JSON.stringify(indicators), k }, toIso(now, 'now'));
      return (await get(campaignId))!;
    },
    async setPublished(campaignId, published, now = nowIso()) {
      await upsert(campaignId, { published: toDbBool(published) }, toIso(now, 'now'));
      return (await get(campaignId))!;
    },
    async listPublished() {
      const rows = await db
        .selectFrom('campaign_publications')
        .selectAll()
        .where('published', '=', 1)
        .execute();
      return rows.map(fromRow);
    },
    async saveSnapshot(input, now = nowIso()) {
      const at = toIso(now, 'now');
      const row: PublicationSnapshotsTable = {
        id: newId(),
        campaign_id: input.campaignId,
        created_at: at,
        created_by: input.createdBy,
        k: input.k,
        responses: input.responses,
        content: JSON.stringify(input.content),
      };
      await inTransaction(db, async (trx) => {
        await upsert(input.campaignId, {}, at, trx);
        await trx.insertInto('publication_snapshots').values(row).execute();
        await trx
          .updateTable('campaign_publications')
          .set({ snapshot_id: row.id, published: 1 })
          .where('campaign_id', '=', input.campaignId)
          .execute();
      });
      return infoOf(row);
    },
    async getSnapshot(id) {
      const row = await db
        .selectFrom('publication_snapshots')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? { ...infoOf(row), content: parseJson<unknown>(row.content) } : undefined;
    },
    async listSnapshots(campaignId) {
      const rows = await db
        .selectFrom('publication_snapshots')
        .select([...INFO_COLUMNS])
        .where('campaign_id', '=', campaignId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(infoOf);
    },
  };
}
