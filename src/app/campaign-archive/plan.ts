/**
 * What importing an archive does to a target, decided from the archive and a lookup of the
 * target, without I/O: the preview shown to the administrator and the rows to insert, with ids
 * remapped. The same function runs for the preview and inside the import's transaction, so the
 * import does exactly what was previewed (or refuses, when the target changed meanwhile).
 */
import { isDeepStrictEqual } from 'node:util';
import type { CampaignArchivePreview } from '../../contract/campaign-archive.js';
import type { ArchiveLookup, ArchiveRow, ArchiveWanted, CampaignRows } from '../../store/campaign-archive.js';
import type { CampaignArchive } from './format.js';

/** settings key naming where an archived campaign (by identity) was imported. */
export const importMarkerKey = (identity: string) => `campaign-archive:${identity}`;
/** settings key naming the identity an imported campaign came with (kept by later exports). */
export const originKey = (campaignId: string) => `campaign-archive-origin:${campaignId}`;

type Cell = string | number | null | undefined;

const str = (value: Cell): string | null => (value === null || value === undefined ? null : String(value));

export function wantedFor(archive: CampaignArchive): ArchiveWanted {
  const t = archive.data.tables;
  const actors = new Set<string>();
  for (const row of [...t.campaigns, ...t.publication_snapshots])
    if (row.created_by) actors.add(String(row.created_by));
  for (const row of [...t.response_reviews, ...t.campaign_coherence_rules, ...t.campaign_mail_settings])
    if (row.updated_by) actors.add(String(row.updated_by));
  for (const row of t.audit_log) if (row.actor) actors.add(String(row.actor));
  return {
    structureIds: t.structures.map((s) => String(s.id)),
    territoryCodes: t.territories.map((x) => str(x.code)).filter((c): c is string => c !== null),
    territoryIds: t.territories.map((x) => String(x.id)),
    userIds: [...actors],
    tokens: t.invitations.map((i) => String(i.token)),
    campaignIds: [archive.manifest.campaign.identity],
    markerKey: importMarkerKey(archive.manifest.campaign.identity),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export interface ImportPlan {
  preview: CampaignArchivePreview;
  rows: CampaignRows;
  settings: { key: string; value: string }[];
  campaignId: string;
}

/**
 * Plans the import. `newId` makes fresh ids (UUIDs), `newToken` a fresh invitation token when
 * the archived one is already used on the target.
 */
export function planImport(
  archive: CampaignArchive,
  target: ArchiveLookup,
  options: { newId: () => string; newToken: () => string; now: string },
): ImportPlan {
  const { manifest } = archive;
  const t = archive.data.tables;
  const conflicts: CampaignArchivePreview['conflicts'] = [];
  const campaign = t.campaigns[0]!;
  const version = t.survey_versions[0]!;
  const survey = t.surveys[0]!;

  // Territories: by official code, or by id when the archived one has no code.
  const territoryMap = new Map<string, string>();
  const territoryItems: CampaignArchivePreview['territories']['items'] = [];
  const newTerritories: ArchiveRow[] = [];
  const takenTerritoryIds = new Set(target.territoryIds.keys());
  for (const row of t.territories) {
    const id = String(row.id);
    const code = str(row.code);
    const byCode = code ? target.territoriesByCode.get(code) : undefined;
    const byId =
      !code && target.territoryIds.has(id) ? { id, name: target.territoryIds.get(id)! } : undefined;
    const match = byCode ?? byId;
    if (match) {
      territoryMap.set(id, match.id);
      if (match.name !== row.name)
        conflicts.push({
          kind: 'territory_name',
          subject: code ?? id,
          archived: String(row.name),
          existing: match.name,
        });
    } else {
      const fresh = takenTerritoryIds.has(id) ? options.newId() : id;
      takenTerritoryIds.add(fresh);
      territoryMap.set(id, fresh);
      newTerritories.push(row);
    }
    territoryItems.push({
      code,
      name: String(row.name),
      level: String(row.level),
      action: match ? 'match' : 'create',
    });
  }
  const mapTerritory = (value: Cell) =>
    value === null || value === undefined ? null : (territoryMap.get(String(value)) ?? null);

  // Structures: by registry id; an existing one is kept as it is on the target.
  const structureItems: CampaignArchivePreview['structures']['items'] = t.structures.map((row) => {
    const existing = target.structures.get(String(row.id));
    if (existing !== undefined && existing !== row.name)
      conflicts.push({
        kind: 'structure_name',
        subject: String(row.id),
        archived: String(row.name),
        existing,
      });
    return {
      id: String(row.id),
      name: String(row.name),
      action: existing === undefined ? 'create' : 'match',
      targetName: existing ?? null,
    };
  });

  // Questionnaire: by content (the parsed definitions are equal).
  const definition = parseJson(String(version.definition));
  const sameVersion = target.versions.find((v) => isDeepStrictEqual(parseJson(v.definition), definition));
  const surveyId = options.newId();
  const versionId = sameVersion?.id ?? options.newId();

  const campaignId = options.newId();
  const userIds = new Map(archive.data.users.map((u) => [u.id, u.name]));
  const invitationMap = orderedIds(t.invitations, options.newId);
  const responseMap = orderedIds(t.responses, options.newId);
  const snapshotMap = orderedIds(t.publication_snapshots, options.newId);
  const auditMap = orderedIds(t.audit_log, options.newId);

  /** A user of the source instance: kept when the target knows the id, else named (history reads names). */
  const actor = (value: Cell): string | null => {
    if (value === null || value === undefined) return null;
    const id = String(value);
    if (id.startsWith('invitation:')) {
      const mapped = invitationMap.get(id.slice('invitation:'.length));
      return mapped ? `invitation:${mapped}` : null;
    }
    if (target.userIds.has(id)) return id;
    return userIds.get(id) ?? id;
  };

  const tokensUsed = new Set(target.tokens);
  let tokensRenewed = 0;
  const invitations = t.invitations.map((row) => {
    let token = String(row.token);
    if (tokensUsed.has(token)) {
      tokensRenewed += 1;
      token = options.newToken();
    }
    tokensUsed.add(token);
    return { ...row, id: invitationMap.get(String(row.id))!, campaign_id: campaignId, token };
  });
  if (tokensRenewed > 0)
    conflicts.push({ kind: 'token_reused', subject: String(tokensRenewed), archived: '', existing: '' });
  if (campaign.public_token !== null)
    conflicts.push({ kind: 'public_link', subject: String(campaign.name), archived: '', existing: '' });

  const campaignName = String(campaign.name);
  const rows: CampaignRows = {
    territories: newTerritories.map((row) => ({
      ...row,
      id: territoryMap.get(String(row.id))!,
      parent_id: mapTerritory(row.parent_id),
    })),
    structures: t.structures
      .filter((row) => !target.structures.has(String(row.id)))
      .map((row) => ({ ...row, territory_id: mapTerritory(row.territory_id) })),
    surveys: sameVersion ? [] : [{ ...survey, id: surveyId }],
    survey_versions: sameVersion ? [] : [{ ...version, id: versionId, survey_id: surveyId }],
    campaigns: [
      {
        ...campaign,
        id: campaignId,
        survey_version_id: versionId,
        population: remapPopulation(String(campaign.population), territoryMap),
        // A public link is a secret of the source instance: the administrator opens a new one.
        public_token: null,
        created_by: actor(campaign.created_by),
      },
    ],
    invitations,
    responses: t.responses.map((row) => ({
      ...row,
      id: responseMap.get(String(row.id))!,
      campaign_id: campaignId,
      invitation_id: invitationMap.get(String(row.invitation_id)) ?? null,
    })),
    response_revisions: t.response_revisions.map((row) => ({
      ...row,
      response_id: responseMap.get(String(row.response_id)) ?? null,
    })),
    response_reviews: t.response_reviews.map((row) => ({
      ...row,
      response_id: responseMap.get(String(row.response_id)) ?? null,
      campaign_id: campaignId,
      updated_by: actor(row.updated_by),
    })),
    audit_log: t.audit_log.map((row) => ({
      ...row,
      id: auditMap.get(String(row.id))!,
      actor: actor(row.actor),
      target:
        row.target === campaign.id ? campaignId : (responseMap.get(String(row.target)) ?? str(row.target)),
    })),
    campaign_coherence_rules: t.campaign_coherence_rules.map((row) => ({
      ...row,
      campaign_id: campaignId,
      updated_by: actor(row.updated_by),
    })),
    campaign_mail_settings: t.campaign_mail_settings.map((row) => ({
      ...row,
      campaign_id: campaignId,
      updated_by: actor(row.updated_by),
    })),
    publication_snapshots: t.publication_snapshots.map((row) => ({
      ...row,
      id: snapshotMap.get(String(row.id))!,
      campaign_id: campaignId,
      created_by: actor(row.created_by),
    })),
    campaign_publications: t.campaign_publications.map((row) => ({
      ...row,
      campaign_id: campaignId,
      snapshot_id: row.snapshot_id === null ? null : (snapshotMap.get(String(row.snapshot_id)) ?? null),
    })),
  };

  const identity = manifest.campaign.identity;
  let alreadyImported: CampaignArchivePreview['alreadyImported'] = null;
  let markerCampaign: string | undefined;
  try {
    const value = target.marker
      ? (JSON.parse(target.marker) as { campaignId?: unknown }).campaignId
      : undefined;
    if (typeof value === 'string') markerCampaign = value;
  } catch {
    markerCampaign = undefined;
  }
  for (const id of [identity, markerCampaign]) {
    if (id && target.campaigns.has(id) && !alreadyImported)
      alreadyImported = { campaignId: id, name: target.campaigns.get(id)! };
  }

  const count = (action: 'create' | 'match', items: { action: string }[]) =>
    items.filter((i) => i.action === action).length;
  const preview: CampaignArchivePreview = {
    campaign: {
      identity,
      name: campaignName,
      surveyTitle: String(survey.title),
      exportedAt: manifest.createdAt,
      appVersion: manifest.appVersion,
      schemaVersion: manifest.schemaVersion,
      sourceDialect: manifest.sourceDialect,
      opensAt: String(campaign.opens_at),
      closesAt: str(campaign.closes_at),
    },
    counts: {
      invitations: t.invitations.length,
      responses: t.responses.length,
      submitted: t.responses.filter((r) => Number(r.revision) > 0).length,
      revisions: t.response_revisions.length,
      reviews: t.response_reviews.length,
      auditEntries: t.audit_log.length,
      snapshots: t.publication_snapshots.length,
    },
    questionnaire: {
      action: sameVersion ? 'match' : 'create',
      title: String(survey.title),
      version: Number(version.version),
    },
    structures: {
      create: count('create', structureItems),
      match: count('match', structureItems),
      items: structureItems,
    },
    territories: {
      create: count('create', territoryItems),
      match: count('match', territoryItems),
      items: territoryItems,
    },
    // Refused anyway: what it would have changed does not matter.
    conflicts: alreadyImported ? [] : conflicts,
    alreadyImported,
  };
  const settings = [
    {
      key: importMarkerKey(identity),
      value: JSON.stringify({ campaignId, importedAt: options.now, exportedAt: manifest.createdAt }),
    },
    { key: originKey(campaignId), value: JSON.stringify({ identity }) },
  ];
  return { preview, rows, settings, campaignId };
}

/**
 * Fresh ids in the same order as the archived ones: the stores list rows by id (answers in a
 * report, verbatims…), so the imported campaign reads in the order the original did.
 */
function orderedIds(rows: readonly ArchiveRow[], newId: () => string): Map<string, string> {
  const old = rows.map((r) => String(r.id)).sort(binary);
  const fresh = old.map(() => newId()).sort(binary);
  return new Map(old.map((id, i) => [id, fresh[i]!]));
}

const binary = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The population filter with its territory ids translated to the target's. */
function remapPopulation(text: string, territories: Map<string, string>): string {
  const population = parseJson(text);
  if (!population || typeof population !== 'object' || Array.isArray(population)) return text;
  const filter = population as { territoryIds?: unknown };
  if (!Array.isArray(filter.territoryIds)) return text;
  return JSON.stringify({
    ...filter,
    territoryIds: filter.territoryIds.map((id) =>
      typeof id === 'string' ? (territories.get(id) ?? id) : id,
    ),
  });
}
