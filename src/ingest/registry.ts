import type { Registry, Structure } from '../survey/records.js';
import { InputError, type InputProblem } from './problems.js';
import { readRegistryTable, type RegistryRead } from './registry-read.js';
import type { RegistryField } from './registry-columns.js';
import { readTableFile } from './table-file.js';
import type { Table } from './table.js';

export { readRegistryTable, type RegistryRead, type RegistryRow } from './registry-read.js';
export { REGISTRY_FIELDS, normaliseHeader, type RegistryField } from './registry-columns.js';

/** Attributes filled from the commune code when the registry does not give them. */
const GEO_ATTRIBUTES = ['departement', 'region', 'epci'] as const;

/** Reads a registry of structures from CSV or XLSX for statistics; throws an InputError listing every problem. */
export async function loadRegistryFile(path: string): Promise<Registry> {
  const table = await readTableFile(path);
  const { registry, problems } = tableToRegistry(table);
  if (problems.length > 0) throw new InputError(problems);
  return registry;
}

/**
 * The registry the statistics engine reads: every column but the id and the name is an attribute
 * under its header name, in file order, and a commune code fills departement (code), region and
 * epci (names) when the file does not give them. Problems are returned, never thrown.
 */
export function tableToRegistry(table: Table): { registry: Registry; problems: InputProblem[] } {
  const read = readRegistryTable(table, { requireName: true });
  return { registry: statisticsRegistry(read), problems: read.problems };
}

function statisticsRegistry(read: RegistryRead): Registry {
  const { table, columns } = read;
  const fieldAt = new Map(
    (Object.entries(columns.fields) as [RegistryField, number][]).map(([field, index]) => [index, field]),
  );
  const attributeColumns = table.header
    .map((header, index) => ({ header, index }))
    .filter(({ index }) => index !== columns.fields.id && index !== columns.fields.name)
    .filter(({ index }) => fieldAt.has(index) || columns.attributes.includes(index));
  const attributes = attributeColumns.map((c) => c.header);
  const addedGeo = new Set<string>();
  const structures: Structure[] = read.rows
    .filter((row) => !row.invalid)
    .map((row) => {
      const values: Record<string, string> = {};
      for (const { header, index } of attributeColumns) {
        const field = fieldAt.get(index);
        values[header] = field ? (row.fields[field] ?? '') : (row.attributes[header] ?? '');
      }
      if (row.commune) {
        const geo = {
          departement: row.commune.departement.code,
          region: row.commune.region.name,
          epci: row.commune.epci?.name ?? '',
        };
        for (const key of GEO_ATTRIBUTES) {
          if ((values[key] ?? '') === '' && geo[key] !== '') {
            values[key] = geo[key];
            addedGeo.add(key);
          }
        }
      }
      return { id: row.id, name: row.fields.name ?? '', attributes: values };
    });
  const all = [...attributes, ...GEO_ATTRIBUTES.filter((g) => addedGeo.has(g) && !attributes.includes(g))];
  for (const s of structures) for (const a of all) s.attributes[a] ??= '';
  return { structures, attributes: all };
}
