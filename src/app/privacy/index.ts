export { privacyRegister, registerCsv } from './register.js';
export {
  lastPurge,
  outboxDirOf,
  purgeExpired,
  retentionDays,
  saveRetention,
  startRetentionScheduler,
  type PrivacyDeps,
} from './retention.js';
export { erasePerson, exportPerson, EXPORT_AUDIT_LIMIT } from './person.js';
export { auditLog } from './audit.js';
export { DEFAULT_RETENTION_DAYS } from './categories.js';
