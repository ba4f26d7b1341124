/**
 * The directory in the national open-data standards:
 * - « lieux de médiation numérique » (LaMednum / ANCT, Table Schema v1.0.2): one row per place,
 *   multi-values joined with `|`, hours in OSM `opening_hours` (the union of the place's services);
 * - data·inclusion v1: one structure per place and one service per declared service.
 * Only public data: places, services, hours, contacts of the structure. Never a household.
 *
 * A place that lacks a field the standard requires (SIRET/RNA, postal code, address) is not
 * exported; it is listed in `problems` with the field, so the structure can complete its record.
 */
import {
  ACCESS_LABEL_FR,
  SERVICE_LABEL_FR,
  type AccessMode,
  type Place,
  type PlaceService,
  type ServiceCode,
} from './domain.js';
import { formatOpeningHours, mergeSchedules, parseOpeningHours, type WeekSchedule } from './opening-hours.js';
import { postalCodesOf } from './postal.js';

/** Field order of the standard (schema.json v1.0.2): the CSV columns, in this order. */
export const MEDNUM_FIELDS = [
  'id',
  'pivot',
  'nom',
  'commune',
  'code_postal',
  'code_insee',
  'adresse',
  'complement_adresse',
  'latitude',
  'longitude',
  'typologie',
  'telephone',
  'courriels',
  'site_web',
  'horaires',
  'presentation_resume',
  'presentation_detail',
  'source',
  'itinerance',
  'structure_parente',
  'date_maj',
  'services',
  'publics_specifiquement_adresses',
  'prise_en_charge_specifique',
  'frais_a_charge',
  'dispositif_programmes_nationaux',
  'formations_labels',
  'autres_formations_labels',
  'modalites_acces',
  'modalites_accompagnement',
  'fiche_acces_libre',
  'prise_rdv',
] as const;
export type MednumRow = Partial<Record<(typeof MEDNUM_FIELDS)[number], string | number>>;

/** Our services in the standards' vocabularies (null: no equivalent in that standard). */
export const SERVICE_STANDARDS: Record<
  ServiceCode,
  { mednum: string | null; type: string; thematiques: string[] }
> = {
  demarches_en_ligne: {
    mednum: 'Aide aux démarches administratives',
    type: 'accompagnement',
    thematiques: [
      'numerique--acceder-a-des-services-en-ligne',
      'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives',
    ],
  },
  acces_internet_materiel: {
    mednum: 'Accès internet et matériel informatique',
    type: 'aide-materielle',
    thematiques: ['numerique--acceder-a-une-connexion-internet'],
  },
  pret_materiel: {
    mednum: 'Accès internet et matériel informatique',
    type: 'aide-materielle',
    thematiques: ['numerique--acquerir-un-equipement'],
  },
  impression_documents: {
    mednum: 'Accès internet et matériel informatique',
    type: 'aide-materielle',
    thematiques: ['numerique--acceder-a-des-services-en-ligne'],
  },
  accompagnement_scolaire: {
    mednum: 'Parentalité et éducation avec le numérique',
    type: 'accompagnement',
    thematiques: ['famille--soutien-a-la-parentalite-et-a-leducation'],
  },
  accueil_telephonique: {
    mednum: null,
    type: 'information',
    thematiques: ['remobilisation--lien-social'],
  },
  outils_numeriques_quotidien: {
    mednum: 'Maîtrise des outils numériques du quotidien',
    type: 'atelier',
    thematiques: ['numerique--maitriser-les-fondamentaux-du-numerique'],
  },
  parentalite_numerique: {
    mednum: 'Parentalité et éducation avec le numérique',
    type: 'accompagnement',
    thematiques: ['famille--soutien-a-la-parentalite-et-a-leducation'],
  },
  aide_alimentaire: {
    mednum: null,
    type: 'aide-materielle',
    thematiques: ['equipement-et-alimentation--alimentation'],
  },
};

const MEDNUM_ACCESS: Record<AccessMode, string> = {
  accueil: 'Se présenter',
  telephone: 'Téléphoner',
  // An appointment is taken by phone at the centres (no online booking is declared).
  sur_rendez_vous: 'Téléphoner',
};

const DI_MOBILISATION: Record<AccessMode, string> = {
  accueil: 'se-presenter',
  telephone: 'telephoner',
  sur_rendez_vous: 'telephoner',
};

