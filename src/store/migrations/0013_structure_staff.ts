import type { Kysely } from 'kysely';

// Portable DDL only (see 0001_initial.ts).
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Accounts of a structure's staff (role "structure"): a row here makes an account a staff
 * account, acting for `structure_id`. The `users.role` CHECK of 0001 cannot be widened on SQLite
 * without rebuilding the table (whose drop would cascade to sessions and resets), so such an
 * account keeps the least-privileged stored role, 'viewer', and the repository reports it as
 * 'structure' whenever this row exists. Removing the structure (src/app/archive) empties
 * `structure_id` but keeps the row: the account stays a staff account that sees nothing.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('user_structures')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('structure_id', 'text', (c) => c.references('structures.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('user_structures_structure')
    .on('user_structures')
    .column('structure_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('user_structures').execute();
}
