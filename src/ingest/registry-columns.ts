import { errorMessage } from '../contract/errors/index.js';
import type { RegistryProblemCode } from '../contract/errors/inputs.js';
import { isReservedKey } from '../survey/reserved.js';
import type { InputProblem } from './problems.js';
import { cellLocation, isEmptyCell, type Table } from './table.js';

/**
 * The registry columns Panorama understands, with the header spellings accepted for each (compared
 * without accents, case or punctuation: "Code_INSEE" = "code insee"). Every other column is a free
 * attribute kept under its header name. One table for every reader: the web import, `panorama
 * import` and the registries of `panorama report`/`brochure`.
 */
export const REGISTRY_FIELDS = {
  id: ['id', 'identifiant', 'code structure', 'id structure'],
  name: ['nom', 'name', 'raison sociale'],
  type: ['type', 'type structure'],
  address: ['adresse', 'address'],
  communeCode: ['code commune', 'code insee', 'insee', 'commune code', 'code commune insee'],
  /** A commune code, or the commune's name (kept as text) when the file also has a code column. */
  commune: ['commune'],
  territory: ['territoire', 'territory'],
  departement: ['departement', 'dept'],
  region: ['region'],
  qpv: ['qpv'],
  managerType: ['gestion', 'manager type', 'type gestion', 'gestionnaire'],
  email: ['email', 'e mail', 'courriel', 'mail'],
} as const;

export type RegistryField = keyof typeof REGISTRY_FIELDS;

export function normaliseHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const FIELD_OF = new Map<string, RegistryField>(
  (Object.entries(REGISTRY_FIELDS) as [RegistryField, readonly string[]][]).flatMap(([field, aliases]) =>
    aliases.map((alias) => [alias, field] as const),
  ),
);

/** A problem of a registry file: located, worded in English for the command line, coded for the edges. */
export function registryProblem(
  location: Omit<InputProblem, 'message'>,
  code: RegistryProblemCode,
  params: Record<string, unknown> = {},
): InputProblem {
  return { ...location, code, params, message: errorMessage(code, params as never, 'en') };
}

export interface RegistryColumns {
  /** Column index of each recognised field present in the file. */
  fields: Partial<Record<RegistryField, number>>;
  /** Column indexes of the free attributes (every other named column). */
  attributes: number[];
  problems: InputProblem[];
}

/** Which column holds what; two columns for one field, duplicate or reserved names are problems. */
export function mapRegistryColumns(table: Table): RegistryColumns {
  const fields: Partial<Record<RegistryField, number>> = {};
  const attributes: number[] = [];
  const problems: InputProblem[] = [];
  const at = (column?: number) => cellLocation(table, table.headerLine, column);
  const seen = new Map<string, number>();
  table.header.forEach((header, i) => {
    if (header === '') {
      if (!table.rows.every((row) => isEmptyCell(row.cells[i])))
        problems.push(registryProblem({ ...at(i), value: '' }, 'registry_unnamed_column'));
      return;
    }
    const first = seen.get(header.toLowerCase());
    if (first !== undefined) {
      problems.push(
        registryProblem({ ...at(i), value: header }, 'registry_duplicate_column', {
          column: header,
          first: first + 1,
          second: i + 1,
        }),
      );
      return;
    }
    seen.set(header.toLowerCase(), i);
    if (isReservedKey(header)) {
      problems.push(
        registryProblem({ ...at(i), value: header }, 'registry_reserved_column', { column: header }),
      );
      return;
    }
    const field = FIELD_OF.get(normaliseHeader(header));
    if (field === undefined) {
      attributes.push(i);
      return;
    }
    const taken = fields[field];
    if (taken !== undefined) {
      problems.push(
        registryProblem({ ...at(i), value: header }, 'registry_same_field', {
          first: table.header[taken],
          second: header,
        }),
      );
      return;
    }
    fields[field] = i;
  });
  // With a code column beside it, "commune" holds names: a free attribute like any other.
  if (fields.commune !== undefined && fields.communeCode !== undefined) {
    attributes.push(fields.commune);
    attributes.sort((a, b) => a - b);
    delete fields.commune;
  }
  return { fields, attributes, problems };
}
