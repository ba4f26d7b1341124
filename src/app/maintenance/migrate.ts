/**
 * `panorama migrate-to postgres://…`: copies the embedded SQLite database into an empty
 * PostgreSQL database (every table, one transaction), then checks every table's row count on
 * both sides and every campaign's report (verify-reports.ts).
 */
import { PanoramaError } from '../../contract/errors/index.js';
import type { Store } from '../../store/index.js';
import { copyStore, tableCounts } from '../../store/copy/index.js';
import { verifyReportsEqual } from './verify-reports.js';

export interface MigrateResult {
  schemaVersion: string | null;
  counts: Record<string, number>;
  /** Campaigns whose report was computed on both sides and found equal. */
  reportsCompared: number;
}

export async function migrateToPostgres(
  source: Store,
  target: Store,
  options: { target: string; batchSize?: number; onTable?: (table: string, rows: number) => void },
): Promise<MigrateResult> {
  if (source.dialect !== 'sqlite') throw new PanoramaError('migrate_source_not_sqlite');
  if (target.dialect !== 'postgres')
    throw new PanoramaError('migrate_needs_postgres', { url: options.target });
  await source.migrate();
  const result = await copyStore(source, target, {
    target: options.target,
    notEmptyError: 'migrate_target_not_empty',
    batchSize: options.batchSize,
    onTable: options.onTable,
  });
  // Checked again from fresh connections on both sides, after the commit.
  const [left, right] = await Promise.all([tableCounts(source), tableCounts(target)]);
  for (const [table, expected] of Object.entries(left)) {
    if ((right[table] ?? 0) !== expected) {
      throw new PanoramaError('backup_count_mismatch', { table, expected, actual: right[table] ?? 0 });
    }
  }
  const reportsCompared = await verifyReportsEqual(source, target);
  return { schemaVersion: result.version, counts: result.counts, reportsCompared };
}
