import type { Kysely } from 'kysely';

// Portable DDL only (see 0001_initial.ts).
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Review of submitted answers by correspondents (src/app/review): one current review state per
 * response. A submitted response without a row is "to check". The history (who, when, what) is
 * in audit_log, targeted at the response id.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('response_reviews')
    .addColumn('response_id', 'text', (c) => c.primaryKey().references('responses.id').onDelete('cascade'))
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    // to_check | validated | correction_requested | corrected
    .addColumn('status', 'text', (c) => c.notNull())
    // The submitted revision the status was decided on (or that brought the response back).
    .addColumn('revision', 'integer', (c) => c.notNull())
    // The correspondent's message and the questions it names (JSON list), while a correction is asked.
    .addColumn('message', 'text')
    .addColumn('questions', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema
    .createIndex('response_reviews_campaign_status')
    .on('response_reviews')
    .columns(['campaign_id', 'status'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('response_reviews').execute();
}
