import type { CoherenceRuleRepository, StoredRuleSet } from '../api-coherence.js';
import { StoreNotFoundError } from '../errors.js';
import type { RepoContext } from './common.js';
import { nowIso, parseJson } from './common.js';

export interface CampaignCoherenceRulesTable {
  campaign_id: string;
  rules: string;
  updated_at: string;
  updated_by: string | null;
}

declare module '../types.js' {
  interface Database {
    campaign_coherence_rules: CampaignCoherenceRulesTable;
  }
}

function fromRow(row: CampaignCoherenceRulesTable): StoredRuleSet {
  return {
    campaignId: row.campaign_id,
    rules: parseJson<unknown>(row.rules),
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

export function coherenceRuleRepository({ db }: RepoContext): CoherenceRuleRepository {
  return {
    async get(campaignId) {
      const row = await db
        .selectFrom('campaign_coherence_rules')
        .selectAll()
        .where('campaign_id', '=', campaignId)
        .executeTakeFirst();
      return row ? fromRow(row) : undefined;
    },
    async set(campaignId, rules, updatedBy, now = nowIso()) {
      const campaign = await db
        .selectFrom('campaigns')
        .select('id')
        .where('id', '=', campaignId)
        .executeTakeFirst();
      if (!campaign) throw new StoreNotFoundError('campaign', campaignId);
      const row: CampaignCoherenceRulesTable = {
        campaign_id: campaignId,
        rules: JSON.stringify(rules),
        updated_at: now,
        updated_by: updatedBy,
      };
      await db
        .insertInto('campaign_coherence_rules')
        .values(row)
        .onConflict((oc) =>
          oc.column('campaign_id').doUpdateSet({ rules: row.rules, updated_at: now, updated_by: updatedBy }),
        )
        .execute();
      return fromRow(row);
    },
    async delete(campaignId) {
      const result = await db
        .deleteFrom('campaign_coherence_rules')
        .where('campaign_id', '=', campaignId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
