/**
 * Copy engine: every table of a Panorama database read consistently in batches (dependency
 * order) and written into another database of either dialect in one transaction. See
 * docs/storage.md, "Sauvegarde et restauration".
 */
export {
  copyStore,
  knownMigrations,
  latestMigration,
  readSnapshot,
  schemaVersion,
  tableCounts,
  writeIntoStore,
  type CopyResult,
  type SnapshotReader,
  type TableShape,
  type TableWriter,
  type WriteOptions,
} from './copy.js';
export type { Row } from './rows.js';
export { yieldToEventLoop } from './rows.js';
export { isSqliteFile, openSqliteFile, snapshotSqlite } from './sqlite-file.js';
