import type { Kysely } from 'kysely';

// Portable DDL only (see 0001_initial.ts).
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Accounts: a temporary password set by an administrator must be changed at the next sign-in
 * (`must_change_password`), and reset links are single-use rows keyed by the token's hash.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('password_resets')
    // sha256 (hex) of the token e-mailed: a database leak does not leak usable links.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('password_resets_user').on('password_resets').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('password_resets').execute();
  await db.schema.alterTable('users').dropColumn('must_change_password').execute();
}
