import type { Kysely } from 'kysely';
import type {
  AllocationInput,
  HouseholdInput,
  ItemInput,
  PlaceProfileInput,
  ProgrammeInput,
  ResourceInput,
  ServiceInput,
  SolidarityFilter,
  SolidarityRepository,
  StoredAllocation,
  StoredHousehold,
  StoredItem,
  StoredPlace,
  StoredProgramme,
  StoredResource,
  StoredService,
  StoredSupportAction,
  SupportActionInput,
} from '../api-solidarity.js';
import { StoreConflictError, StoreNotFoundError } from '../errors.js';
import type { Database } from '../types.js';
import type { RepoContext } from './common.js';
import {
  chunk,
  fromDbBool,
  inTransaction,
  mapConflict,
  newId,
  nowIso,
  parseJson,
  toDbBool,
} from './common.js';

interface SolidarityPlacesTable {
  structure_id: string;
  siret_or_rna: string | null;
  postal_code: string | null;
  commune: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  latitude: number | null;
  longitude: number | null;
  updated_at: string;
}
interface SolidarityServicesTable {
  id: string;
  structure_id: string;
  service: string;
  hours: string;
  access: string;
  public: string;
  description: string;
  position: number;
  updated_at: string;
}
interface SolidarityProgrammesTable {
  id: string;
  name: string;
  public: string;
  /** JSON array of names. */
  partners: string;
  start_on: string | null;
  end_on: string | null;
  retention_days: number | null;
  created_at: string;
}
interface SolidarityHouseholdsTable {
  id: string;
  programme_id: string;
  structure_id: string;
  code: string;
  type: string;
  commune_code: string | null;
  identified_on: string | null;
  targeted: number;
  children: number | null;
  contact: string | null;
  created_at: string;
}
interface SolidarityItemsTable {
  id: string;
  programme_id: string;
  structure_id: string;
  code: string;
  category: string;
  model: string;
  source: string;
  partner: string | null;
  received_on: string | null;
  created_at: string;
}
interface SolidarityAllocationsTable {
  id: string;
  item_id: string;
  household_id: string;
  mode: string;
  date: string;
  due_on: string | null;
  returned_on: string | null;
  return_condition: string | null;
  reminded_at: string | null;
  created_at: string;
}
interface SolidaritySupportTable {
  id: string;
  household_id: string;
  structure_id: string;
  type: string;
  date: string;
  minutes: number | null;
  created_at: string;
}
interface SolidarityResourcesTable {
  id: string;
  structure_id: string | null;
  type: string;
  title: string;
  url: string | null;
  theme: string;
  public: string;
  published_on: string | null;
  created_at: string;
}

declare module '../types.js' {
  interface Database {
    solidarity_places: SolidarityPlacesTable;
    solidarity_services: SolidarityServicesTable;
    solidarity_programmes: SolidarityProgrammesTable;
    solidarity_households: SolidarityHouseholdsTable;
    solidarity_items: SolidarityItemsTable;
    solidarity_allocations: SolidarityAllocationsTable;
    solidarity_support: SolidaritySupportTable;
    solidarity_resources: SolidarityResourcesTable;
  }
}

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

const serviceOf = (r: SolidarityServicesTable): StoredService => ({
  id: r.id,
  structureId: r.structure_id,
  service: r.service,
  hours: r.hours,
  access: r.access,
  public: r.public,
  description: r.description,
  updatedAt: r.updated_at,
});

const programmeOf = (r: SolidarityProgrammesTable): StoredProgramme => ({
  id: r.id,
  name: r.name,
  public: r.public,
  partners: parseJson<string[]>(r.partners),
  startOn: r.start_on,
  endOn: r.end_on,
  retentionDays: num(r.retention_days),
  createdAt: r.created_at,
});

