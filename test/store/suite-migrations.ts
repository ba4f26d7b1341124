/**
 * Schema upgrades commit whole or not at all (issue 16, item 4), on each dialect: a migration
 * that fails after creating a table and writing a row leaves neither behind, nor a record of
 * having run, so the next start retries it on an intact database.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import { migrationProvider } from '../../src/store/migrations/index.js';
import { kyselyOf } from '../../src/store/inspect.js';
import type { SuiteContext } from './suite.js';

const FAILING = '9990_test_half_done';

function withFailingMigration(): { getMigrations(): Promise<Record<string, Migration>> } {
  return {
    async getMigrations() {
      const real = await migrationProvider.getMigrations();
      const failing: Migration = {
        async up(db: Kysely<unknown>) {
          await db.schema.createTable('migration_probe').addColumn('id', 'text').execute();
          await sql`INSERT INTO migration_probe (id) VALUES ('written before the failure')`.execute(db);
          await sql`ALTER TABLE table_that_does_not_exist ADD COLUMN x text`.execute(db);
        },
      };
      return { ...real, [FAILING]: failing };
    },
  };
}

export function migrationTests(ctx: SuiteContext): void {
  describe('migrations', () => {
    it('a migration failing halfway leaves no table, no row and no record behind', async () => {
      const db = kyselyOf(ctx.store);
      const { error, results } = await new Migrator({
        db,
        provider: withFailingMigration(),
      }).migrateToLatest();
      assert.ok(error, 'the failing migration must report its error');
      assert.equal(results?.find((r) => r.status === 'Error')?.migrationName, FAILING);
      await assert.rejects(
        sql`SELECT id FROM migration_probe`.execute(db),
        'the table created before the failure must be rolled back',
      );
      const { rows } = await sql<{ name: string }>`
        SELECT name FROM kysely_migration WHERE name = ${FAILING}`.execute(db);
      assert.deepEqual(rows, []);
      // The database still opens and migrates normally afterwards.
      await ctx.reopen();
      await ctx.store.ping();
    });
  });
}
