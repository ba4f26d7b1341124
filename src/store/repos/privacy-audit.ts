/**
 * The audit log viewer's query: newest first, keyset-paged on (at, id) through the audit_log
 * indexes of migration 0011, filtered by user (actor or target), campaign or structure (the
 * entry's target, or a response of it), date range and action. Names of the actors and targets of
 * one page are read in a handful of IN queries.
 */
import type { Kysely } from 'kysely';
import type { AuditEntry } from '../api-accounts.js';
import type { Database } from '../types.js';
import { parseJson } from './common.js';

export interface AuditPageFilter {
  /** A user id: entries this user did or that are about this user. */
  user?: string;
  campaignId?: string;
  structureId?: string;
  /** Inclusive lower bound (ISO instant). */
  from?: string;
  /** Exclusive upper bound (ISO instant). */
  to?: string;
  /** An action ("login") or a family of actions ("campaign." matches "campaign.create"…). */
  action?: string;
  /** The last entry of the previous page. */
  after?: { at: string; id: string };
  limit: number;
}

export type TargetKind = 'user' | 'campaign' | 'structure' | 'response' | 'territory' | 'survey';

export interface AuditPageEntry extends AuditEntry {
  actorName: string | null;
  targetKind: TargetKind | null;
  targetName: string | null;
  /** For a response: its campaign and structure. */
  campaignId: string | null;
  structureId: string | null;
}

export interface AuditPage {
  entries: AuditPageEntry[];
  /** Present when older entries remain. */
  next: { at: string; id: string } | undefined;
}

export async function auditPage(db: Kysely<Database>, filter: AuditPageFilter): Promise<AuditPage> {
  let query = db.selectFrom('audit_log').selectAll();
  if (filter.user !== undefined) {
    const user = filter.user;
    query = query.where((eb) => eb.or([eb('actor', '=', user), eb('target', '=', user)]));
  }
  for (const [id, column] of [
    [filter.campaignId, 'campaign_id'],
    [filter.structureId, 'structure_id'],
  ] as const) {
    if (id === undefined) continue;
    const responses = db.selectFrom('responses').select('id').where(column, '=', id);
    query = query.where((eb) => eb.or([eb('target', '=', id), eb('target', 'in', responses)]));
  }
  if (filter.from !== undefined) query = query.where('at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('at', '<', filter.to);
  if (filter.action !== undefined) {
    const action = filter.action;
    query = action.endsWith('.')
      ? query.where((eb) => eb(eb.fn('substr', ['action', eb.val(1), eb.val(action.length)]), '=', action))
      : query.where('action', '=', action);
  }
  if (filter.after) {
    const { at, id } = filter.after;
    query = query.where((eb) => eb.or([eb('at', '<', at), eb.and([eb('at', '=', at), eb('id', '<', id)])]));
  }
  const rows = await query
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
    .execute();
  const page = rows.slice(0, filter.limit);
  const last = page[page.length - 1];
  const entries = await label(
    db,
    page.map((r): AuditEntry => ({ ...r, details: parseJson<unknown>(r.details) })),
  );
  return { entries, next: rows.length > filter.limit && last ? { at: last.at, id: last.id } : undefined };
}

async function label(db: Kysely<Database>, entries: AuditEntry[]): Promise<AuditPageEntry[]> {
  const ids = [...new Set(entries.flatMap((e) => [e.actor, e.target]).filter((v): v is string => !!v))];
  if (ids.length === 0)
    return entries.map((e) => ({
      ...e,
      actorName: null,
      targetKind: null,
      targetName: null,
      campaignId: null,
      structureId: null,
    }));
  const users = await db.selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', ids).execute();
  const campaigns = await db.selectFrom('campaigns').select(['id', 'name']).where('id', 'in', ids).execute();
  const structures = await db
    .selectFrom('structures')
    .select(['id', 'name'])
    .where('id', 'in', ids)
    .execute();
  const territories = await db
    .selectFrom('territories')
    .select(['id', 'name'])
    .where('id', 'in', ids)
    .execute();
  const surveys = await db.selectFrom('surveys').select(['id', 'title']).where('id', 'in', ids).execute();
  const responses = await db
    .selectFrom('responses')
    .innerJoin('campaigns', 'campaigns.id', 'responses.campaign_id')
    .leftJoin('structures', 'structures.id', 'responses.structure_id')
    .select([
      'responses.id as id',
      'responses.campaign_id as campaignId',
      'responses.structure_id as structureId',
      'campaigns.name as campaign',
      'structures.name as structure',
    ])
    .where('responses.id', 'in', ids)
    .execute();
  const names = new Map<
    string,
    { kind: TargetKind; name: string; campaignId?: string; structureId?: string | null }
  >();
  for (const u of users) names.set(u.id, { kind: 'user', name: `${u.name} <${u.email}>` });
  for (const c of campaigns) names.set(c.id, { kind: 'campaign', name: c.name, campaignId: c.id });
  for (const s of structures) names.set(s.id, { kind: 'structure', name: s.name, structureId: s.id });
  for (const t of territories) names.set(t.id, { kind: 'territory', name: t.name });
  for (const s of surveys) names.set(s.id, { kind: 'survey', name: s.title });
  for (const r of responses)
    names.set(r.id, {
      kind: 'response',
      name: `${r.structure ?? r.structureId ?? '—'} · ${r.campaign}`,
      campaignId: r.campaignId,
      structureId: r.structureId,
    });
  return entries.map((e) => {
    const actor = e.actor ? names.get(e.actor) : undefined;
    const target = e.target ? names.get(e.target) : undefined;
    return {
      ...e,
      actorName: actor?.kind === 'user' ? actor.name : null,
      targetKind: target?.kind ?? null,
      targetName: target?.name ?? null,
      campaignId: target?.campaignId ?? null,
      structureId: target?.structureId ?? null,
    };
  });
}
