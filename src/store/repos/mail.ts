import type {
  MailClaim,
  MailLogEntry,
  MailRepository,
  MailSchedule,
  StoredMailSettings,
} from '../api-mail.js';
import { StoreConflictError, StoreNotFoundError } from '../errors.js';
import type { RepoContext } from './common.js';
import { inTransaction, newId, parseJson } from './common.js';

export interface CampaignMailSettingsTable {
  campaign_id: string;
  settings: string;
  updated_at: string;
  updated_by: string | null;
}

export interface MailSchedulesTable {
  id: string;
  campaign_id: string;
  days_before: number;
  send_at: string;
  created_at: string;
  created_by: string | null;
  done_at: string | null;
  outcome: string | null;
}

export interface MailLogTable {
  id: string;
  campaign_id: string;
  structure_id: string;
  job: string;
  kind: string;
  recipient: string;
  subject: string;
  status: string;
  detail: string | null;
  at: string;
}

declare module '../types.js' {
  interface Database {
    campaign_mail_settings: CampaignMailSettingsTable;
    mail_schedules: MailSchedulesTable;
    mail_log: MailLogTable;
  }
}

const toSchedule = (row: MailSchedulesTable): MailSchedule => ({
  id: row.id,
  campaignId: row.campaign_id,
  daysBefore: Number(row.days_before),
  sendAt: row.send_at,
  createdAt: row.created_at,
  createdBy: row.created_by,
  doneAt: row.done_at,
  outcome: row.outcome,
});

const toLog = (row: MailLogTable): MailLogEntry => ({
  id: row.id,
  campaignId: row.campaign_id,
  structureId: row.structure_id,
  job: row.job,
  kind: row.kind as MailLogEntry['kind'],
  recipient: row.recipient,
  subject: row.subject,
  status: row.status as MailLogEntry['status'],
  detail: row.detail,
  at: row.at,
});

/** A unique-key violation, however the driver words it (SQLite and PostgreSQL differ). */
function isUniqueViolation(err: unknown): boolean {
  if (err instanceof StoreConflictError) return true;
  const e = err as { code?: string; message?: string };
  return e?.code === '23505' || /UNIQUE constraint failed/i.test(e?.message ?? '');
}

export function mailRepository({ db }: RepoContext): MailRepository {
  const campaignExists = async (id: string) =>
    Boolean(await db.selectFrom('campaigns').select('id').where('id', '=', id).executeTakeFirst());
  return {
    async getSettings(campaignId) {
      const row = await db
        .selectFrom('campaign_mail_settings')
        .selectAll()
        .where('campaign_id', '=', campaignId)
        .executeTakeFirst();
      if (!row) return undefined;
      const stored: StoredMailSettings = {
        campaignId: row.campaign_id,
        settings: parseJson<unknown>(row.settings),
        updatedAt: row.updated_at,
        updatedBy: row.updated_by,
      };
      return stored;
    },
    async setSettings(campaignId, settings, updatedBy, now) {
      if (!(await campaignExists(campaignId))) throw new StoreNotFoundError('campaign', campaignId);
      const text = JSON.stringify(settings);
      await db
        .insertInto('campaign_mail_settings')
        .values({ campaign_id: campaignId, settings: text, updated_at: now, updated_by: updatedBy })
        .onConflict((oc) =>
          oc.column('campaign_id').doUpdateSet({ settings: text, updated_at: now, updated_by: updatedBy }),
        )
        .execute();
    },
    async listSchedules(campaignId) {
      const rows = await db
        .selectFrom('mail_schedules')
        .selectAll()
        .where('campaign_id', '=', campaignId)
        .orderBy('send_at')
        .orderBy('id')
        .execute();
      return rows.map(toSchedule);
    },
    async replacePendingSchedules(campaignId, schedules, createdBy, now) {
      if (!(await campaignExists(campaignId))) throw new StoreNotFoundError('campaign', campaignId);
      await inTransaction(db, async (trx) => {
        await trx
          .deleteFrom('mail_schedules')
          .where('campaign_id', '=', campaignId)
          .where('done_at', 'is', null)
          .execute();
        for (const s of schedules) {
          await trx
            .insertInto('mail_schedules')
            .values({
              id: newId(),
              campaign_id: campaignId,
              days_before: s.daysBefore,
              send_at: s.sendAt,
              created_at: now,
              created_by: createdBy,
              done_at: null,
              outcome: null,
            })
            .execute();
        }
      });
      return this.listSchedules(campaignId);
    },
    async dueSchedules(now) {
      const rows = await db
        .selectFrom('mail_schedules')
        .selectAll()
        .where('done_at', 'is', null)
        .where('send_at', '<=', now)
        .orderBy('send_at')
        .orderBy('id')
        .execute();
      return rows.map(toSchedule);
    },
    async finishSchedule(id, outcome, now) {
      const result = await db
        .updateTable('mail_schedules')
        .set({ done_at: now, outcome })
        .where('id', '=', id)
        .where('done_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async claim(entry: MailClaim) {
      const id = newId();
      try {
        await db
          .insertInto('mail_log')
          .values({
            id,
            campaign_id: entry.campaignId,
            structure_id: entry.structureId,
            job: entry.job,
            kind: entry.kind,
            recipient: entry.recipient,
            subject: entry.subject,
            status: 'pending',
            detail: null,
            at: entry.at,
          })
          .execute();
        return id;
      } catch (err) {
        if (isUniqueViolation(err)) return undefined;
        throw err;
      }
    },
    async settle(id, status, detail) {
      // A message that did not go frees its job's slot (the job name gets the entry's id) so that
      // a later attempt may send it, while the failure stays in the log.
      const row = await db.selectFrom('mail_log').select('job').where('id', '=', id).executeTakeFirst();
      if (!row) return;
      const job = status === 'sent' ? row.job : `${row.job}#${id}`;
      await db.updateTable('mail_log').set({ status, detail, job }).where('id', '=', id).execute();
    },
    async log(campaignId) {
      const rows = await db
        .selectFrom('mail_log')
        .selectAll()
        .where('campaign_id', '=', campaignId)
        .orderBy('at', 'desc')
        .orderBy('id')
        .execute();
      return rows.map(toLog);
    },
  };
}
