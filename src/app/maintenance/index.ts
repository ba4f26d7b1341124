/** Maintenance use cases: backup, restore, SQLite → PostgreSQL, scheduled backups. */
export { backup, backupFileName, backupInputSchema, type BackupInput, type BackupResult } from './backup.js';
export { restore, restoreInputSchema, type RestoreInput, type RestoreResult } from './restore.js';
export { migrateToPostgres, type MigrateResult } from './migrate.js';
export { rotateBackups, startBackupSchedule, type BackupSchedule } from './schedule.js';
export { appVersion, currentSchemaVersion } from './version.js';
export { archiveManifestSchema, openArchive, verifyArchive, type ArchiveManifest } from './archive.js';