export interface ExportProblem {
  placeId: string;
  placeName: string;
  /** The standard's field. */
  field: string;
  /** What is missing or wrong, as an error code of src/contract/errors/solidarity.ts. */
  code: 'solidarity_place_field_missing' | 'solidarity_place_field_invalid';
  value?: string;
  /** Precision (e.g. the postal codes of a commune that has several). */
  detail?: string;
}

export interface ExportOptions {
  /** The producer (the federation): `source` of both standards. */
  source: string;
  /** date_maj, YYYY-MM-DD. */
  updatedOn: string;
}

/** +33… (the standard's pattern) from a French number written 03 20 12 34 56 / 0320123456. */
export function normalisePhone(text: string): string | undefined {
  const digits = text.replace(/[\s.\-()]/g, '');
  if (/^(\+33|\+590|\+594|\+262|\+596|\+269|\+687|\+689|\+508|\+681)\d{6,9}$/.test(digits)) return digits;
  if (/^0\d{9}$/.test(digits)) return `+33${digits.slice(1)}`;
  return undefined;
}

function publicsOf(services: PlaceService[]): string[] {
  const out = new Set<string>();
  for (const s of services) {
    const p = s.public.toLowerCase();
    if (p.includes('famil') || p.includes('enfant')) out.add('Familles et/ou enfants');
    if (p.includes('senior')) out.add('Seniors');
    if (p.includes('jeune')) out.add('Jeunes');
    if (p.includes('étudiant') || p.includes('etudiant')) out.add('Étudiants');
    if (p.includes('femme')) out.add('Femmes');
  }
  return [...out];
}

function scheduleOf(services: PlaceService[]): WeekSchedule | undefined {
  const schedules = services
    .map((s) => parseOpeningHours(s.hours))
    .flatMap((r) => (r.ok ? [r.schedule] : []));
  return schedules.length ? mergeSchedules(schedules) : undefined;
}

/** The place's identity as the standards require it; problems for what is missing. */
function identity(place: Place, problems: ExportProblem[]) {
  const miss = (field: string, detail?: string) =>
    problems.push({
      placeId: place.id,
      placeName: place.name,
      field,
      code: 'solidarity_place_field_missing',
      ...(detail ? { detail } : {}),
    });
  const invalid = (field: string, value: string) =>
    problems.push({
      placeId: place.id,
      placeName: place.name,
      field,
      code: 'solidarity_place_field_invalid',
      value,
    });
  const before = problems.length;
  const pivot = place.siretOrRna?.replace(/\s/g, '') ?? '';
  if (!pivot) miss('pivot');
  else if (!/^(\d{14}|W\d{9})$/.test(pivot)) invalid('pivot', pivot);
  let postalCode = place.postalCode?.trim() ?? '';
  if (!postalCode && place.communeCode) {
    const codes = postalCodesOf(place.communeCode);
    if (codes.length === 1) postalCode = codes[0]!;
    else miss('code_postal', codes.length > 1 ? codes.join(', ') : undefined);
  } else if (!postalCode) miss('code_postal');
  else if (!/^\d{5}$/.test(postalCode)) invalid('code_postal', postalCode);
  if (!place.address?.trim()) miss('adresse');
  if (!place.commune.trim()) miss('commune');
  let phone: string | undefined;
  if (place.phone) {
    phone = normalisePhone(place.phone);
    if (!phone) invalid('telephone', place.phone);
  }
  return { ok: problems.length === before, pivot, postalCode, phone };
}

function groupServices(services: readonly PlaceService[]): Map<string, PlaceService[]> {
  const byPlace = new Map<string, PlaceService[]>();
  for (const s of services) {
    const list = byPlace.get(s.placeId) ?? [];
    list.push(s);
    byPlace.set(s.placeId, list);
  }
  return byPlace;
}

