import type { Campaign as StoredCampaign, Store, Territory } from '../../store/index.js';
import { NETWORK, type Campaign, type CellNode } from '../../publish/index.js';
import type { ResponseRecord } from '../../survey/records.js';
import { buildSurveyModel } from '../../survey/index.js';

/**
 * A stored campaign as the publication engine reads an input folder: its frozen survey, every
 * submitted answer and the registry of its invited structures (the population, so participation
 * rates and "number of centres" figures count the structures that were asked).
 */
export async function campaignData(store: Store, campaign: StoredCampaign): Promise<Campaign> {
  const version = await store.surveys.getVersion(campaign.surveyVersionId);
  if (!version)
    throw new Error(`survey version ${campaign.surveyVersionId} of campaign ${campaign.id} is missing`);
  const survey = buildSurveyModel(version.definition, `version ${version.version}`);
  const responses: ResponseRecord[] = [];
  for await (const r of store.responses.listSubmitted(campaign.id)) responses.push(r);
  const invited = (await store.invitations.list(campaign.id))
    .map((i) => i.structureId)
    .filter((s): s is string => s !== null);
  const registry = invited.length
    ? await store.structures.registry({ ids: invited })
    : { structures: [], attributes: [] };
  return { survey, responses, registry };
}

/** The stored territory chain of each structure: [own territory, parent, …, root]. */
function chains(territories: readonly Territory[]) {
  const byId = new Map(territories.map((t) => [t.id, t]));
  return (territoryId: string | null): Territory[] => {
    const out: Territory[] = [];
    const seen = new Set<string>();
    for (let t = territoryId ? byId.get(territoryId) : undefined; t && !seen.has(t.id);) {
      seen.add(t.id);
      out.push(t);
      t = t.parentId ? byId.get(t.parentId) : undefined;
    }
    return out;
  };
}

/**
 * The published cells of a campaign, by territory id: the network, then every territory with at
 * least one invited structure in it or below it. Names are labels only: two territories with the
 * same name are two cells.
 */
export async function territoryCells(
  store: Store,
  structureIds: readonly string[],
  sheetLevel: string,
): Promise<{ cells: CellNode[]; sheetTerritory: Map<string, string> }> {
  const territories = await store.territories.list();
  const chainOf = chains(territories);
  const wanted = new Set(structureIds);
  const members = new Map<string, Set<string>>();
  const sheetTerritory = new Map<string, string>();
  for (const s of await store.structures.list()) {
    if (!wanted.has(s.id)) continue;
    const chain = chainOf(s.territoryId);
    for (const t of chain) members.set(t.id, (members.get(t.id) ?? new Set()).add(s.id));
    const own = chain.find((t) => t.level === sheetLevel) ?? chain[0];
    if (own) sheetTerritory.set(s.id, own.id);
  }
  const cells: CellNode[] = [
    { key: NETWORK, name: 'network', level: null, parent: null, structureIds: null },
  ];
  for (const t of territories) {
    const ids = members.get(t.id);
    if (!ids) continue;
    cells.push({ key: t.id, name: t.name, level: t.level, parent: t.parentId ?? NETWORK, structureIds: ids });
  }
  return { cells, sheetTerritory };
}
