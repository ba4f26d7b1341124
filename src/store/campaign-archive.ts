/**
 * The rows of ONE campaign, read consistently and written back all-or-nothing: what the campaign
 * archive (src/app/campaign-archive, docs/archive-format.md) is made of. Rows travel as stored
 * (snake_case columns, text/integers/nulls), so an archive is identical from either dialect; the
 * application layer remaps ids between reading and writing.
 */
import type { Store } from './api.js';
import { kyselyOf } from './inspect.js';
import type { AnyDb } from './copy/schema.js';
import { insertRows, yieldToEventLoop } from './copy/rows.js';

export type ArchiveRow = Record<string, string | number | null>;

/** The columns an archive carries for each table (format version 1), in insertion order. */
export const ARCHIVE_COLUMNS = {
  territories: ['id', 'name', 'level', 'code', 'parent_id'],
  structures: [
    'id',
    'name',
    'type',
    'address',
    'commune_code',
    'territory_id',
    'qpv',
    'manager_type',
    'attributes',
    'created_at',
    'updated_at',
    'archived_at',
    'archived_by',
  ],
  surveys: ['id', 'title', 'created_at'],
  survey_versions: ['id', 'survey_id', 'version', 'definition', 'created_at'],
  campaigns: [
    'id',
    'name',
    'survey_version_id',
    'opens_at',
    'closes_at',
    'population',
    'public_token',
    'created_at',
    'created_by',
    'archived_at',
    'archived_by',
  ],
  invitations: [
    'id',
    'campaign_id',
    'structure_id',
    'token',
    'status',
    'email',
    'last_reminded_at',
    'reminder_count',
    'created_at',
  ],
  responses: [
    'id',
    'campaign_id',
    'invitation_id',
    'structure_id',
    'status',
    'data',
    'revision',
    'draft_updated_at',
    'submitted_at',
  ],
  response_revisions: ['response_id', 'revision', 'data', 'submitted_at', 'submission_id'],
  response_reviews: [
    'response_id',
    'campaign_id',
    'status',
    'revision',
    'message',
    'questions',
    'updated_at',
    'updated_by',
  ],
  audit_log: ['id', 'at', 'actor', 'action', 'target', 'details'],
  campaign_coherence_rules: ['campaign_id', 'rules', 'updated_at', 'updated_by'],
  campaign_mail_settings: ['campaign_id', 'settings', 'updated_at', 'updated_by'],
  publication_snapshots: ['id', 'campaign_id', 'created_at', 'created_by', 'k', 'responses', 'content'],
  campaign_publications: ['campaign_id', 'indicators', 'published', 'k', 'updated_at', 'snapshot_id'],
} as const;

export type ArchiveTable = keyof typeof ARCHIVE_COLUMNS;
export type CampaignRows = { [T in ArchiveTable]: ArchiveRow[] };
/** Insertion order: every table after the tables its rows reference. */
export const ARCHIVE_TABLES = Object.keys(ARCHIVE_COLUMNS) as ArchiveTable[];

const PAGE = 500;

function pick(table: ArchiveTable, row: Record<string, unknown>): ArchiveRow {
  const out: ArchiveRow = {};
  for (const column of ARCHIVE_COLUMNS[table]) {
    const value = row[column];
    out[column] =
      value === undefined || value === null ? null : typeof value === 'number' ? value : String(value);
  }
  return out;
}

async function select(db: AnyDb, table: ArchiveTable, where: string, values: readonly string[]) {
  const out: ArchiveRow[] = [];
  for (let i = 0; i < values.length; i += PAGE) {
    const chunk = values.slice(i, i + PAGE);
    const rows = await db.selectFrom(table).selectAll().where(where, 'in', chunk).execute();
    for (const row of rows as Record<string, unknown>[]) out.push(pick(table, row));
    await yieldToEventLoop();
  }
  return out;
}

/** Rows of `table` whose `column` equals `value`, read in pages (a large campaign never blocks). */
async function selectPaged(db: AnyDb, table: ArchiveTable, column: string, value: string, key: string) {
  const out: ArchiveRow[] = [];
  let last: string | undefined;
  for (;;) {
    let query = db.selectFrom(table).selectAll().where(column, '=', value);
    if (last !== undefined) query = query.where(key, '>', last);
    const rows = (await query.orderBy(key).limit(PAGE).execute()) as Record<string, unknown>[];
    for (const row of rows) out.push(pick(table, row));
    if (rows.length < PAGE) return out;
    last = String(rows[rows.length - 1]![key]);
    await yieldToEventLoop();
  }
}

