import type { Kysely } from 'kysely';

// Portable DDL only (see 0001_initial.ts).
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Published figures are frozen: publishing stores a snapshot of the (already protected) public
 * outputs of a closed campaign, and the public site reads it instead of recomputing from the
 * answers, so a later submission or edit cannot change (and so reveal) anything published.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('publication_snapshots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    // User id of the administrator who published (null for the command line).
    .addColumn('created_by', 'text')
    .addColumn('k', 'integer', (c) => c.notNull())
    .addColumn('responses', 'integer', (c) => c.notNull())
    // JSON: every public output of the campaign, confidentiality already applied.
    .addColumn('content', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('publication_snapshots_campaign')
    .on('publication_snapshots')
    .columns(['campaign_id', 'created_at'])
    .execute();
  // The snapshot the public site serves; null = nothing published yet.
  await db.schema.alterTable('campaign_publications').addColumn('snapshot_id', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('campaign_publications').dropColumn('snapshot_id').execute();
  await db.schema.dropTable('publication_snapshots').execute();
}
