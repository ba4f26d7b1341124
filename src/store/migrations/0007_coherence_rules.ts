import type { Kysely } from 'kysely';

// Portable DDL only (see 0001_initial.ts).
/* eslint-disable @typescript-eslint/no-explicit-any */

/** Coherence rules (src/coherence) attached to a campaign: one JSON rule set per campaign. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('campaign_coherence_rules')
    .addColumn('campaign_id', 'text', (c) => c.primaryKey().references('campaigns.id').onDelete('cascade'))
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('campaign_coherence_rules').execute();
}
