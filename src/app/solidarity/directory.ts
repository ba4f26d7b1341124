/**
 * The directory of the centres' services: a structure's own editing (profile, services, hours),
 * the public search (commune or postal code, service, open now) and the open-data exports in the
 * national standards. Public outputs carry places and services only — never a household.
 */
import { existsSync } from 'node:fs';
import { PanoramaError } from '../../contract/errors/index.js';
import { writeCsv } from '../../csv/write.js';
import {
  ACCESS_LABEL_FR,
  SERVICE_LABEL_FR,
  type Place,
  type PlaceService,
  type ServiceCode,
} from '../../solidarity/domain.js';
import {
  describeOpeningHoursFr,
  formatOpeningHours,
  isOpenAt,
  mergeSchedules,
  parseOpeningHours,
  type WeekSchedule,
} from '../../solidarity/opening-hours.js';
import {
  MEDNUM_FIELDS,
  mednumCells,
  toDataInclusion,
  toMednum,
  type ExportProblem,
} from '../../solidarity/standards.js';
import {
  loadStandardSchemas,
  validateDataInclusion,
  validateMednumRows,
  type SchemaViolation,
  type StandardSchemas,
} from '../../solidarity/validate.js';
import type { Store } from '../../store/index.js';
import type { Scope } from '../scope.js';
import { assertStructureAccess, loadSolidarityData, placeOf } from './data.js';
import type { DirectoryInput, DirectoryQuery, ExportFormat } from './schemas.js';

/** Parses hours or throws the catalogue error naming the position. */
export function checkedHours(text: string): WeekSchedule {
  const r = parseOpeningHours(text);
  if (!r.ok) {
    throw new PanoramaError('solidarity_hours_invalid', {
      value: text,
      position: r.problem.position,
      found: r.problem.found,
      expected: r.problem.expected,
    });
  }
  return r.schedule;
}

export interface DirectoryService {
  service: ServiceCode;
  label: string;
  hours: string;
  hoursText: string;
  access: string;
  accessLabel: string;
  public: string;
  description: string;
  openNow: boolean;
}

export interface DirectoryEntry {
  id: string;
  name: string;
  commune: string;
  communeCode: string | null;
  postalCode: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  latitude: number | null;
  longitude: number | null;
  hours: string | null;
  hoursText: string | null;
  openNow: boolean;
  services: DirectoryService[];
}

function entryOf(place: Place, services: PlaceService[], now: Date): DirectoryEntry {
  const schedules: WeekSchedule[] = [];
  const out = services.map((s) => {
    const parsed = parseOpeningHours(s.hours);
    if (parsed.ok) schedules.push(parsed.schedule);
    return {
      service: s.service,
      label: SERVICE_LABEL_FR[s.service] ?? s.service,
      hours: s.hours,
      hoursText: parsed.ok ? describeOpeningHoursFr(parsed.schedule) : s.hours,
      access: s.access,
      accessLabel: ACCESS_LABEL_FR[s.access] ?? s.access,
      public: s.public,
      description: s.description,
      openNow: parsed.ok && isOpenAt(parsed.schedule, now),
    };
  });
  const merged = schedules.length ? mergeSchedules(schedules) : undefined;
  return {
    id: place.id,
    name: place.name,
    commune: place.commune,
    communeCode: place.communeCode,
    postalCode: place.postalCode,
    address: place.address,
    phone: place.phone,
    email: place.email,
    website: place.website,
    latitude: place.latitude,
    longitude: place.longitude,
    hours: merged ? formatOpeningHours(merged) : null,
    hoursText: merged ? describeOpeningHoursFr(merged) : null,
    openNow: out.some((s) => s.openNow),
    services: out,
  };
}

const norm = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Archived structures (src/app/archive) leave the public directory and its open-data export. */
async function activeStructureIds(store: Store): Promise<Set<string>> {
  return new Set((await store.structures.list({ activeOnly: true })).map((s) => s.id));
}

/** The public directory: places that declared at least one service, filtered. */
export async function searchDirectory(
  store: Store,
  query: DirectoryQuery,
  now: Date,
): Promise<{ entries: DirectoryEntry[] }> {
  const [places, services, active] = await Promise.all([
    store.solidarity.listPlaces(),
    store.solidarity.listServices(),
    activeStructureIds(store),
  ]);
  const byPlace = new Map<string, PlaceService[]>();
  for (const s of services) {
    const list = byPlace.get(s.structureId) ?? [];
    list.push({
      placeId: s.structureId,
      service: s.service as ServiceCode,
      hours: s.hours,
      access: s.access as PlaceService['access'],
      public: s.public,
      description: s.description,
    });
    byPlace.set(s.structureId, list);
  }
  const q = query.q ? norm(query.q) : '';
  const entries = places
    .filter((p) => byPlace.has(p.structureId) && active.has(p.structureId))
    .map((p) => entryOf(placeOf(p), byPlace.get(p.structureId)!, now))
    .filter((e) => {
      if (q && !norm(e.commune).includes(q) && !(e.postalCode ?? '').startsWith(q) && e.communeCode !== q)
        return false;
      if (query.service && !e.services.some((s) => s.service === query.service)) return false;
      if (query.open === '1' && !e.openNow) return false;
      return true;
    })
    .sort((a, b) => a.commune.localeCompare(b.commune, 'fr') || a.name.localeCompare(b.name, 'fr'));
  return { entries };
}

