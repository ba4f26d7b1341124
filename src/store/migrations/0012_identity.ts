import type { Kysely } from 'kysely';

// Portable DDL only (see 0001_initial.ts).
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * The federation's identity: one row (id "federation") holding what an administrator set (name,
 * colours, contact, accessibility facts: JSON validated by src/app/identity), and the logo apart:
 * its checked file as base64 text (portable on both databases; at most 512 KB) and, for an SVG,
 * the PNG the Word and PDF covers use.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('federation_identity')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema
    .createTable('federation_logo')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('png', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('federation_logo').execute();
  await db.schema.dropTable('federation_identity').execute();
}
