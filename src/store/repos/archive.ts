import type { Kysely } from 'kysely';
import type {
  ArchiveKind,
  ArchiveRepository,
  CampaignUsage,
  DemoPlan,
  DemoRow,
  DemoSpared,
  StructureUsage,
} from '../api-archive.js';
import type { Database } from '../types.js';
import type { RepoContext } from './common.js';
import { chunk, inTransaction, toCount } from './common.js';

declare module '../types.js' {
  interface StructuresTable {
    /** When the structure was archived (it keeps its answers), or null. */
    archived_at?: string | null;
    archived_by?: string | null;
  }
  interface CampaignsTable {
    archived_at?: string | null;
    archived_by?: string | null;
  }
  interface Database {
    demo_rows: DemoRowsTable;
  }
}

export interface DemoRowsTable {
  kind: string;
  id: string;
  seeded_at: string;
}

/** Tables of the solidarity module that hold a structure's data (deleting it would erase them). */
const SOLIDARITY_TABLES = [
  'solidarity_places',
  'solidarity_services',
  'solidarity_households',
  'solidarity_support',
  'solidarity_resources',
] as const;

async function countWhere(
  db: Kysely<Database>,
  table: string,
  column: string,
  value: string,
): Promise<number> {
  const any = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const row = await any
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .where(column, '=', value)
    .executeTakeFirst();
  return toCount(row?.n);
}

async function responseCounts(db: Kysely<Database>, column: 'structure_id' | 'campaign_id', id: string) {
  const rows = await db.selectFrom('responses').select(['revision']).where(column, '=', id).execute();
  const submitted = rows.filter((r) => Number(r.revision) > 0).length;
  return { submitted, drafts: rows.length - submitted };
}