/** Places that declared at least one service, as rows of the « lieux de médiation numérique » standard. */
export function toMednum(
  places: readonly Place[],
  services: readonly PlaceService[],
  options: ExportOptions,
): { rows: MednumRow[]; problems: ExportProblem[] } {
  const byPlace = groupServices(services);
  const rows: MednumRow[] = [];
  const problems: ExportProblem[] = [];
  for (const place of places) {
    const own = byPlace.get(place.id);
    if (!own?.length) continue;
    const id = identity(place, problems);
    if (!id.ok) continue;
    const schedule = scheduleOf(own);
    const mednumServices = [...new Set(own.flatMap((s) => SERVICE_STANDARDS[s.service].mednum ?? []))];
    const labels = [...new Set(own.map((s) => SERVICE_LABEL_FR[s.service]))];
    let resume = `Centre social. Services : ${labels.join(', ')}.`;
    if (resume.length > 280) resume = `${resume.slice(0, 279)}…`;
    const detail = own
      .map(
        (s) =>
          `${SERVICE_LABEL_FR[s.service]} (${ACCESS_LABEL_FR[s.access].toLowerCase()}, ${s.hours})` +
          (s.description ? ` : ${s.description}` : ''),
      )
      .join(' ; ');
    const row: MednumRow = {
      id: place.id,
      pivot: id.pivot,
      nom: place.name,
      commune: place.commune,
      code_postal: id.postalCode,
      adresse: place.address!.trim(),
      presentation_resume: resume,
      presentation_detail: detail,
      source: options.source,
      date_maj: options.updatedOn,
      modalites_acces: [...new Set(own.map((s) => MEDNUM_ACCESS[s.access]))].join('|'),
    };
    if (place.communeCode) row.code_insee = place.communeCode;
    if (place.latitude !== null) row.latitude = place.latitude;
    if (place.longitude !== null) row.longitude = place.longitude;
    if (id.phone) row.telephone = id.phone;
    if (place.email) row.courriels = place.email;
    if (place.website) row.site_web = place.website;
    if (schedule) row.horaires = formatOpeningHours(schedule);
    if (mednumServices.length) row.services = mednumServices.join('|');
    const publics = publicsOf(own);
    if (publics.length) row.publics_specifiquement_adresses = publics.join('|');
    rows.push(row);
  }
  return { rows, problems };
}

/** Text cells of a mednum row, in the standard's column order (for the CSV writer). */
export function mednumCells(row: MednumRow): (string | number | null)[] {
  return MEDNUM_FIELDS.map((f) => row[f] ?? null);
}

export interface DataInclusionExport {
  structures: Record<string, unknown>[];
  services: Record<string, unknown>[];
}

const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The directory as data·inclusion v1 structures and services. */
export function toDataInclusion(
  places: readonly Place[],
  services: readonly PlaceService[],
  options: ExportOptions,
): DataInclusionExport & { problems: ExportProblem[] } {
  const byPlace = groupServices(services);
  const source = slug(options.source) || 'panorama';
  const out: DataInclusionExport & { problems: ExportProblem[] } = {
    structures: [],
    services: [],
    problems: [],
  };
  for (const place of places) {
    const own = byPlace.get(place.id);
    if (!own?.length) continue;
    const id = identity(place, out.problems);
    if (!id.ok) continue;
    const schedule = scheduleOf(own);
    const structureId = `${source}--${place.id}`;
    const address = {
      commune: place.commune,
      code_postal: id.postalCode,
      code_insee: place.communeCode,
      adresse: place.address!.trim(),
      latitude: place.latitude,
      longitude: place.longitude,
    };
    out.structures.push({
      source,
      id: structureId,
      nom: place.name.replace(/\.+$/, ''),
      date_maj: options.updatedOn,
      siret: /^\d{14}$/.test(id.pivot) ? id.pivot : null,
      ...address,
      telephone: id.phone ?? null,
      courriel: place.email,
      site_web: place.website,
      horaires_accueil: schedule ? formatOpeningHours(schedule) : null,
      reseaux_porteurs: ['fcsf'],
    });
    own.forEach((s, index) => {
      const standard = SERVICE_STANDARDS[s.service];
      const label = SERVICE_LABEL_FR[s.service];
      const publics = publicsOf([s]);
      out.services.push({
        source,
        structure_id: structureId,
        id: `${structureId}--${s.service}-${index + 1}`,
        nom: label,
        description: s.description || `${label} au ${place.name}, ${place.commune}.`,
        date_maj: options.updatedOn,
        type: standard.type,
        thematiques: standard.thematiques,
        publics: publics.length
          ? publics.map((p) =>
              p === 'Familles et/ou enfants'
                ? 'familles'
                : p === 'Seniors'
                  ? 'seniors'
                  : p === 'Jeunes'
                    ? 'jeunes'
                    : p === 'Étudiants'
                      ? 'etudiants'
                      : 'femmes',
            )
          : ['tous-publics'],
        modes_accueil: [s.access === 'telephone' ? 'a-distance' : 'en-presentiel'],
        modes_mobilisation: [DI_MOBILISATION[s.access]],
        mobilisable_par: ['usagers', 'professionnels'],
        horaires_accueil: s.hours,
        telephone: id.phone ?? null,
        ...address,
      });
    });
  }
  return out;
}
