import type { Kysely, Selectable } from 'kysely';
import type { Invitation, InvitationRepository, InvitationStatus } from '../api.js';
import { StoreNotFoundError, StoreValidationError } from '../errors.js';
import type { Database, InvitationsTable } from '../types.js';
import type { RepoContext } from './common.js';
import { chunk, inTransaction, newId, nowIso, randomToken, toCount, toIso } from './common.js';

export const INVITATION_STATUSES: readonly InvitationStatus[] = ['not_started', 'in_progress', 'submitted'];

export function toInvitation(row: Selectable<InvitationsTable>): Invitation {
  return {
    id: row.id,
    campaignId: row.campaign_id,
    structureId: row.structure_id,
    token: row.token,
    status: row.status as InvitationStatus,
    email: row.email,
    lastRemindedAt: row.last_reminded_at,
    reminderCount: Number(row.reminder_count),
    createdAt: row.created_at,
  };
}

/** A fresh invitation: its own secret token, nothing answered, never reminded. */
function newInvitationRow(
  campaignId: string,
  structureId: string | null,
  now: string,
): Selectable<InvitationsTable> {
  return {
    id: newId(),
    campaign_id: campaignId,
    structure_id: structureId,
    token: randomToken(),
    status: 'not_started',
    email: null,
    last_reminded_at: null,
    reminder_count: 0,
    created_at: now,
  };
}

async function assertCampaignExists(db: Kysely<Database>, campaignId: string): Promise<void> {
  const campaign = await db
    .selectFrom('campaigns')
    .select('id')
    .where('id', '=', campaignId)
    .executeTakeFirst();
  if (!campaign) throw new StoreNotFoundError('campaign', campaignId);
}

export function invitationRepository({ db }: RepoContext): InvitationRepository {
  const repo: InvitationRepository = {
    async createForPopulation(campaignId, structureIds, now = nowIso()) {
      now = toIso(now, 'now');
      const wanted = [...new Set(structureIds)];
      return inTransaction(db, async (trx) => {
        await assertCampaignExists(trx, campaignId);
        const knownStructures = new Set<string>();
        const invited = new Set<string>();
        for (const part of chunk(wanted)) {
          for (const r of await trx.selectFrom('structures').select('id').where('id', 'in', part).execute()) {
            knownStructures.add(r.id);
          }
          const rows = await trx
            .selectFrom('invitations')
            .select('structure_id')
            .where('campaign_id', '=', campaignId)
            .where('structure_id', 'in', part)
            .execute();
          for (const r of rows) if (r.structure_id !== null) invited.add(r.structure_id);
        }
        const unknown = wanted.filter((id) => !knownStructures.has(id));
        if (unknown.length > 0) {
          throw new StoreValidationError(
            `unknown structures: ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ' …' : ''}`,
            unknown.map((id) => ({ id, field: 'structureId', value: id, message: 'unknown structure' })),
          );
        }
        const fresh = wanted.filter((id) => !invited.has(id));
        let created = 0;
        for (const part of chunk(fresh, 200)) {
          const inserted = await trx
            .insertInto('invitations')
            .values(part.map((structureId) => newInvitationRow(campaignId, structureId, now)))
            // A concurrent call may have invited the same structure meanwhile: keep its invitation.
            .onConflict((oc) => oc.columns(['campaign_id', 'structure_id']).doNothing())
            .returning('id')
            .execute();
          created += inserted.length;
        }
        return { created, existing: wanted.length - created };
      });
    },

    async createAnonymous(campaignId, now = nowIso()) {
      now = toIso(now, 'now');
      await assertCampaignExists(db, campaignId);
      const row = newInvitationRow(campaignId, null, now);
      await db.insertInto('invitations').values(row).execute();
      return toInvitation(row);
    },

    async get(id) {
      const row = await db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toInvitation(row);
    },

    async findByToken(token) {
      if (!token) return undefined;
      const row = await db
        .selectFrom('invitations')
        .selectAll()
        .where('token', '=', token)
        .executeTakeFirst();
      return row && toInvitation(row);
    },

    async findForStructure(campaignId, structureId) {
      const row = await db
        .selectFrom('invitations')
        .selectAll()
        .where('campaign_id', '=', campaignId)
        .where('structure_id', '=', structureId)
        .executeTakeFirst();
      return row && toInvitation(row);
    },

    async list(campaignId, options = {}) {
      let query = db.selectFrom('invitations').selectAll().where('campaign_id', '=', campaignId);
      if (options.status) {
        if (options.status.length === 0) return [];
        query = query.where('status', 'in', options.status);
      }
      let rows = await query.orderBy('structure_id').orderBy('created_at').execute();
      if (options.structureIds) {
        const wanted = new Set(options.structureIds);
        rows = rows.filter((r) => r.structure_id !== null && wanted.has(r.structure_id));
      }
      return rows.map(toInvitation);
    },

    async setEmail(id, email) {
      const result = await db
        .updateTable('invitations')
        .set({ email })
        .where('id', '=', id)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new StoreNotFoundError('invitation', id);
    },

    async markReminded(ids, now = nowIso()) {
      const at = toIso(now, 'now');
      await inTransaction(db, async (trx) => {
        for (const part of chunk([...new Set(ids)])) {
          await trx
            .updateTable('invitations')
            .set((eb) => ({ last_reminded_at: at, reminder_count: eb('reminder_count', '+', 1) }))
            .where('id', 'in', part)
            .execute();
        }
      });
    },

    async countByStatus(campaignId, options = {}) {
      const counts: Record<InvitationStatus, number> = { not_started: 0, in_progress: 0, submitted: 0 };
      if (options.structureIds) {
        for (const invitation of await repo.list(campaignId, { structureIds: options.structureIds })) {
          counts[invitation.status] += 1;
        }
        return counts;
      }
      const rows = await db
        .selectFrom('invitations')
        .select(['status', (eb) => eb.fn.countAll().as('n')])
        .where('campaign_id', '=', campaignId)
        .where('structure_id', 'is not', null)
        .groupBy('status')
        .execute();
      for (const row of rows) counts[row.status as InvitationStatus] = toCount(row.n);
      return counts;
    },
  };
  return repo;
}