/** Territories with their ancestors, parents first. */
async function territoryClosure(db: AnyDb, ids: Iterable<string>): Promise<ArchiveRow[]> {
  const byId = new Map<string, ArchiveRow>();
  let wanted = [...new Set(ids)];
  while (wanted.length > 0) {
    const rows = await select(db, 'territories', 'id', wanted);
    for (const row of rows) byId.set(String(row.id), row);
    wanted = [
      ...new Set(
        rows.map((r) => r.parent_id).filter((p): p is string => typeof p === 'string' && !byId.has(p)),
      ),
    ];
  }
  const ordered: ArchiveRow[] = [];
  const placed = new Set<string>();
  const place = (row: ArchiveRow, depth: number) => {
    if (placed.has(String(row.id)) || depth > 64) return;
    const parent = typeof row.parent_id === 'string' ? byId.get(row.parent_id) : undefined;
    if (parent) place(parent, depth + 1);
    placed.add(String(row.id));
    ordered.push(row);
  };
  for (const row of [...byId.values()].sort((a, b) => String(a.id).localeCompare(String(b.id))))
    place(row, 0);
  return ordered;
}

export interface CampaignSnapshot {
  rows: CampaignRows;
  /** Names of the users the rows name (created_by, actors…), never their e-mail or password. */
  users: { id: string; name: string }[];
}

/**
 * Every row of one campaign and the registry it refers to, read in one transaction (repeatable
 * read on PostgreSQL): answers written meanwhile are either all in or all out. Undefined when the
 * campaign does not exist.
 */
export async function readCampaignRows(
  store: Store,
  campaignId: string,
): Promise<CampaignSnapshot | undefined> {
  const db = kyselyOf(store);
  let begin = db.transaction();
  if (store.dialect === 'postgres')
    begin = begin.setIsolationLevel('repeatable read').setAccessMode('read only');
  return begin.execute(async (trx) => {
    const any = trx as unknown as AnyDb;
    const campaigns = await select(any, 'campaigns', 'id', [campaignId]);
    const campaign = campaigns[0];
    if (!campaign) return undefined;
    const versions = await select(any, 'survey_versions', 'id', [String(campaign.survey_version_id)]);
    const surveys = await select(
      any,
      'surveys',
      'id',
      versions.map((v) => String(v.survey_id)),
    );
    const invitations = await selectPaged(any, 'invitations', 'campaign_id', campaignId, 'id');
    const responses = await selectPaged(any, 'responses', 'campaign_id', campaignId, 'id');
    const responseIds = responses.map((r) => String(r.id));
    const revisions = await select(any, 'response_revisions', 'response_id', responseIds);
    const reviews = await selectPaged(any, 'response_reviews', 'campaign_id', campaignId, 'response_id');
    const audit = await select(any, 'audit_log', 'target', [campaignId, ...responseIds]);
    const structureIds = new Set<string>();
    for (const row of [...invitations, ...responses])
      if (typeof row.structure_id === 'string') structureIds.add(row.structure_id);
    const structures = await select(any, 'structures', 'id', [...structureIds].sort());
    const territoryIds = new Set<string>();
    for (const s of structures) if (typeof s.territory_id === 'string') territoryIds.add(s.territory_id);
    try {
      const population = JSON.parse(String(campaign.population)) as { territoryIds?: unknown };
      if (Array.isArray(population.territoryIds))
        for (const id of population.territoryIds) if (typeof id === 'string') territoryIds.add(id);
    } catch {
      // A population that is not JSON names no territory.
    }
    const rows: CampaignRows = {
      territories: await territoryClosure(any, territoryIds),
      structures,
      surveys,
      survey_versions: versions,
      campaigns,
      invitations,
      responses,
      response_revisions: revisions.sort(
        (a, b) =>
          String(a.response_id).localeCompare(String(b.response_id)) ||
          Number(a.revision) - Number(b.revision),
      ),
      response_reviews: reviews,
      audit_log: audit.sort(
        (a, b) => String(a.at).localeCompare(String(b.at)) || String(a.id).localeCompare(String(b.id)),
      ),
      campaign_coherence_rules: await select(any, 'campaign_coherence_rules', 'campaign_id', [campaignId]),
      campaign_mail_settings: await select(any, 'campaign_mail_settings', 'campaign_id', [campaignId]),
      publication_snapshots: await selectPaged(any, 'publication_snapshots', 'campaign_id', campaignId, 'id'),
      campaign_publications: await select(any, 'campaign_publications', 'campaign_id', [campaignId]),
    };
    const actorIds = new Set<string>();
    for (const row of [...campaigns, ...rows.publication_snapshots])
      if (row.created_by) actorIds.add(String(row.created_by));
    for (const row of [...reviews, ...rows.campaign_coherence_rules, ...rows.campaign_mail_settings])
      if (row.updated_by) actorIds.add(String(row.updated_by));
    for (const row of audit) if (row.actor) actorIds.add(String(row.actor));
    const users = (await any
      .selectFrom('users')
      .select(['id', 'name'])
      .where('id', 'in', [...actorIds, ''])
      .execute()) as {
      id: string;
      name: string;
    }[];
    return { rows, users: users.map((u) => ({ id: String(u.id), name: String(u.name) })) };
  });
}

