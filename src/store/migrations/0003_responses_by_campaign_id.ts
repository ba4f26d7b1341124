import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * `responses.listSubmitted` pages with `campaign_id = ? AND id > ? ORDER BY id`. With only the
 * (campaign_id, status) index, SQLite re-read and sorted the rest of the campaign for every page:
 * reading 100 k responses took 24 s instead of well under one (bench/report-db.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('responses_campaign_id')
    .on('responses')
    .columns(['campaign_id', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('responses_campaign_id').execute();
}
