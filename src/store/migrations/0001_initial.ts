import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// Portable DDL only: text, integer, foreign keys, unique constraints and plain indexes behave the
// same on SQLite and PostgreSQL. The migration receives Kysely<any> on purpose: it must not depend
// on the current table types, which describe the schema after the LAST migration.
/* eslint-disable @typescript-eslint/no-explicit-any */

const sqlCheck = (condition: string) => sql.raw(condition);

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('territories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('code', 'text')
    .addColumn('parent_id', 'text', (c) => c.references('territories.id'))
    .execute();
  await db.schema.createIndex('territories_parent').on('territories').column('parent_id').execute();

  await db.schema
    .createTable('structures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text')
    .addColumn('address', 'text')
    .addColumn('commune_code', 'text')
    .addColumn('territory_id', 'text', (c) => c.references('territories.id'))
    .addColumn('qpv', 'integer')
    .addColumn('manager_type', 'text')
    .addColumn('attributes', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('structures_type', sqlCheck("type IS NULL OR type IN ('CS', 'EVS')"))
    .addCheckConstraint('structures_qpv', sqlCheck('qpv IS NULL OR qpv IN (0, 1)'))
    .execute();
  await db.schema.createIndex('structures_territory').on('structures').column('territory_id').execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addCheckConstraint('users_role', sqlCheck("role IN ('admin', 'correspondent', 'viewer')"))
    .execute();

  await db.schema
    .createTable('user_territories')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('territory_id', 'text', (c) => c.notNull().references('territories.id'))
    .addPrimaryKeyConstraint('user_territories_pk', ['user_id', 'territory_id'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
  await db.schema.createIndex('sessions_expires').on('sessions').column('expires_at').execute();

  await db.schema
    .createTable('surveys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('survey_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('survey_versions_number', ['survey_id', 'version'])
    .execute();

  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('survey_version_id', 'text', (c) => c.notNull().references('survey_versions.id'))
    .addColumn('opens_at', 'text', (c) => c.notNull())
    .addColumn('closes_at', 'text')
    .addColumn('population', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('public_token', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();

  await db.schema
    .createTable('invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('structure_id', 'text', (c) => c.references('structures.id'))
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('not_started'))
    .addColumn('email', 'text')
    .addColumn('last_reminded_at', 'text')
    .addColumn('reminder_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    // NULL structure ids (anonymous respondents) are distinct for UNIQUE on both dialects.
    .addUniqueConstraint('invitations_structure', ['campaign_id', 'structure_id'])
    .addCheckConstraint(
      'invitations_status',
      sqlCheck("status IN ('not_started', 'in_progress', 'submitted')"),
    )
    .execute();
  await db.schema.createIndex('invitations_structure_id').on('invitations').column('structure_id').execute();

  await db.schema
    .createTable('responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('invitation_id', 'text', (c) =>
      c.notNull().unique().references('invitations.id').onDelete('cascade'),
    )
    .addColumn('structure_id', 'text', (c) => c.references('structures.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('draft_updated_at', 'text')
    .addColumn('submitted_at', 'text')
    .addCheckConstraint('responses_status', sqlCheck("status IN ('draft', 'submitted')"))
    .execute();
  await db.schema
    .createIndex('responses_campaign')
    .on('responses')
    .columns(['campaign_id', 'status'])
    .execute();

  await db.schema
    .createTable('response_revisions')
    .addColumn('response_id', 'text', (c) => c.notNull().references('responses.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('submission_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('response_revisions_pk', ['response_id', 'revision'])
    .addUniqueConstraint('response_revisions_submission', ['response_id', 'submission_id'])
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'settings',
    'audit_log',
    'response_revisions',
    'responses',
    'invitations',
    'campaigns',
    'survey_versions',
    'surveys',
    'sessions',
    'user_territories',
    'users',
    'structures',
    'territories',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
