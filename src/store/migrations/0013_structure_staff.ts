import type { Kysely } from 'kysely';

// Portable DDL only (see 0001_initial.ts).
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Accounts of a structure's staff (role "structure"): the one structure each such account acts
 * for. A row per account; removing the structure (src/app/archive) removes the link, and the
 * account then sees nothing.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('user_structures')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('structure_id', 'text', (c) => c.notNull().references('structures.id').onDelete('cascade'))
    .execute();
  await db.schema.createIndex('user_structures_structure').on('user_structures').column('structure_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('user_structures').execute();
}
