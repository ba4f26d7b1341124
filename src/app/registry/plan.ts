import type { InputProblem } from '../../ingest/problems.js';
import type { RegistryField, RegistryRead, RegistryRow } from '../../ingest/registry.js';
import { registryProblem } from '../../ingest/registry-columns.js';
import { cellLocation } from '../../ingest/table.js';
import type { StoredStructure, StructurePatch, Territory } from '../../store/index.js';
import { planTerritory, type PlannedTerritory, type TerritoryIndex, territoryIndex } from './territories.js';

export type { PlannedTerritory } from './territories.js';

/**
 * What importing a registry file would change, computed against the stored registry, before
 * anything is written.
 *
 * The rule (docs/input-formats.md): a column absent from the file leaves that field unchanged on
 * every structure; an EMPTY cell of a present column also leaves it unchanged, unless the import
 * is asked to clear (`clearEmpty`), which is the only way an import removes a value. Names and ids
 * are never cleared.
 */
export interface RegistryPlanOptions {
  clearEmpty?: boolean;
}

export type ChangeValue = string | boolean | null;

/** One field of one structure: `before` null = added, `after` null = removed. */
export interface FieldChange {
  /** A structure field (name, type, address, communeCode, territory, qpv, managerType) or an attribute name. */
  field: string;
  attribute: boolean;
  before: ChangeValue;
  after: ChangeValue;
}

export interface StructureChange {
  id: string;
  name: string;
  line: number;
  action: 'create' | 'update';
  changes: FieldChange[];
}

export interface RegistryPlan {
  patches: StructurePatch[];
  territories: PlannedTerritory[];
  /** Structures created or changed, with each field that changes; unchanged ones are only counted. */
  changes: StructureChange[];
  problems: InputProblem[];
  toCreate: number;
  toUpdate: number;
  unchanged: number;
  /** Recognised columns the file does not have (their fields stay as they are). */
  absent: RegistryField[];
  clearEmpty: boolean;
}

type TypedField = 'name' | 'type' | 'address' | 'communeCode' | 'territoryId' | 'qpv' | 'managerType';

export function planRegistryImport(
  read: RegistryRead,
  current: { structures: readonly StoredStructure[]; territories: readonly Territory[] },
  options: RegistryPlanOptions = {},
): RegistryPlan {
  const clearEmpty = options.clearEmpty ?? false;
  const stored = new Map(current.structures.map((s) => [s.id, s]));
  const index = territoryIndex(current.territories);
  const problems: InputProblem[] = [...read.problems];
  const patches: StructurePatch[] = [];
  const changes: StructureChange[] = [];
  let unchanged = 0;
  for (const row of read.rows) {
    const before = stored.get(row.id);
    if (!before && !row.fields.name) {
      const column = read.columns.fields.name;
      problems.push(
        column === undefined
          ? registryProblem(
              { ...cellLocation(read.table, read.table.headerLine, undefined), value: '' },
              'registry_name_needed',
              { id: row.id },
            )
          : registryProblem(
              { ...cellLocation(read.table, row.line, column), value: '' },
              'registry_empty_name',
              {
                id: row.id,
              },
            ),
      );
      continue;
    }
    if (row.invalid) continue;
    const planned = planRow(row, before, index, clearEmpty);
    if (planned.changes.length === 0) {
      unchanged++;
      continue;
    }
    patches.push(planned.patch);
    changes.push({
      id: row.id,
      name: planned.patch.name ?? before?.name ?? '',
      line: row.line,
      action: before ? 'update' : 'create',
      changes: planned.changes,
    });
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const toCreate = changes.filter((c) => c.action === 'create').length;
  const absent = (
    [
      'name',
      'type',
      'address',
      'communeCode',
      'territory',
      'departement',
      'region',
      'qpv',
      'managerType',
      'email',
    ] as const
  ).filter(
    (f) =>
      read.columns.fields[f] === undefined &&
      !(f === 'communeCode' && read.columns.fields.commune !== undefined),
  );
  return {
    patches,
    territories: index.planned,
    changes,
    problems,
    toCreate,
    toUpdate: changes.length - toCreate,
    unchanged,
    absent,
    clearEmpty,
  };
}

function planRow(
  row: RegistryRow,
  before: StoredStructure | undefined,
  index: TerritoryIndex,
  clearEmpty: boolean,
): { patch: StructurePatch; changes: FieldChange[] } {
  const patch: StructurePatch = { id: row.id };
  const changes: FieldChange[] = [];
  /** The value a present column gives: its text, null to clear (empty + clearEmpty), undefined to keep. */
  const given = (field: RegistryField): string | null | undefined => {
    const text = row.fields[field];
    if (text === undefined) return undefined;
    if (text !== '') return text;
    return clearEmpty ? null : undefined;
  };
  const setField = <K extends TypedField>(
    key: K,
    value: StructurePatch[K] | undefined,
    label = key as string,
  ) => {
    if (value === undefined) return;
    const old = before?.[key] ?? null;
    if (old === value || (old === null && value === null)) return;
    (patch as unknown as Record<string, unknown>)[key] = value;
    const display = (v: ChangeValue) => (key === 'territoryId' && typeof v === 'string' ? index.name(v) : v);
    changes.push({
      field: label,
      attribute: false,
      before: display(old),
      after: display(value),
    });
  };

  const name = row.fields.name;
  if (name) setField('name', name);
  setField('type', row.type ?? (given('type') === null ? null : undefined));
  setField('address', given('address'));
  setField('qpv', row.qpv ?? (given('qpv') === null ? null : undefined));
  setField('managerType', given('managerType'));
  const codeField: RegistryField = row.fields.communeCode !== undefined ? 'communeCode' : 'commune';
  const communeText = given(codeField);
  setField('communeCode', row.commune ? row.commune.commune.code : communeText === null ? null : undefined);
  setField('territoryId', planTerritory(row, before?.territoryId ?? null, index, clearEmpty), 'territory');

  // Attributes: free columns, then the ones Panorama fills itself (never over a value the file gives).
  const attributes = new Map<string, string | null>();
  for (const [key, text] of Object.entries(row.attributes)) {
    if (text !== '') attributes.set(key, text);
    else if (clearEmpty) attributes.set(key, null);
  }
  const derived = (key: string, value: string | null | undefined, fallback?: string) => {
    if (attributes.get(key)) return;
    if (value) attributes.set(key, value);
    else if (fallback) attributes.set(key, fallback);
    else if (value === null) attributes.set(key, null);
  };
  derived('email', given('email'));
  derived('departement', given('departement'), row.commune?.departement.name);
  derived('region', given('region'), row.commune?.region.name);
  derived('epci', undefined, row.commune?.epci?.name);
  // A "commune" column holding a name keeps it as text; a code gives the commune's name.
  derived(
    'commune',
    row.commune ? undefined : codeField === 'commune' ? communeText : undefined,
    row.commune?.commune.name,
  );

  for (const [key, value] of attributes) {
    const old = before?.attributes[key] ?? null;
    if (old === value) continue;
    if (value === null) (patch.removeAttributes ??= []).push(key);
    else (patch.setAttributes ??= {})[key] = value;
    changes.push({ field: key, attribute: true, before: old, after: value });
  }
  return { patch, changes };
}
