/**
 * Between the store and the pure core: the solidarity data of a scope as the core's types
 * (households keep their pseudonymous codes; contacts are never loaded here), and the import of a
 * folder read by src/solidarity/read.ts into the store, all or nothing.
 */
import { resolveCommune } from '../../ingest/commune.js';
import type { Store, Repositories } from '../../store/index.js';
import type { StoredPlace } from '../../store/api-solidarity.js';
import type {
  AccessMode,
  AllocationMode,
  HouseholdType,
  ItemCategory,
  ItemSource,
  Place,
  ResourceType,
  ServiceCode,
  SolidarityData,
  SupportType,
} from '../../solidarity/domain.js';
import { scopeIncludesStructure, type Scope } from '../scope.js';
import { PanoramaError } from '../../contract/errors/index.js';

export function placeOf(p: StoredPlace): Place {
  return {
    id: p.structureId,
    name: p.name,
    commune: p.commune ?? (p.communeCode ? (resolveCommune(p.communeCode)?.commune.name ?? '') : ''),
    communeCode: p.communeCode,
    postalCode: p.postalCode,
    address: p.address,
    siretOrRna: p.siretOrRna,
    phone: p.phone,
    email: p.email,
    website: p.website,
    latitude: p.latitude,
    longitude: p.longitude,
    territory: p.territoryId,
  };
}

/** Structure ids a scope sees (undefined: all). */
export async function scopedStructureIds(store: Store, scope: Scope): Promise<string[] | undefined> {
  if (scope.all) return undefined;
  if (scope.structureId !== undefined) return scope.structureId ? [scope.structureId] : [];
  if (scope.territoryIds.size === 0) return [];
  return (await store.structures.list({ territoryIds: [...scope.territoryIds] })).map((s) => s.id);
}

/** 403 unless the structure exists and lies in the scope; 404 for an unknown one. */
export async function assertStructureAccess(store: Store, scope: Scope, structureId: string): Promise<void> {
  const structure = await store.structures.get(structureId);
  if (!structure) throw new PanoramaError('solidarity_not_found', { what: 'Structure', id: structureId });
  if (!scopeIncludesStructure(scope, structure)) {
    // The API's one 403 code (clients and the authorization tests rely on it).
    throw new PanoramaError('forbidden');
  }
}

/** Everything the figures need, for the structures of `structureIds` (undefined: all). */
export async function loadSolidarityData(store: Store, structureIds?: string[]): Promise<SolidarityData> {
  const filter = { structureIds };
  const repo = store.solidarity;
  const [places, services, programmes, households, items, allocations, support, resources] =
    await Promise.all([
      repo.listPlaces(filter),
      repo.listServices(filter),
      repo.listProgrammes(),
      repo.listHouseholds(filter),
      repo.listItems(filter),
      repo.listAllocations(filter),
      repo.listSupportActions(filter),
      repo.listResources(filter),
    ]);
  return {
    places: places.map(placeOf),
    services: services.map((s) => ({
      placeId: s.structureId,
      service: s.service as ServiceCode,
      hours: s.hours,
      access: s.access as AccessMode,
      public: s.public,
      description: s.description,
    })),
    programmes: programmes.map((p) => ({
      id: p.id,
      name: p.name,
      public: p.public as HouseholdType,
      partners: p.partners,
      start: p.startOn,
      end: p.endOn,
    })),
    households: households.map((h) => ({
      id: h.id,
      programmeId: h.programmeId,
      placeId: h.structureId,
      type: h.type as HouseholdType,
      communeCode: h.communeCode,
      identifiedOn: h.identifiedOn,
      targeted: h.targeted,
      children: h.children,
    })),
    items: items.map((i) => ({
      id: i.id,
      programmeId: i.programmeId,
      category: i.category as ItemCategory,
      model: i.model,
      source: i.source as ItemSource,
      partner: i.partner,
      receivedOn: i.receivedOn,
      placeId: i.structureId,
    })),
    allocations: allocations.map((a) => ({
      itemId: a.itemId,
      householdId: a.householdId,
      mode: a.mode as AllocationMode,
      date: a.date,
      dueOn: a.dueOn,
      returnedOn: a.returnedOn,
      returnCondition: a.returnCondition,
    })),
    supportActions: support.map((s) => ({
      id: s.id,
      householdId: s.householdId,
      placeId: s.structureId,
      type: s.type as SupportType,
      date: s.date,
      minutes: s.minutes,
    })),
    resources: resources.map((r) => ({
      id: r.id,
      type: r.type as ResourceType,
      title: r.title,
      theme: r.theme,
      public: r.public,
      publishedOn: r.publishedOn,
      placeId: r.structureId,
      url: r.url,
    })),
  };
}