function householdOf(r: SolidarityHouseholdsTable, withContact: boolean): StoredHousehold {
  return {
    id: r.id,
    programmeId: r.programme_id,
    structureId: r.structure_id,
    code: r.code,
    type: r.type,
    communeCode: r.commune_code,
    identifiedOn: r.identified_on,
    targeted: fromDbBool(r.targeted),
    children: num(r.children),
    ...(withContact ? { contact: r.contact } : {}),
    createdAt: r.created_at,
  };
}

const itemOf = (r: SolidarityItemsTable): StoredItem => ({
  id: r.id,
  programmeId: r.programme_id,
  structureId: r.structure_id,
  code: r.code,
  category: r.category,
  model: r.model,
  source: r.source,
  partner: r.partner,
  receivedOn: r.received_on,
  createdAt: r.created_at,
});

const allocationOf = (r: SolidarityAllocationsTable): StoredAllocation => ({
  id: r.id,
  itemId: r.item_id,
  householdId: r.household_id,
  mode: r.mode,
  date: r.date,
  dueOn: r.due_on,
  returnedOn: r.returned_on,
  returnCondition: r.return_condition,
  remindedAt: r.reminded_at,
  createdAt: r.created_at,
});

const supportOf = (r: SolidaritySupportTable): StoredSupportAction => ({
  id: r.id,
  householdId: r.household_id,
  structureId: r.structure_id,
  type: r.type,
  date: r.date,
  minutes: num(r.minutes),
  createdAt: r.created_at,
});

const resourceOf = (r: SolidarityResourcesTable): StoredResource => ({
  id: r.id,
  structureId: r.structure_id,
  type: r.type,
  title: r.title,
  url: r.url,
  theme: r.theme,
  public: r.public,
  publishedOn: r.published_on,
  createdAt: r.created_at,
});

/** Rows of `table` whose `column` is in ids, read in chunks (bound-parameter limits). */
async function byIds<T>(
  ids: readonly string[] | undefined,
  query: (ids: readonly string[] | undefined) => Promise<T[]>,
): Promise<T[]> {
  if (ids === undefined) return query(undefined);
  if (ids.length === 0) return [];
  const out: T[] = [];
  for (const part of chunk(ids)) out.push(...(await query(part)));
  return out;
}

async function assertStructure(db: Kysely<Database>, id: string): Promise<void> {
  const row = await db.selectFrom('structures').select('id').where('id', '=', id).executeTakeFirst();
  if (!row) throw new StoreNotFoundError('structure', id);
}

