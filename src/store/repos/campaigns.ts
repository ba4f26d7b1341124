import type { Selectable } from 'kysely';
import type { Campaign, CampaignRepository, PopulationFilter } from '../api.js';
import { StoreNotFoundError, StoreValidationError } from '../errors.js';
import type { CampaignsTable } from '../types.js';
import type { RepoContext } from './common.js';
import { mapConflict, newId, nowIso, parseJson, randomToken, requiredText, toIso } from './common.js';

function toCampaign(
  row: Omit<Selectable<CampaignsTable>, 'archived_at' | 'archived_by'> & { archived_at?: string | null },
): Campaign {
  return {
    id: row.id,
    name: row.name,
    surveyVersionId: row.survey_version_id,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    population: parseJson<PopulationFilter>(row.population),
    publicToken: row.public_token,
    createdAt: row.created_at,
    createdBy: row.created_by,
    ...(row.archived_at ? { archivedAt: row.archived_at } : {}),
  };
}

function checkDates(opensAt: string, closesAt: string | null) {
  if (closesAt !== null && closesAt <= opensAt) {
    throw new StoreValidationError(
      `the closing date (${closesAt}) must come after the opening date (${opensAt})`,
      [{ field: 'closesAt', value: closesAt, message: 'must be after opensAt' }],
    );
  }
}

export function campaignRepository({ db }: RepoContext): CampaignRepository {
  const repo: CampaignRepository = {
    async create(input, now = nowIso()) {
      now = toIso(now, 'now');
      const name = requiredText(input.name, 'campaign name', 'name');
      const version = await db
        .selectFrom('survey_versions')
        .select('id')
        .where('id', '=', input.surveyVersionId)
        .executeTakeFirst();
      if (!version) throw new StoreNotFoundError('survey version', input.surveyVersionId);
      const opensAt = toIso(input.opensAt, 'opensAt');
      const closesAt = input.closesAt ? toIso(input.closesAt, 'closesAt') : null;
      checkDates(opensAt, closesAt);
      const row = {
        id: input.id ?? newId(),
        name,
        survey_version_id: input.surveyVersionId,
        opens_at: opensAt,
        closes_at: closesAt,
        population: JSON.stringify(input.population ?? {}),
        public_token: input.publicLink ? randomToken() : null,
        created_at: now,
        created_by: input.createdBy ?? null,
      };
      await mapConflict(
        db.insertInto('campaigns').values(row).execute(),
        `campaign id "${row.id}" already exists`,
        'id',
      );
      return toCampaign(row);
    },

    async get(id) {
      const row = await db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toCampaign(row);
    },

    async list(options = {}) {
      let query = db.selectFrom('campaigns').selectAll();
      if (options.activeOnly) query = query.where('archived_at', 'is', null);
      const rows = await query.orderBy('opens_at', 'desc').orderBy('created_at', 'desc').execute();
      return rows.map(toCampaign);
    },

    async update(id, patch) {
      const current = await repo.get(id);
      if (!current) throw new StoreNotFoundError('campaign', id);
      const opensAt = patch.opensAt !== undefined ? toIso(patch.opensAt, 'opensAt') : current.opensAt;
      const closesAt =
        patch.closesAt === undefined
          ? current.closesAt
          : patch.closesAt
            ? toIso(patch.closesAt, 'closesAt')
            : null;
      checkDates(opensAt, closesAt);
      const name =
        patch.name === undefined ? current.name : requiredText(patch.name, 'campaign name', 'name');
      await db
        .updateTable('campaigns')
        .set({
          name,
          opens_at: opensAt,
          closes_at: closesAt,
          population: JSON.stringify(patch.population ?? current.population),
        })
        .where('id', '=', id)
        .execute();
      return (await repo.get(id))!;
    },

    async setPublicLink(id, enabled) {
      const current = await repo.get(id);
      if (!current) throw new StoreNotFoundError('campaign', id);
      if (enabled && current.publicToken) return current.publicToken;
      const token = enabled ? randomToken() : null;
      await db.updateTable('campaigns').set({ public_token: token }).where('id', '=', id).execute();
      return token;
    },

    async findByPublicToken(token) {
      if (!token) return undefined;
      const row = await db
        .selectFrom('campaigns')
        .selectAll()
        .where('public_token', '=', token)
        .executeTakeFirst();
      return row && toCampaign(row);
    },

    async delete(id) {
      await db.deleteFrom('campaigns').where('id', '=', id).execute();
    },

    isOpen(campaign, now = nowIso()) {
      const at = toIso(now, 'now');
      return campaign.opensAt <= at && (campaign.closesAt === null || at < campaign.closesAt);
    },
  };
  return repo;
}