/**
 * Writes a folder's data into the store in one transaction. The structures must already be in the
 * registry (they are referenced, not created); household and item codes are kept as codes.
 */
export async function importSolidarityData(
  store: Store,
  data: SolidarityData,
): Promise<{
  households: number;
  items: number;
  allocations: number;
  supportActions: number;
  resources: number;
}> {
  return store.transaction(async (repos: Repositories) => {
    const repo = repos.solidarity;
    for (const place of data.places) {
      if (!(await repos.structures.get(place.id))) {
        throw new PanoramaError('solidarity_not_found', { what: 'Structure du registre', id: place.id });
      }
      if (place.siretOrRna || place.postalCode || place.phone || place.email || place.website) {
        await repo.savePlaceProfile(place.id, {
          siretOrRna: place.siretOrRna,
          postalCode: place.postalCode,
          commune: place.commune || null,
          phone: place.phone,
          email: place.email,
          website: place.website,
          latitude: place.latitude,
          longitude: place.longitude,
        });
      }
    }
    const byPlace = new Map<string, typeof data.services>();
    for (const s of data.services) byPlace.set(s.placeId, [...(byPlace.get(s.placeId) ?? []), s]);
    for (const [placeId, services] of byPlace) await repo.replaceServices(placeId, services);
    for (const p of data.programmes) {
      await repo.createProgramme({
        id: p.id,
        name: p.name,
        public: p.public,
        partners: p.partners,
        startOn: p.start,
        endOn: p.end,
        retentionDays: null,
      });
    }
    const households = await repo.addHouseholds(
      data.households.map((h) => ({
        programmeId: h.programmeId,
        structureId: h.placeId,
        code: h.id,
        type: h.type,
        communeCode: h.communeCode,
        identifiedOn: h.identifiedOn,
        targeted: h.targeted,
        children: h.children,
      })),
    );
    const householdId = new Map(households.map((h) => [h.code, h.id]));
    const items = await repo.addItems(
      data.items.map((i) => ({
        programmeId: i.programmeId,
        structureId: i.placeId,
        code: i.id,
        category: i.category,
        model: i.model,
        source: i.source,
        partner: i.partner,
        receivedOn: i.receivedOn,
      })),
    );
    const itemId = new Map(items.map((i) => [i.code, i.id]));
    const sorted = [...data.allocations].sort((a, b) => a.date.localeCompare(b.date));
    for (const a of sorted) {
      await repo.allocate({
        itemId: itemId.get(a.itemId)!,
        householdId: householdId.get(a.householdId)!,
        mode: a.mode,
        date: a.date,
        dueOn: a.dueOn,
        returnedOn: a.returnedOn,
        returnCondition: a.returnCondition,
      });
    }
    await repo.addSupportActions(
      data.supportActions.map((s) => ({
        householdId: householdId.get(s.householdId)!,
        structureId: s.placeId,
        type: s.type,
        date: s.date,
        minutes: s.minutes,
      })),
    );
    for (const r of data.resources) {
      await repo.addResource({
        structureId: r.placeId,
        type: r.type,
        title: r.title,
        url: r.url,
        theme: r.theme,
        public: r.public,
        publishedOn: r.publishedOn,
      });
    }
    return {
      households: households.length,
      items: items.length,
      allocations: sorted.length,
      supportActions: data.supportActions.length,
      resources: data.resources.length,
    };
  });
}