export function solidarityRepository({ db }: RepoContext): SolidarityRepository {
  async function listPlaces(filter: SolidarityFilter = {}): Promise<StoredPlace[]> {
    const rows = await byIds(filter.structureIds, (ids) => {
      let q = db
        .selectFrom('structures as s')
        .leftJoin('solidarity_places as p', 'p.structure_id', 's.id')
        .select([
          's.id',
          's.name',
          's.address',
          's.commune_code',
          's.territory_id',
          'p.siret_or_rna',
          'p.postal_code',
          'p.commune',
          'p.phone',
          'p.email',
          'p.website',
          'p.latitude',
          'p.longitude',
          'p.updated_at',
        ]);
      if (ids) q = q.where('s.id', 'in', ids);
      return q.orderBy('s.id').execute();
    });
    return rows.map((r) => ({
      structureId: r.id,
      name: r.name,
      address: r.address,
      communeCode: r.commune_code,
      territoryId: r.territory_id,
      siretOrRna: r.siret_or_rna,
      postalCode: r.postal_code,
      commune: r.commune,
      phone: r.phone,
      email: r.email,
      website: r.website,
      latitude: num(r.latitude),
      longitude: num(r.longitude),
      updatedAt: r.updated_at,
    }));
  }

  async function getAllocationRow(executor: Kysely<Database>, id: string) {
    const row = await executor
      .selectFrom('solidarity_allocations')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new StoreNotFoundError('allocation', id);
    return row;
  }

  return {
    listPlaces,

    async savePlaceProfile(structureId, profile: PlaceProfileInput, now = nowIso()) {
      await assertStructure(db, structureId);
      const values = {
        siret_or_rna: profile.siretOrRna ?? null,
        postal_code: profile.postalCode ?? null,
        commune: profile.commune ?? null,
        phone: profile.phone ?? null,
        email: profile.email ?? null,
        website: profile.website ?? null,
        latitude: profile.latitude ?? null,
        longitude: profile.longitude ?? null,
        updated_at: now,
      };
      await inTransaction(db, async (trx) => {
        const existing = await trx
          .selectFrom('solidarity_places')
          .select('structure_id')
          .where('structure_id', '=', structureId)
          .executeTakeFirst();
        if (existing) {
          await trx
            .updateTable('solidarity_places')
            .set(values)
            .where('structure_id', '=', structureId)
            .execute();
        } else {
          await trx
            .insertInto('solidarity_places')
            .values({ structure_id: structureId, ...values })
            .execute();
        }
      });
      return (await listPlaces({ structureIds: [structureId] }))[0]!;
    },

    async replaceServices(structureId, services: readonly ServiceInput[], now = nowIso()) {
      await assertStructure(db, structureId);
      const rows = services.map((s, position) => ({
        id: newId(),
        structure_id: structureId,
        service: s.service,
        hours: s.hours,
        access: s.access,
        public: s.public,
        description: s.description,
        position,
        updated_at: now,
      }));
      await inTransaction(db, async (trx) => {
        await trx.deleteFrom('solidarity_services').where('structure_id', '=', structureId).execute();
        if (rows.length) await trx.insertInto('solidarity_services').values(rows).execute();
      });
      return rows.map(serviceOf);
    },

    async listServices(filter = {}) {
      const rows = await byIds(filter.structureIds, (ids) => {
        let q = db.selectFrom('solidarity_services').selectAll();
        if (ids) q = q.where('structure_id', 'in', ids);
        return q.orderBy('structure_id').orderBy('position').execute();
      });
      return rows.map(serviceOf);
    },

    async createProgramme(input: ProgrammeInput, now = nowIso()) {
      const row: SolidarityProgrammesTable = {
        id: input.id ?? newId(),
        name: input.name,
        public: input.public,
        partners: JSON.stringify(input.partners),
        start_on: input.startOn,
        end_on: input.endOn,
        retention_days: input.retentionDays,
        created_at: now,
      };
      await mapConflict(
        db.insertInto('solidarity_programmes').values(row).execute(),
        `the programme "${row.id}" already exists`,
        'id',
      );
      return programmeOf(row);
    },

    async getProgramme(id) {
      const row = await db
        .selectFrom('solidarity_programmes')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? programmeOf(row) : undefined;
    },

    async listProgrammes() {
      return (
        await db.selectFrom('solidarity_programmes').selectAll().orderBy('created_at').orderBy('id').execute()
      ).map(programmeOf);
    },

    async addHouseholds(inputs: readonly HouseholdInput[], now = nowIso()) {
      const rows: SolidarityHouseholdsTable[] = inputs.map((h) => ({
        id: newId(),
        programme_id: h.programmeId,
        structure_id: h.structureId,
        code: h.code,
        type: h.type,
        commune_code: h.communeCode,
        identified_on: h.identifiedOn,
        targeted: toDbBool(h.targeted),
        children: h.children,
        contact: h.contact ?? null,
        created_at: now,
      }));
      await inTransaction(db, async (trx) => {
        for (const part of chunk(rows, 200)) {
          await mapConflict(
            trx.insertInto('solidarity_households').values(part).execute(),
            'a household code is already used in this programme',
            'code',
          );
        }
      });
      return rows.map((r) => householdOf(r, false));
    },

    async listHouseholds(filter = {}) {
      const rows = await byIds(filter.structureIds, (ids) => {
        let q = db.selectFrom('solidarity_households').selectAll();
        if (ids) q = q.where('structure_id', 'in', ids);
        if (filter.programmeId) q = q.where('programme_id', '=', filter.programmeId);
        return q.orderBy('programme_id').orderBy('code').execute();
      });
      return rows.map((r) => householdOf(r, filter.withContact === true));
    },

    async getHousehold(id) {
      const row = await db
        .selectFrom('solidarity_households')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? householdOf(row, false) : undefined;
    },

    async purgeContacts(now = nowIso()) {
      const programmes = await db
        .selectFrom('solidarity_programmes')
        .select(['id', 'retention_days'])
        .where('retention_days', 'is not', null)
        .execute();
      let purged = 0;
      for (const p of programmes) {
        const limit = new Date(Date.parse(now) - Number(p.retention_days) * 86_400_000).toISOString();
        const result = await db
          .updateTable('solidarity_households')
          .set({ contact: null })
          .where('programme_id', '=', p.id)
          .where('contact', 'is not', null)
          .where('created_at', '<', limit)
          .executeTakeFirst();
        purged += Number(result.numUpdatedRows);
      }
      return purged;
    },

    async addItems(inputs: readonly ItemInput[], now = nowIso()) {
      const rows: SolidarityItemsTable[] = inputs.map((i) => ({
        id: newId(),
        programme_id: i.programmeId,
        structure_id: i.structureId,
        code: i.code,
        category: i.category,
        model: i.model,
        source: i.source,
        partner: i.partner,
        received_on: i.receivedOn,
        created_at: now,
      }));
      await inTransaction(db, async (trx) => {
        for (const part of chunk(rows, 200)) {
          await mapConflict(
            trx.insertInto('solidarity_items').values(part).execute(),
            'an item code is already used in this programme',
            'code',
          );
        }
      });
      return rows.map(itemOf);
    },

    async listItems(filter = {}) {
      const rows = await byIds(filter.structureIds, (ids) => {
        let q = db.selectFrom('solidarity_items').selectAll();
        if (ids) q = q.where('structure_id', 'in', ids);
        if (filter.programmeId) q = q.where('programme_id', '=', filter.programmeId);
        return q.orderBy('programme_id').orderBy('code').execute();
      });
      return rows.map(itemOf);
    },

    async getItem(id) {
      const row = await db.selectFrom('solidarity_items').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? itemOf(row) : undefined;
    },

    async transferItem(id, structureId) {
      await assertStructure(db, structureId);
      const result = await db
        .updateTable('solidarity_items')
        .set({ structure_id: structureId })
        .where('id', '=', id)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new StoreNotFoundError('item', id);
      return itemOf(
        await db.selectFrom('solidarity_items').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
      );
    },

    async allocate(input: AllocationInput, now = nowIso()) {
      return inTransaction(db, async (trx) => {
        const item = await trx
          .selectFrom('solidarity_items')
          .select('id')
          .where('id', '=', input.itemId)
          .executeTakeFirst();
        if (!item) throw new StoreNotFoundError('item', input.itemId);
        const household = await trx
          .selectFrom('solidarity_households')
          .select('id')
          .where('id', '=', input.householdId)
          .executeTakeFirst();
        if (!household) throw new StoreNotFoundError('household', input.householdId);
        const out = await trx
          .selectFrom('solidarity_allocations')
          .select('id')
          .where('item_id', '=', input.itemId)
          .where((eb) => eb.or([eb('mode', '=', 'don'), eb('returned_on', 'is', null)]))
          .executeTakeFirst();
        if (out) throw new StoreConflictError('this item is already given or lent', 'itemId');
        const row: SolidarityAllocationsTable = {
          id: newId(),
          item_id: input.itemId,
          household_id: input.householdId,
          mode: input.mode,
          date: input.date,
          due_on: input.dueOn,
          returned_on: input.returnedOn ?? null,
          return_condition: input.returnCondition ?? null,
          reminded_at: null,
          created_at: now,
        };
        await trx.insertInto('solidarity_allocations').values(row).execute();
        return allocationOf(row);
      });
    },

    async getAllocation(id) {
      const row = await db
        .selectFrom('solidarity_allocations')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? allocationOf(row) : undefined;
    },

    async recordReturn(id, returnedOn, condition) {
      return inTransaction(db, async (trx) => {
        const row = await getAllocationRow(trx, id);
        if (row.mode !== 'pret') throw new StoreConflictError('a gift is not returned', 'mode');
        if (row.returned_on !== null)
          throw new StoreConflictError('this loan is already returned', 'returnedOn');
        await trx
          .updateTable('solidarity_allocations')
          .set({ returned_on: returnedOn, return_condition: condition })
          .where('id', '=', id)
          .execute();
        return allocationOf({ ...row, returned_on: returnedOn, return_condition: condition });
      });
    },

    async extendLoan(id, dueOn) {
      return inTransaction(db, async (trx) => {
        const row = await getAllocationRow(trx, id);
        if (row.mode !== 'pret' || row.returned_on !== null) {
          throw new StoreConflictError('only a loan still out can be extended', 'dueOn');
        }
        await trx.updateTable('solidarity_allocations').set({ due_on: dueOn }).where('id', '=', id).execute();
        return allocationOf({ ...row, due_on: dueOn });
      });
    },

    async markReminded(ids, now = nowIso()) {
      for (const part of chunk(ids)) {
        await db
          .updateTable('solidarity_allocations')
          .set({ reminded_at: now })
          .where('id', 'in', part)
          .execute();
      }
    },

    async listAllocations(filter = {}) {
      const rows = await byIds(filter.structureIds, (ids) => {
        let q = db
          .selectFrom('solidarity_allocations as a')
          .innerJoin('solidarity_items as i', 'i.id', 'a.item_id')
          .selectAll('a');
        if (ids) q = q.where('i.structure_id', 'in', ids);
        if (filter.programmeId) q = q.where('i.programme_id', '=', filter.programmeId);
        return q.orderBy('a.date').orderBy('a.id').execute();
      });
      return rows.map(allocationOf);
    },

    async addSupportActions(inputs: readonly SupportActionInput[], now = nowIso()) {
      const rows: SolidaritySupportTable[] = inputs.map((s) => ({
        id: newId(),
        household_id: s.householdId,
        structure_id: s.structureId,
        type: s.type,
        date: s.date,
        minutes: s.minutes,
        created_at: now,
      }));
      await inTransaction(db, async (trx) => {
        for (const part of chunk(rows, 200))
          await trx.insertInto('solidarity_support').values(part).execute();
      });
      return rows.map(supportOf);
    },

    async listSupportActions(filter = {}) {
      const rows = await byIds(filter.structureIds, (ids) => {
        let q = db
          .selectFrom('solidarity_support as s')
          .innerJoin('solidarity_households as h', 'h.id', 's.household_id')
          .selectAll('s');
        if (ids) q = q.where('s.structure_id', 'in', ids);
        if (filter.programmeId) q = q.where('h.programme_id', '=', filter.programmeId);
        return q.orderBy('s.date').orderBy('s.id').execute();
      });
      return rows.map(supportOf);
    },

    async addResource(input: ResourceInput, now = nowIso()) {
      if (input.structureId) await assertStructure(db, input.structureId);
      const row: SolidarityResourcesTable = {
        id: newId(),
        structure_id: input.structureId,
        type: input.type,
        title: input.title,
        url: input.url,
        theme: input.theme,
        public: input.public,
        published_on: input.publishedOn,
        created_at: now,
      };
      await db.insertInto('solidarity_resources').values(row).execute();
      return resourceOf(row);
    },

    async listResources(filter = {}) {
      const rows = await byIds(filter.structureIds, (ids) => {
        let q = db.selectFrom('solidarity_resources').selectAll();
        if (ids) q = q.where('structure_id', 'in', ids);
        return q.orderBy('published_on', 'desc').orderBy('id').execute();
      });
      return rows.map(resourceOf);
    },

    async deleteResource(id) {
      const result = await db.deleteFrom('solidarity_resources').where('id', '=', id).executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) throw new StoreNotFoundError('resource', id);
    },
  };
}
