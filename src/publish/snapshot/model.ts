import type { BrochureModel } from '../brochure/model.js';
import type { Campaign } from '../input.js';
import type { StructureSheet } from '../sheet/model.js';

/**
 * A published cell: the whole network, or one territory with its structures resolved by id (the
 * territory and its descendants). Cells form a tree: a territory's parent cell is its parent
 * territory, or the network.
 */
export interface CellNode {
  /** "network", or the territory's id. */
  key: string;
  name: string;
  /** Registry level of the territory ("departement", "territoire"); null for the network. */
  level: string | null;
  parent: string | null;
  /** null for the network (every response, with or without a structure). */
  structureIds: ReadonlySet<string> | null;
}

export const NETWORK = 'network';

/** What a snapshot lists about each cell (its structures stay private). */
export interface SnapshotCell {
  key: string;
  name: string;
  level: string | null;
  parent: string | null;
}

/**
 * Every public output of a campaign, frozen and already protected: the public site, the public
 * API and the structures' sheets read this and never the answers.
 */
export interface SnapshotContent {
  format: 1;
  title: string;
  k: number;
  responses: number;
  generatedAt: string;
  /** The level the public site lists territories by (the indicator file's territoryAttribute). */
  level: string;
  cells: SnapshotCell[];
  brochures: Record<string, BrochureModel>;
  /** Per structure id: its sheet beside its territory, the network and similar structures. */
  sheets: Record<string, StructureSheet>;
}

/**
 * Cells of an input folder, where territories are registry attributes (e.g. departement >
 * territoire): a territory is identified by its path, so equal names under two parents stay apart.
 */
export function cellsFromAttributes(campaign: Campaign, levels: readonly string[]): CellNode[] {
  const cells: CellNode[] = [
    { key: NETWORK, name: 'network', level: null, parent: null, structureIds: null },
  ];
  const byKey = new Map<string, { cell: CellNode; ids: Set<string> }>();
  for (const s of campaign.registry?.structures ?? []) {
    let parent = NETWORK;
    for (const level of levels) {
      const name = s.attributes[level];
      if (!name) break;
      const key = `${parent === NETWORK ? '' : `${parent}/`}${level}:${name}`;
      let entry = byKey.get(key);
      if (!entry) {
        const ids = new Set<string>();
        entry = { cell: { key, name, level, parent, structureIds: ids }, ids };
        byKey.set(key, entry);
        cells.push(entry.cell);
      }
      entry.ids.add(s.id);
      parent = key;
    }
  }
  return cells;
}

/** The responses and registry of a set of structures (null = the responses without a structure too). */
export function subCampaign(campaign: Campaign, keep: (structure: string | null) => boolean): Campaign {
  return {
    survey: campaign.survey,
    responses: campaign.responses.filter((r) => keep(r.structure)),
    ...(campaign.registry
      ? {
          registry: {
            attributes: campaign.registry.attributes,
            structures: campaign.registry.structures.filter((s) => keep(s.id)),
          },
        }
      : {}),
  };
}
