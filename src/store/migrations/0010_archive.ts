import type { Kysely } from 'kysely';

// Portable DDL only (see 0001_initial.ts).
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Archiving and demo data. A structure or a campaign that holds answers is archived (archived_at
 * set), never erased: it leaves the lists, the public directory and new campaigns, while old
 * reports keep its answers. `demo_rows` names the rows `npm start` created as demo data, so that
 * "remove the demo data" removes those and nothing else (registry ids such as "CS59-001" could
 * as well be real ones). Databases seeded before this migration get their demo rows marked here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['structures', 'campaigns']) {
    await db.schema.alterTable(table).addColumn('archived_at', 'text').execute();
    await db.schema.alterTable(table).addColumn('archived_by', 'text').execute();
  }
  await db.schema
    .createTable('demo_rows')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('seeded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('demo_rows_pk', ['kind', 'id'])
    .execute();
  await markExistingDemo(db);
}

/** The demo seeded by an earlier Panorama: its territories are "demo-…", its campaigns by "demo". */
async function markExistingDemo(db: Kysely<any>): Promise<void> {
  const setting = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', 'demo')
    .executeTakeFirst();
  if (!setting) return;
  let seededAt: string;
  try {
    seededAt = String((JSON.parse(String(setting.value)) as { seededAt?: string }).seededAt ?? '');
  } catch {
    return;
  }
  if (!seededAt) return;
  const territories = await db.selectFrom('territories').select('id').where('id', 'like', 'demo-%').execute();
  const campaigns = await db
    .selectFrom('campaigns')
    .select(['id', 'survey_version_id'])
    .where('created_by', '=', 'demo')
    .execute();
  const versionIds = campaigns.map((c: any) => String(c.survey_version_id));
  const surveys =
    versionIds.length === 0
      ? []
      : await db.selectFrom('survey_versions').select('survey_id').where('id', 'in', versionIds).execute();
  const structures = await db
    .selectFrom('structures')
    .select('id')
    .where('territory_id', 'like', 'demo-t-%')
    .execute();
  const rows = [
    ...territories.map((r: any) => ({ kind: 'territory', id: String(r.id) })),
    ...campaigns.map((r: any) => ({ kind: 'campaign', id: String(r.id) })),
    ...[...new Set(surveys.map((r: any) => String(r.survey_id)))].map((id) => ({ kind: 'survey', id })),
    ...structures.map((r: any) => ({ kind: 'structure', id: String(r.id) })),
  ];
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('demo_rows')
      .values(rows.slice(i, i + 200).map((r) => ({ ...r, seeded_at: seededAt })))
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('demo_rows').execute();
  for (const table of ['structures', 'campaigns']) {
    await db.schema.alterTable(table).dropColumn('archived_by').execute();
    await db.schema.alterTable(table).dropColumn('archived_at').execute();
  }
}
