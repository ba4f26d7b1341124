import type { Kysely } from 'kysely';

// Portable DDL only (see 0001_initial.ts). One row per campaign that has publication settings.
/* eslint-disable @typescript-eslint/no-explicit-any */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('campaign_publications')
    .addColumn('campaign_id', 'text', (c) => c.primaryKey().references('campaigns.id').onDelete('cascade'))
    // JSON indicator file (docs/indicators.md), validated by the server before it is stored.
    .addColumn('indicators', 'text')
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    // Confidentiality threshold for public brochures; null = the publication engine's default.
    .addColumn('k', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('campaign_publications').execute();
}
