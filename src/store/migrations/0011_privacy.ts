import type { Kysely } from 'kysely';

// Portable DDL only (see 0001_initial.ts).
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Personal data (src/app/privacy): the retention period the administrator chose per category of
 * personal data (a category without a row keeps Panorama's default), and the indexes the audit
 * log viewer pages through (newest first, by actor or by target).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('privacy_retention')
    .addColumn('category', 'text', (c) => c.primaryKey())
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema.createIndex('audit_log_at_id').on('audit_log').columns(['at', 'id']).execute();
  await db.schema.createIndex('audit_log_actor_at').on('audit_log').columns(['actor', 'at']).execute();
  await db.schema.createIndex('audit_log_target_at').on('audit_log').columns(['target', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_log_target_at').execute();
  await db.schema.dropIndex('audit_log_actor_at').execute();
  await db.schema.dropIndex('audit_log_at_id').execute();
  await db.schema.dropTable('privacy_retention').execute();
}
