import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './0001_initial.js';
import * as publications from './0002_publications.js';
import * as responsesByCampaignId from './0003_responses_by_campaign_id.js';
import * as publicationSnapshots from './0004_publication_snapshots.js';
import * as accounts from './0005_accounts.js';
import * as solidarity from './0006_solidarity.js';
import * as coherenceRules from './0007_coherence_rules.js';
import * as review from './0008_review.js';
import * as mail from './0009_mail.js';
import * as archive from './0010_archive.js';
import * as privacy from './0011_privacy.js';
import * as identity from './0012_identity.js';
import * as structureStaff from './0013_structure_staff.js';

/**
 * Migrations are imported statically (no directory scan) so they work under tsx, in bundles and
 * from any working directory. Append new ones; never edit one that has shipped.
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_publications': publications,
  '0003_responses_by_campaign_id': responsesByCampaignId,
  '0004_publication_snapshots': publicationSnapshots,
  '0005_accounts': accounts,
  '0006_solidarity': solidarity,
  '0007_coherence_rules': coherenceRules,
  '0008_review': review,
  '0009_mail': mail,
  '0010_archive': archive,
  '0011_privacy': privacy,
  '0012_identity': identity,
  '0013_structure_staff': structureStaff,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
