import type { Kysely } from 'kysely';

// Portable DDL only (see 0001_initial.ts).
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Campaign mail: the federation's texts per campaign (invitation and reminder), the scheduled
 * reminders, and the log of every message to a structure. The log's unique key (campaign, job,
 * structure) is what makes sending idempotent: a job claims a structure once, even after a restart.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('campaign_mail_settings')
    .addColumn('campaign_id', 'text', (c) => c.primaryKey().references('campaigns.id').onDelete('cascade'))
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema
    .createTable('mail_schedules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('days_before', 'integer', (c) => c.notNull())
    .addColumn('send_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('done_at', 'text')
    .addColumn('outcome', 'text')
    .execute();
  await db.schema
    .createIndex('mail_schedules_due')
    .on('mail_schedules')
    .columns(['done_at', 'send_at'])
    .execute();
  await db.schema
    .createTable('mail_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('structure_id', 'text', (c) => c.notNull())
    .addColumn('job', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addUniqueConstraint('mail_log_once', ['campaign_id', 'job', 'structure_id'])
    .execute();
  await db.schema
    .createIndex('mail_log_campaign')
    .on('mail_log')
    .columns(['campaign_id', 'structure_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mail_log').execute();
  await db.schema.dropTable('mail_schedules').execute();
  await db.schema.dropTable('campaign_mail_settings').execute();
}