/** What the target already holds, for matching an archive's registry and questionnaire. */
export interface ArchiveLookup {
  /** Existing structures among the given registry ids (id → name). */
  structures: Map<string, string>;
  /** Existing territories by official code (code → id and name). */
  territoriesByCode: Map<string, { id: string; name: string }>;
  /** Existing territories among the given ids (id → name). */
  territoryIds: Map<string, string>;
  /** Existing users among the given ids. */
  userIds: Set<string>;
  /** Existing invitation tokens among the given ones. */
  tokens: Set<string>;
  /** Every stored questionnaire version: id and definition text. */
  versions: { id: string; definition: string }[];
  /** The value stored under the settings key, when there is one. */
  marker: string | undefined;
  /** Existing campaigns among the given ids and the one the marker names (id → name). */
  campaigns: Map<string, string>;
}

export interface ArchiveWanted {
  structureIds: string[];
  territoryCodes: string[];
  territoryIds: string[];
  userIds: string[];
  tokens: string[];
  campaignIds: string[];
  /** settings key whose JSON value `{ campaignId }` names an earlier import. */
  markerKey: string;
}

export async function lookupForArchive(store: Store, wanted: ArchiveWanted): Promise<ArchiveLookup> {
  return lookup(kyselyOf(store), wanted);
}

async function lookup(db: AnyDb, wanted: ArchiveWanted): Promise<ArchiveLookup> {
  const ids = async (table: string, column: string, values: string[], extra: string[] = []) => {
    const out: Record<string, unknown>[] = [];
    for (let i = 0; i < values.length; i += PAGE) {
      const chunk = values.slice(i, i + PAGE);
      out.push(
        ...((await db
          .selectFrom(table)
          .select([column, ...extra])
          .where(column, 'in', chunk)
          .execute()) as Record<string, unknown>[]),
      );
    }
    return out;
  };
  const structures = await ids('structures', 'id', wanted.structureIds, ['name']);
  const territories = await ids('territories', 'code', wanted.territoryCodes, ['id', 'name']);
  const territoryIds = await ids('territories', 'id', wanted.territoryIds, ['name']);
  const users = await ids('users', 'id', wanted.userIds);
  const tokens = await ids('invitations', 'token', wanted.tokens);
  const versions = (await db
    .selectFrom('survey_versions')
    .select(['id', 'definition'])
    .orderBy('id')
    .execute()) as {
    id: string;
    definition: string;
  }[];
  const marker = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', wanted.markerKey)
    .executeTakeFirst();
  const campaignIds = [...wanted.campaignIds];
  try {
    const named = marker
      ? (JSON.parse(String(marker.value)) as { campaignId?: unknown }).campaignId
      : undefined;
    if (typeof named === 'string') campaignIds.push(named);
  } catch {
    // An unreadable marker names no campaign.
  }
  const campaigns = await ids('campaigns', 'id', campaignIds, ['name']);
  const byCode = new Map<string, { id: string; name: string }>();
  for (const t of territories)
    if (!byCode.has(String(t.code))) byCode.set(String(t.code), { id: String(t.id), name: String(t.name) });
  return {
    structures: new Map(structures.map((s) => [String(s.id), String(s.name)])),
    territoriesByCode: byCode,
    territoryIds: new Map(territoryIds.map((t) => [String(t.id), String(t.name)])),
    userIds: new Set(users.map((u) => String(u.id))),
    tokens: new Set(tokens.map((t) => String(t.token))),
    versions: versions.map((v) => ({ id: String(v.id), definition: String(v.definition) })),
    marker: marker ? String(marker.value) : undefined,
    campaigns: new Map(campaigns.map((c) => [String(c.id), String(c.name)])),
  };
}

/**
 * Writes the rows in one transaction. `plan` runs first inside it, on a fresh lookup of the
 * target (so two imports of the same archive at once cannot both pass the duplicate check), and
 * returns the rows to insert and the settings entries to add; throwing from it writes nothing.
 */
export async function writeCampaignRows<T>(
  store: Store,
  wanted: ArchiveWanted,
  plan: (target: ArchiveLookup) => {
    rows: CampaignRows;
    settings: { key: string; value: string }[];
    result: T;
  },
): Promise<T> {
  const db = kyselyOf(store);
  return db.transaction().execute(async (trx) => {
    const any = trx as unknown as AnyDb;
    const { rows, settings, result } = plan(await lookup(any, wanted));
    for (const table of ARCHIVE_TABLES) {
      const columns = [...ARCHIVE_COLUMNS[table]];
      const values = rows[table].map((row) => columns.map((c) => row[c] ?? null));
      if (values.length > 0) await insertRows(any, table, columns, values);
    }
    for (const entry of settings) {
      await trx.deleteFrom('settings').where('key', '=', entry.key).execute();
      await trx.insertInto('settings').values(entry).execute();
    }
    return result;
  });
}
