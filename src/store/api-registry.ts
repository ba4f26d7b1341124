/**
 * Territories and structures: part of the storage API
 * (re-exported by src/store/api.ts and src/store/index.ts).
 * Plain JS values; every timestamp is a UTC ISO-8601 string.
 */
import type { Registry } from '../survey/records.js';

// ---------------------------------------------------------------------------------------------
// Territories

export interface Territory {
  id: string;
  name: string;
  /** 'region' | 'departement' | 'territoire' or any free text. */
  level: string;
  code: string | null;
  parentId: string | null;
}

export interface TerritoryInput {
  /** Generated (UUID) when absent. */
  id?: string;
  name: string;
  level: string;
  code?: string | null;
  parentId?: string | null;
}

export interface TerritoryRepository {
  /** Throws StoreNotFoundError when parentId does not exist, StoreConflictError when id is taken. */
  create(input: TerritoryInput): Promise<Territory>;
  get(id: string): Promise<Territory | undefined>;
  /** Every territory, ordered by level then name. */
  list(): Promise<Territory[]>;
  /** Throws StoreValidationError when the new parent would create a cycle. */
  update(id: string, patch: Partial<Omit<TerritoryInput, 'id'>>): Promise<Territory>;
  /** Fails (StoreConflictError) while structures, children or users still reference it. */
  delete(id: string): Promise<void>;
  /** The given ids plus all their descendants, at any depth (recursive CTE). Unknown ids are dropped. */
  descendantIds(ids: readonly string[]): Promise<string[]>;
  /** The chain from the territory up to its root: [self, parent, grand-parent, …]. */
  ancestors(id: string): Promise<Territory[]>;
}

// ---------------------------------------------------------------------------------------------
// Structures

export type StructureType = 'CS' | 'EVS';

export interface StoredStructure {
  id: string;
  name: string;
  type: StructureType | null;
  address: string | null;
  communeCode: string | null;
  territoryId: string | null;
  qpv: boolean | null;
  managerType: string | null;
  /** Free extra attributes from the registry. */
  attributes: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  /** When it was archived (it keeps its answers but leaves lists and new campaigns), or null. */
  archivedAt?: string | null;
}

export interface StructureInput {
  id: string;
  name: string;
  type?: StructureType | null;
  address?: string | null;
  communeCode?: string | null;
  territoryId?: string | null;
  qpv?: boolean | null;
  managerType?: string | null;
  attributes?: Record<string, string>;
}

/**
 * A change to one structure that keeps what it does not name: a field left undefined stays as
 * stored, null clears it; attributes are set or removed one by one. For an id that does not exist
 * yet the patch creates the structure (then `name` is required).
 */
export type StructurePatch = Partial<Omit<StructureInput, 'id' | 'attributes'>> & {
  id: string;
  setAttributes?: Record<string, string>;
  removeAttributes?: string[];
};

export interface StructureListOptions {
  /** Restrict to structures in these territories or any of their descendants. */
  territoryIds?: readonly string[];
  /** Restrict to these structure ids. */
  ids?: readonly string[];
  /** Case-insensitive substring of id, name or commune code. */
  search?: string;
  /** Leave out archived structures (registry lists, public directory). */
  activeOnly?: boolean;
}

/** Which structures a campaign targets. Empty object = every structure. Stored as JSON. */
export interface PopulationFilter {
  /** Structures in these territories (descendants included). */
  territoryIds?: string[];
  types?: StructureType[];
  qpv?: boolean;
  /** Free attribute name → accepted values. */
  attributes?: Record<string, string[]>;
}

export interface StructureRepository {
  /**
   * Inserts or replaces (by id) every row in ONE transaction: if any row is invalid (bad type,
   * unknown territory …) nothing is written and the error names the row (index and id).
   * `createdAt` of existing rows is kept.
   */
  upsertMany(rows: readonly StructureInput[], now?: string): Promise<{ created: number; updated: number }>;
  /**
   * Applies patches in ONE transaction, each to the row as stored at that moment (rows are locked
   * on PostgreSQL): what a patch does not name is kept. All or nothing, like upsertMany; an unknown
   * id without a name is refused. Patches that change nothing leave the row (and updatedAt) alone.
   */
  patchMany(
    patches: readonly StructurePatch[],
    now?: string,
  ): Promise<{ created: number; updated: number; unchanged: number }>;
  get(id: string): Promise<StoredStructure | undefined>;
  /** Ordered by name then id. */
  list(options?: StructureListOptions): Promise<StoredStructure[]>;
  /** Throws StoreNotFoundError for an unknown id. */
  update(id: string, patch: Partial<Omit<StructureInput, 'id'>>, now?: string): Promise<StoredStructure>;
  delete(id: string): Promise<void>;
  /** Ids of the structures matching a campaign population filter (sorted; archived ones never). */
  matchPopulation(filter: PopulationFilter): Promise<string[]>;
  /**
   * The registry as the statistics engine expects it. Attributes: type, qpv ('oui'/'non'),
   * manager_type, commune_code, one column per territory level found in the hierarchy
   * (e.g. region, departement, territoire = territory names along the ancestor chain), then
   * every free attribute.
   */
  registry(options?: StructureListOptions): Promise<Registry>;
}
