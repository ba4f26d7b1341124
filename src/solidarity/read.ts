/**
 * Reads a digital-solidarity folder (the import format of ../shared/fixtures/solidarite-numerique-2020):
 * structures.csv, permanences.csv, programmes.csv, foyers.csv, materiel.csv, attributions.csv,
 * accompagnements.csv, ressources.csv. Every bad cell is reported with its file, line, column and
 * value — all of them, not only the first. Missing files are empty tables (a network may have no
 * programme yet), except structures.csv.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCsvTable } from '../ingest/csv-table.js';
import type { InputProblem } from '../ingest/problems.js';
import type { Table } from '../ingest/table.js';
import {
  ACCESS_MODES,
  ALLOCATION_MODES,
  HOUSEHOLD_TYPES,
  ITEM_CATEGORIES,
  ITEM_SOURCES,
  RESOURCE_TYPES,
  SERVICE_CODES,
  SUPPORT_TYPES,
  emptyData,
  type SolidarityData,
} from './domain.js';
import { parseOpeningHours } from './opening-hours.js';

export const SOLIDARITY_FILES = {
  structures: ['id', 'nom', 'commune', 'code_insee'],
  permanences: ['structure', 'service', 'horaires', 'modalite'],
  programmes: ['id', 'nom', 'public'],
  foyers: ['id', 'programme', 'structure', 'type'],
  materiel: ['id', 'programme', 'categorie', 'provenance', 'structure'],
  attributions: ['materiel', 'foyer', 'mode', 'date'],
  accompagnements: ['id', 'foyer', 'structure', 'type', 'date'],
  ressources: ['id', 'type', 'titre'],
} as const;

type FileName = keyof typeof SOLIDARITY_FILES;

/** One table with typed cell access that records a located problem for each bad value. */
class Reader {
  readonly problems: InputProblem[] = [];
  constructor(
    readonly table: Table,
    required: readonly string[],
  ) {
    this.problems.push(...table.problems);
    for (const name of required) {
      if (!table.header.includes(name)) {
        this.problems.push({
          file: table.file,
          line: table.headerLine,
          column: name,
          message: `the required column "${name}" is missing (columns found: ${table.header.join(', ')})`,
          code: 'solidarity_column_missing',
          params: { file: table.file, column: name },
        });
      }
    }
  }

  *rows(): Generator<Row> {
    for (const row of this.table.rows) yield new Row(this, row.cells, row.line);
  }
}

class Row {
  constructor(
    private readonly reader: Reader,
    private readonly cells: unknown[],
    readonly line: number,
  ) {}

  text(column: string): string {
    const i = this.reader.table.header.indexOf(column);
    const v = i < 0 ? '' : this.cells[i];
    return v === null || v === undefined ? '' : String(v).trim();
  }

  optional(column: string): string | null {
    return this.text(column) || null;
  }

  problem(column: string, value: string, expected: string): void {
    this.reader.problems.push({
      file: this.reader.table.file,
      line: this.line,
      column,
      header: column,
      value,
      message: `column "${column}": "${value}" is not valid — expected ${expected}`,
      code: 'solidarity_value_invalid',
      params: { column, value, expected },
    });
  }

  required(column: string): string {
    const v = this.text(column);
    if (!v) this.problem(column, v, 'a value (the cell is empty)');
    return v;
  }

  oneOf<T extends string>(column: string, allowed: readonly T[]): T {
    const v = this.text(column);
    if (!(allowed as readonly string[]).includes(v)) this.problem(column, v, `one of ${allowed.join(', ')}`);
    return v as T;
  }

  date(column: string, required = false): string | null {
    const v = this.text(column);
    if (!v) {
      if (required) this.problem(column, v, 'a date YYYY-MM-DD');
      return null;
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) {
      this.problem(column, v, 'a date YYYY-MM-DD');
      return null;
    }
    return v;
  }

  integer(column: string): number | null {
    const v = this.text(column);
    if (!v) return null;
    if (!/^\d+$/.test(v)) {
      this.problem(column, v, 'a whole number');
      return null;
    }
    return Number(v);
  }

  flag(column: string): boolean {
    const v = this.text(column).toLowerCase();
    if (v === 'oui' || v === '1' || v === 'true') return true;
    if (v === 'non' || v === '0' || v === 'false' || v === '') return false;
    this.problem(column, v, 'oui or non');
    return false;
  }
}

export interface ReadResult {
  data: SolidarityData;
  problems: InputProblem[];
}

function load(dir: string, name: FileName, problems: InputProblem[]): Reader | undefined {
  const path = join(dir, `${name}.csv`);
  if (!existsSync(path)) {
    if (name === 'structures') {
      problems.push({
        file: `${name}.csv`,
        message: `the file ${name}.csv is missing from ${dir}`,
        code: 'solidarity_file_missing',
        params: { file: `${name}.csv`, dir },
      });
    }
    return undefined;
  }
  return new Reader(readCsvTable(readFileSync(path), `${name}.csv`), SOLIDARITY_FILES[name]);
}