export function archiveRepository(ctx: RepoContext): ArchiveRepository {
  const { db } = ctx;

  async function structureUsage(id: string): Promise<StructureUsage> {
    let solidarity = 0;
    for (const table of SOLIDARITY_TABLES) solidarity += await countWhere(db, table, 'structure_id', id);
    return {
      ...(await responseCounts(db, 'structure_id', id)),
      invitations: await countWhere(db, 'invitations', 'structure_id', id),
      solidarity,
    };
  }

  async function campaignUsage(id: string): Promise<CampaignUsage> {
    return {
      ...(await responseCounts(db, 'campaign_id', id)),
      invitations: await countWhere(db, 'invitations', 'campaign_id', id),
    };
  }

  /** Was the campaign answered (draft or submission) after the demo was seeded? */
  async function answeredSince(campaignId: string, since: string): Promise<boolean> {
    const draft = await db
      .selectFrom('responses')
      .select('id')
      .where('campaign_id', '=', campaignId)
      .where('draft_updated_at', '>', since)
      .executeTakeFirst();
    if (draft) return true;
    const revision = await db
      .selectFrom('response_revisions')
      .innerJoin('responses', 'responses.id', 'response_revisions.response_id')
      .select('responses.id')
      .where('responses.campaign_id', '=', campaignId)
      .where('response_revisions.submitted_at', '>', since)
      .executeTakeFirst();
    return !!revision;
  }

  async function responseTouchedSince(responseId: string, since: string): Promise<boolean> {
    const draft = await db
      .selectFrom('responses')
      .select('id')
      .where('id', '=', responseId)
      .where('draft_updated_at', '>', since)
      .executeTakeFirst();
    const revision = await db
      .selectFrom('response_revisions')
      .select('response_id')
      .where('response_id', '=', responseId)
      .where('submitted_at', '>', since)
      .executeTakeFirst();
    return !!draft || !!revision;
  }

  async function nameOf(kind: ArchiveKind, id: string): Promise<string> {
    const table = kind === 'survey' ? 'surveys' : kind === 'territory' ? 'territories' : `${kind}s`;
    const column = kind === 'survey' ? 'title' : 'name';
    const any = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    const row = await any.selectFrom(table).select(column).where('id', '=', id).executeTakeFirst();
    return row ? String(row[column]) : id;
  }

  async function exists(kind: ArchiveKind, id: string): Promise<boolean> {
    const table = kind === 'survey' ? 'surveys' : kind === 'territory' ? 'territories' : `${kind}s`;
    return (await countWhere(db, table, 'id', id)) > 0;
  }

  const repo: ArchiveRepository = {
    structureUsage,
    campaignUsage,

    async territoryUsage(id) {
      return {
        structures: await countWhere(db, 'structures', 'territory_id', id),
        children: await countWhere(db, 'territories', 'parent_id', id),
        users: await countWhere(db, 'user_territories', 'territory_id', id),
      };
    },

    async surveyCampaigns(surveyId) {
      return db
        .selectFrom('campaigns')
        .innerJoin('survey_versions', 'survey_versions.id', 'campaigns.survey_version_id')
        .select(['campaigns.id', 'campaigns.name'])
        .where('survey_versions.survey_id', '=', surveyId)
        .orderBy('campaigns.name')
        .execute();
    },

    async setArchived(kind, id, archived) {
      const table = kind === 'structure' ? 'structures' : 'campaigns';
      const result = await db
        .updateTable(table)
        .set({ archived_at: archived?.at ?? null, archived_by: archived?.by ?? null })
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async deleteStructure(id) {
      await inTransaction(db, async (trx) => {
        await trx.deleteFrom('invitations').where('structure_id', '=', id).execute();
        await trx.deleteFrom('structures').where('id', '=', id).execute();
      });
    },

    async deleteSurvey(id) {
      await inTransaction(db, async (trx) => {
        await trx.deleteFrom('survey_versions').where('survey_id', '=', id).execute();
        await trx.deleteFrom('surveys').where('id', '=', id).execute();
      });
    },

    async markDemo(rows, seededAt) {
      for (const part of chunk(rows, 200)) {
        if (part.length === 0) continue;
        await db
          .insertInto('demo_rows')
          .values(part.map((r) => ({ kind: r.kind, id: r.id, seeded_at: seededAt })))
          .onConflict((oc) => oc.columns(['kind', 'id']).doNothing())
          .execute();
      }
    },

    async demoRows() {
      const rows = await db.selectFrom('demo_rows').selectAll().orderBy('kind').orderBy('id').execute();
      return rows.map((r): DemoRow => ({ kind: r.kind as ArchiveKind, id: r.id, seededAt: r.seeded_at }));
    },

    async demoPlan() {
      const marks = (await repo.demoRows()).filter((m) => m.kind);
      const plan: DemoPlan = {
        remove: { structure: [], territory: [], survey: [], campaign: [] },
        spare: [],
      };
      const spare = async (m: DemoRow, reason: DemoSpared['reason']) =>
        plan.spare.push({ kind: m.kind, id: m.id, name: await nameOf(m.kind, m.id), reason });
      const present: DemoRow[] = [];
      for (const m of marks) if (await exists(m.kind, m.id)) present.push(m);
      const of = (kind: ArchiveKind) => present.filter((m) => m.kind === kind);

      for (const m of of('campaign')) {
        if (await answeredSince(m.id, m.seededAt)) await spare(m, 'answered');
        else plan.remove.campaign.push(m.id);
      }
      const removedCampaigns = new Set(plan.remove.campaign);
      const demoCampaigns = new Set(of('campaign').map((m) => m.id));
      for (const m of of('survey')) {
        const users = await repo.surveyCampaigns(m.id);
        const newer = await db
          .selectFrom('survey_versions')
          .select('id')
          .where('survey_id', '=', m.id)
          .where('created_at', '>', m.seededAt)
          .executeTakeFirst();
        if (newer) await spare(m, 'edited');
        else if (users.some((c) => !removedCampaigns.has(c.id))) await spare(m, 'used');
        else plan.remove.survey.push(m.id);
      }
      for (const m of of('structure')) {
        const row = await db
          .selectFrom('structures')
          .select(['created_at', 'updated_at'])
          .where('id', '=', m.id)
          .executeTakeFirstOrThrow();
        const answers = await db
          .selectFrom('responses')
          .select(['id', 'campaign_id'])
          .where('structure_id', '=', m.id)
          .execute();
        // Demo answers in a campaign that stays go with the structure; a real answer keeps it.
        let answered = false;
        for (const r of answers) {
          if (removedCampaigns.has(r.campaign_id)) continue;
          if (!demoCampaigns.has(r.campaign_id) || (await responseTouchedSince(r.id, m.seededAt))) {
            answered = true;
            break;
          }
        }
        if (row.updated_at !== row.created_at) await spare(m, 'edited');
        else if (answered) await spare(m, 'answered');
        else if ((await structureUsage(m.id)).solidarity > 0) await spare(m, 'solidarity');
        else plan.remove.structure.push(m.id);
      }
      // Territories: removable when everything inside them goes too (leaves first, to a fixpoint).
      const removedStructures = new Set(plan.remove.structure);
      const candidates = new Set(of('territory').map((m) => m.id));
      const blocked = new Map<string, DemoSpared['reason']>();
      for (const id of candidates) {
        const inside = await db
          .selectFrom('structures')
          .select('id')
          .where('territory_id', '=', id)
          .execute();
        if (inside.some((s) => !removedStructures.has(s.id))) blocked.set(id, 'used');
        else if ((await countWhere(db, 'user_territories', 'territory_id', id)) > 0) blocked.set(id, 'users');
      }
      const children = await db.selectFrom('territories').select(['id', 'parent_id']).execute();
      for (let changed = true; changed;) {
        changed = false;
        for (const id of candidates) {
          if (blocked.has(id)) continue;
          const kept = children.some(
            (c) => c.parent_id === id && (!candidates.has(c.id) || blocked.has(c.id)),
          );
          if (kept) {
            blocked.set(id, 'used');
            changed = true;
          }
        }
      }
      for (const m of of('territory')) {
        const reason = blocked.get(m.id);
        if (reason) await spare(m, reason);
        else plan.remove.territory.push(m.id);
      }
      return plan;
    },

    async removeDemo(plan) {
      await inTransaction(db, async (trx) => {
        for (const part of chunk(plan.remove.campaign)) {
          if (part.length > 0) await trx.deleteFrom('campaigns').where('id', 'in', part).execute();
        }
        for (const part of chunk(plan.remove.structure)) {
          if (part.length === 0) continue;
          await trx.deleteFrom('invitations').where('structure_id', 'in', part).execute();
          await trx.deleteFrom('structures').where('id', 'in', part).execute();
        }
        for (const part of chunk(plan.remove.survey)) {
          if (part.length === 0) continue;
          await trx.deleteFrom('survey_versions').where('survey_id', 'in', part).execute();
          await trx.deleteFrom('surveys').where('id', 'in', part).execute();
        }
        // Leaves first: a territory goes once no remaining one points to it.
        let left = [...plan.remove.territory];
        while (left.length > 0) {
          const parents = new Set(
            (
              await trx.selectFrom('territories').select('parent_id').where('parent_id', 'in', left).execute()
            ).map((r) => r.parent_id),
          );
          const leaves = left.filter((id) => !parents.has(id));
          if (leaves.length === 0) break;
          await trx.deleteFrom('territories').where('id', 'in', leaves).execute();
          left = left.filter((id) => parents.has(id));
        }
        await trx.deleteFrom('demo_rows').execute();
      });
    },
  };
  return repo;
}
