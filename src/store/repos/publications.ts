import type { CampaignPublication, PublicationRepository } from '../api.js';
import { StoreNotFoundError } from '../errors.js';
import type { CampaignPublicationsTable } from '../types.js';
import type { RepoContext } from './common.js';
import { fromDbBool, nowIso, parseJson, toDbBool, toIso } from './common.js';

function fromRow(row: CampaignPublicationsTable): CampaignPublication {
  return {
    campaignId: row.campaign_id,
    indicators: row.indicators === null ? null : parseJson<unknown>(row.indicators),
    published: fromDbBool(row.published),
    k: row.k === null ? null : Number(row.k),
    updatedAt: row.updated_at,
  };
}

export function publicationRepository({ db }: RepoContext): PublicationRepository {
  async function get(campaignId: string) {
    const row = await db
      .selectFrom('campaign_publications')
      .selectAll()
      .where('campaign_id', '=', campaignId)
      .executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  async function upsert(campaignId: string, patch: Partial<CampaignPublicationsTable>, now: string) {
    const campaign = await db
      .selectFrom('campaigns')
      .select('id')
      .where('id', '=', campaignId)
      .executeTakeFirst();
    if (!campaign) throw new StoreNotFoundError('campaign', campaignId);
    const existing = await get(campaignId);
    if (existing) {
      await db
        .updateTable('campaign_publications')
        .set({ ...patch, updated_at: now })
        .where('campaign_id', '=', campaignId)
        .execute();
    } else {
      await db
        .insertInto('campaign_publications')
        .values({
          campaign_id: campaignId,
          indicators: null,
          published: 0,
          k: null,
          ...patch,
          updated_at: now,
        })
        .execute();
    }
    return (await get(campaignId))!;
  }

  return {
    get,
    setIndicators(campaignId, indicators, k = null, now = nowIso()) {
      return upsert(campaignId, { indicators: JSON.stringify(indicators), k }, toIso(now, 'now'));
    },
    setPublished(campaignId, published, now = nowIso()) {
      return upsert(campaignId, { published: toDbBool(published) }, toIso(now, 'now'));
    },
    async listPublished() {
      const rows = await db
        .selectFrom('campaign_publications')
        .selectAll()
        .where('published', '=', 1)
        .execute();
      return rows.map(fromRow);
    },
  };
}