/** Reads the folder; references (a household's programme, an allocation's item…) are checked too. */
export function readSolidarityFolder(dir: string): ReadResult {
  const problems: InputProblem[] = [];
  const data = emptyData();
  const readers: Reader[] = [];
  const each = (name: FileName, fn: (row: Row) => void) => {
    const reader = load(dir, name, problems);
    if (!reader) return;
    readers.push(reader);
    for (const row of reader.rows()) fn(row);
  };

  each('structures', (r) => {
    data.places.push({
      id: r.required('id'),
      name: r.required('nom'),
      commune: r.required('commune'),
      communeCode: r.optional('code_insee'),
      postalCode: r.optional('code_postal'),
      address: r.optional('adresse'),
      siretOrRna: r.optional('siret') ?? r.optional('rna'),
      phone: r.optional('telephone'),
      email: r.optional('courriel'),
      website: r.optional('site_web'),
      latitude: r.optional('latitude') === null ? null : Number(r.text('latitude')),
      longitude: r.optional('longitude') === null ? null : Number(r.text('longitude')),
      territory: r.optional('territoire'),
    });
  });
  const placeIds = new Set(data.places.map((p) => p.id));
  const refPlace = (r: Row, column: string) => {
    const id = r.required(column);
    if (id && !placeIds.has(id)) r.problem(column, id, 'a structure id of structures.csv');
    return id;
  };

  each('permanences', (r) => {
    const hours = r.required('horaires');
    const parsed = parseOpeningHours(hours);
    if (hours && !parsed.ok) {
      r.problem(
        'horaires',
        hours,
        `OpenStreetMap opening hours (at character ${parsed.problem.position}, "${parsed.problem.found}": ${parsed.problem.expected})`,
      );
    }
    data.services.push({
      placeId: refPlace(r, 'structure'),
      service: r.oneOf('service', SERVICE_CODES),
      hours,
      access: r.oneOf('modalite', ACCESS_MODES),
      public: r.text('public') || 'tous publics',
      description: r.text('description'),
    });
  });

  each('programmes', (r) => {
    data.programmes.push({
      id: r.required('id'),
      name: r.required('nom'),
      public: r.oneOf('public', HOUSEHOLD_TYPES),
      partners: r
        .text('partenaires')
        .split(/[;|]/)
        .map((p) => p.trim())
        .filter(Boolean),
      start: r.date('debut'),
      end: r.date('fin'),
    });
  });
  const programmeIds = new Set(data.programmes.map((p) => p.id));
  const refProgramme = (r: Row) => {
    const id = r.required('programme');
    if (id && !programmeIds.has(id)) r.problem('programme', id, 'a programme id of programmes.csv');
    return id;
  };

  each('foyers', (r) => {
    data.households.push({
      id: r.required('id'),
      programmeId: refProgramme(r),
      placeId: refPlace(r, 'structure'),
      type: r.oneOf('type', HOUSEHOLD_TYPES),
      communeCode: r.optional('code_insee'),
      identifiedOn: r.date('repere_le'),
      targeted: r.flag('cible'),
      children: r.integer('enfants'),
    });
  });
  const householdIds = new Set(data.households.map((h) => h.id));
  const refHousehold = (r: Row) => {
    const id = r.required('foyer');
    if (id && !householdIds.has(id)) r.problem('foyer', id, 'a household code of foyers.csv');
    return id;
  };

  each('materiel', (r) => {
    data.items.push({
      id: r.required('id'),
      programmeId: refProgramme(r),
      category: r.oneOf('categorie', ITEM_CATEGORIES),
      model: r.text('modele'),
      source: r.oneOf('provenance', ITEM_SOURCES),
      partner: r.optional('partenaire'),
      receivedOn: r.date('recu_le'),
      placeId: refPlace(r, 'structure'),
    });
  });
  const itemIds = new Set(data.items.map((i) => i.id));

  each('attributions', (r) => {
    const itemId = r.required('materiel');
    if (itemId && !itemIds.has(itemId)) r.problem('materiel', itemId, 'an item id of materiel.csv');
    const mode = r.oneOf('mode', ALLOCATION_MODES);
    const returnedOn = r.date('retourne_le');
    if (mode === 'don' && returnedOn)
      r.problem('retourne_le', returnedOn, 'no return date for a gift (mode don)');
    data.allocations.push({
      itemId,
      householdId: refHousehold(r),
      mode,
      date: r.date('date', true) ?? '',
      dueOn: r.date('retour_prevu'),
      returnedOn,
      returnCondition: r.optional('etat_retour'),
    });
  });

  each('accompagnements', (r) => {
    data.supportActions.push({
      id: r.required('id'),
      householdId: refHousehold(r),
      placeId: refPlace(r, 'structure'),
      type: r.oneOf('type', SUPPORT_TYPES),
      date: r.date('date', true) ?? '',
      minutes: r.integer('duree_min'),
    });
  });

  each('ressources', (r) => {
    const placeId = r.optional('structure');
    if (placeId && !placeIds.has(placeId))
      r.problem('structure', placeId, 'a structure id of structures.csv');
    data.resources.push({
      id: r.required('id'),
      type: r.oneOf('type', RESOURCE_TYPES),
      title: r.required('titre'),
      theme: r.text('theme'),
      public: r.text('public'),
      publishedOn: r.date('publie_le'),
      placeId,
      url: r.optional('lien'),
    });
  });

  for (const reader of readers) problems.push(...reader.problems);
  return { data, problems };
}