/** One structure's directory record, for its own editing page. */
export async function getStructureDirectory(store: Store, scope: Scope, structureId: string, now: Date) {
  await assertStructureAccess(store, scope, structureId);
  const [place] = await store.solidarity.listPlaces({ structureIds: [structureId] });
  const services = await store.solidarity.listServices({ structureIds: [structureId] });
  const stored = place!;
  return {
    profile: {
      siretOrRna: stored.siretOrRna,
      postalCode: stored.postalCode,
      commune: stored.commune,
      phone: stored.phone,
      email: stored.email,
      website: stored.website,
      latitude: stored.latitude,
      longitude: stored.longitude,
    },
    entry: entryOf(
      placeOf(stored),
      services.map((s) => ({
        placeId: s.structureId,
        service: s.service as ServiceCode,
        hours: s.hours,
        access: s.access as PlaceService['access'],
        public: s.public,
        description: s.description,
      })),
      now,
    ),
  };
}

/** Saves a structure's profile and services; hours are normalised to the canonical OSM text. */
export async function saveStructureDirectory(
  store: Store,
  scope: Scope,
  structureId: string,
  input: DirectoryInput,
  now: Date,
) {
  await assertStructureAccess(store, scope, structureId);
  const services = input.services.map((s) => ({ ...s, hours: formatOpeningHours(checkedHours(s.hours)) }));
  await store.transaction(async (repos) => {
    await repos.solidarity.savePlaceProfile(structureId, input.profile, now.toISOString());
    await repos.solidarity.replaceServices(structureId, services, now.toISOString());
  });
  return getStructureDirectory(store, scope, structureId, now);
}

let schemaCache: { dir: string; schemas: StandardSchemas } | undefined;

/**
 * The official schemas, from PANORAMA_INTEROP_DIR (a copy of ../shared/interop: mednum/schema.json,
 * datainclusion/v1/*.json) when set; without it only the standard's required fields are checked.
 */
export function configuredSchemas(dir = process.env.PANORAMA_INTEROP_DIR): StandardSchemas | undefined {
  if (!dir || !existsSync(dir)) return undefined;
  if (schemaCache?.dir !== dir) schemaCache = { dir, schemas: loadStandardSchemas(dir) };
  return schemaCache.schemas;
}

export interface DirectoryExport {
  contentType: string;
  fileName: string;
  body: string;
  /** Places left out, with the fields they lack. */
  problems: ExportProblem[];
  /** Whether the official schema was used (false: required fields only). */
  schemaChecked: boolean;
}

/**
 * The directory in a national standard. `strict`: any place lacking a required field fails the
 * whole export with the list (CLI); otherwise such places are left out and listed in `problems`
 * (public download). The output is checked against the official schema before it is returned.
 */
export function buildDirectoryExport(
  places: Place[],
  services: PlaceService[],
  format: ExportFormat,
  options: { source: string; updatedOn: string; strict: boolean; schemas?: StandardSchemas },
): DirectoryExport {
  const exportOptions = { source: options.source, updatedOn: options.updatedOn };
  const failIncomplete = (problems: ExportProblem[]) => {
    if (options.strict && problems.length) {
      throw new PanoramaError('solidarity_export_incomplete', { count: problems.length }).with(
        problems.map((p) => ({
          structure: p.placeId,
          name: p.placeName,
          field: p.field,
          code: p.code,
          ...(p.value ? { value: p.value } : {}),
          ...(p.detail ? { detail: p.detail } : {}),
        })),
      );
    }
  };
  const failInvalid = (violations: SchemaViolation[]) => {
    if (violations.length) {
      throw new PanoramaError('solidarity_export_invalid', { format, count: violations.length }).with(
        violations,
      );
    }
  };
  const date = options.updatedOn;
  if (format === 'data-inclusion') {
    const di = toDataInclusion(places, services, exportOptions);
    failIncomplete(di.problems);
    const { dataInclusionStructure: structure, dataInclusionService: service } = options.schemas ?? {};
    if (structure && service) failInvalid(validateDataInclusion(di, { structure, service }));
    return {
      contentType: 'application/json; charset=utf-8',
      fileName: `${date}_data-inclusion.json`,
      body: `${JSON.stringify({ structures: di.structures, services: di.services }, null, 2)}\n`,
      problems: di.problems,
      schemaChecked: !!(structure && service),
    };
  }
  const { rows, problems } = toMednum(places, services, exportOptions);
  failIncomplete(problems);
  if (options.schemas?.mednum) failInvalid(validateMednumRows(rows, options.schemas.mednum));
  const base = `${date}_lieux-de-mediation-numerique`;
  if (format === 'mednum-json') {
    return {
      contentType: 'application/json; charset=utf-8',
      fileName: `${base}.json`,
      body: `${JSON.stringify(rows, null, 2)}\n`,
      problems,
      schemaChecked: !!options.schemas?.mednum,
    };
  }
  return {
    contentType: 'text/csv; charset=utf-8',
    fileName: `${base}.csv`,
    body: writeCsv(MEDNUM_FIELDS, rows.map(mednumCells), { bom: false }),
    problems,
    schemaChecked: !!options.schemas?.mednum,
  };
}

/** The stored directory in a national standard (public download: incomplete places left out). */
export async function exportDirectory(
  store: Store,
  format: ExportFormat,
  options: { source: string; now: Date; strict?: boolean; schemas?: StandardSchemas },
): Promise<DirectoryExport> {
  const data = await loadSolidarityData(store, [...(await activeStructureIds(store))]);
  return buildDirectoryExport(data.places, data.services, format, {
    source: options.source,
    updatedOn: options.now.toISOString().slice(0, 10),
    strict: options.strict ?? false,
    ...(options.schemas ? { schemas: options.schemas } : {}),
  });
}
