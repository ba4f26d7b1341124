/**
 * Digital solidarity: part of the storage API. Households are pseudonymous codes; `contact`
 * (optional) is returned only by `listHouseholds({ withContact: true })`, for the structure's own
 * staff, and is purged after the programme's retention period.
 */

export interface StoredPlace {
  structureId: string;
  /** From the registry. */
  name: string;
  address: string | null;
  communeCode: string | null;
  territoryId: string | null;
  /** Directory profile (null until the structure fills it). */
  siretOrRna: string | null;
  postalCode: string | null;
  commune: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  latitude: number | null;
  longitude: number | null;
  updatedAt: string | null;
}

export type PlaceProfileInput = Partial<
  Pick<
    StoredPlace,
    'siretOrRna' | 'postalCode' | 'commune' | 'phone' | 'email' | 'website' | 'latitude' | 'longitude'
  >
>;

export interface StoredService {
  id: string;
  structureId: string;
  service: string;
  hours: string;
  access: string;
  public: string;
  description: string;
  updatedAt: string;
}

export type ServiceInput = Pick<StoredService, 'service' | 'hours' | 'access' | 'public' | 'description'>;

export interface StoredProgramme {
  id: string;
  name: string;
  public: string;
  partners: string[];
  startOn: string | null;
  endOn: string | null;
  /** Days a household's contact is kept after it was recorded; null = no contact kept. */
  retentionDays: number | null;
  createdAt: string;
}

export type ProgrammeInput = Omit<StoredProgramme, 'createdAt' | 'id'> & { id?: string };

export interface StoredHousehold {
  id: string;
  programmeId: string;
  structureId: string;
  /** Pseudonymous code, unique within the programme. */
  code: string;
  type: string;
  communeCode: string | null;
  identifiedOn: string | null;
  targeted: boolean;
  children: number | null;
  /** Only with `withContact`. */
  contact?: string | null;
  createdAt: string;
}

export type HouseholdInput = Omit<StoredHousehold, 'id' | 'createdAt' | 'contact'> & {
  contact?: string | null;
};

export interface StoredItem {
  id: string;
  programmeId: string;
  structureId: string;
  code: string;
  category: string;
  model: string;
  source: string;
  partner: string | null;
  receivedOn: string | null;
  createdAt: string;
}

export type ItemInput = Omit<StoredItem, 'id' | 'createdAt'>;

export interface StoredAllocation {
  id: string;
  itemId: string;
  householdId: string;
  mode: string;
  date: string;
  dueOn: string | null;
  returnedOn: string | null;
  returnCondition: string | null;
  remindedAt: string | null;
  createdAt: string;
}

export type AllocationInput = Pick<StoredAllocation, 'itemId' | 'householdId' | 'mode' | 'date' | 'dueOn'> & {
  returnedOn?: string | null;
  returnCondition?: string | null;
};

export interface StoredSupportAction {
  id: string;
  householdId: string;
  structureId: string;
  type: string;
  date: string;
  minutes: number | null;
  createdAt: string;
}

export type SupportActionInput = Omit<StoredSupportAction, 'id' | 'createdAt'>;

export interface StoredResource {
  id: string;
  structureId: string | null;
  type: string;
  title: string;
  url: string | null;
  theme: string;
  public: string;
  publishedOn: string | null;
  createdAt: string;
}

export type ResourceInput = Omit<StoredResource, 'id' | 'createdAt'>;

/** Filters of the list methods: `structureIds` undefined = every structure. */
export interface SolidarityFilter {
  structureIds?: readonly string[];
  programmeId?: string;
}

export interface SolidarityRepository {
  /** Places: every registry structure (or those given), with its directory profile if any. */
  listPlaces(filter?: SolidarityFilter): Promise<StoredPlace[]>;
  /** Throws StoreNotFoundError for an unknown structure. */
  savePlaceProfile(structureId: string, profile: PlaceProfileInput, now?: string): Promise<StoredPlace>;
  /** Replaces the structure's services (in this order). */
  replaceServices(
    structureId: string,
    services: readonly ServiceInput[],
    now?: string,
  ): Promise<StoredService[]>;
  listServices(filter?: SolidarityFilter): Promise<StoredService[]>;

  /** StoreConflictError when the id is taken. */
  createProgramme(input: ProgrammeInput, now?: string): Promise<StoredProgramme>;
  getProgramme(id: string): Promise<StoredProgramme | undefined>;
  listProgrammes(): Promise<StoredProgramme[]>;

  /** All or nothing; StoreConflictError on a code already used in the programme. */
  addHouseholds(rows: readonly HouseholdInput[], now?: string): Promise<StoredHousehold[]>;
  listHouseholds(filter?: SolidarityFilter & { withContact?: boolean }): Promise<StoredHousehold[]>;
  getHousehold(id: string): Promise<StoredHousehold | undefined>;
  /** Erases the contacts recorded longer ago than their programme's retention; returns how many. */
  purgeContacts(now?: string): Promise<number>;

  addItems(rows: readonly ItemInput[], now?: string): Promise<StoredItem[]>;
  listItems(filter?: SolidarityFilter): Promise<StoredItem[]>;
  getItem(id: string): Promise<StoredItem | undefined>;
  /** Moves an item to another structure's stock. */
  transferItem(id: string, structureId: string): Promise<StoredItem>;

  /** StoreConflictError when the item is still out (a gift, or a loan not returned). */
  allocate(input: AllocationInput, now?: string): Promise<StoredAllocation>;
  getAllocation(id: string): Promise<StoredAllocation | undefined>;
  recordReturn(id: string, returnedOn: string, condition: string | null): Promise<StoredAllocation>;
  extendLoan(id: string, dueOn: string): Promise<StoredAllocation>;
  markReminded(ids: readonly string[], now?: string): Promise<void>;
  /** Allocations of the items held by the given structures (or all). */
  listAllocations(filter?: SolidarityFilter): Promise<StoredAllocation[]>;

  addSupportActions(rows: readonly SupportActionInput[], now?: string): Promise<StoredSupportAction[]>;
  listSupportActions(filter?: SolidarityFilter): Promise<StoredSupportAction[]>;

  addResource(input: ResourceInput, now?: string): Promise<StoredResource>;
  listResources(filter?: SolidarityFilter): Promise<StoredResource[]>;
  deleteResource(id: string): Promise<void>;
}

declare module './api.js' {
  interface Repositories {
    solidarity: SolidarityRepository;
  }
}
