/**
 * Digital solidarity: what the centres ran during the 2020 lockdown and must account for next
 * time (seed document 003): a directory of places and their services with opening hours,
 * equipment programmes (devices given or lent to families and seniors), support actions at home or
 * by phone, staff trainings and online resources.
 *
 * Beneficiaries are personal data: a household is a pseudonymous code with a type, a commune and a
 * number of children — never a name. Public outputs use places, services, resources and counts only.
 */

/** Services: the standard's digital-mediation services plus the centres' own. */
export const SERVICE_CODES = [
  'demarches_en_ligne',
  'acces_internet_materiel',
  'pret_materiel',
  'impression_documents',
  'accompagnement_scolaire',
  'accueil_telephonique',
  'outils_numeriques_quotidien',
  'parentalite_numerique',
  'aide_alimentaire',
] as const;
export type ServiceCode = (typeof SERVICE_CODES)[number];

export const ACCESS_MODES = ['accueil', 'sur_rendez_vous', 'telephone'] as const;
export type AccessMode = (typeof ACCESS_MODES)[number];

export const HOUSEHOLD_TYPES = ['famille', 'senior'] as const;
export type HouseholdType = (typeof HOUSEHOLD_TYPES)[number];

export const ITEM_CATEGORIES = ['smartphone', 'telephone', 'tablette', 'ordinateur', 'connexion'] as const;
export type ItemCategory = (typeof ITEM_CATEGORIES)[number];

export const ITEM_SOURCES = ['don', 'achat'] as const;
export type ItemSource = (typeof ITEM_SOURCES)[number];

export const ALLOCATION_MODES = ['don', 'pret'] as const;
export type AllocationMode = (typeof ALLOCATION_MODES)[number];

export const SUPPORT_TYPES = ['visite_domicile', 'appel', 'atelier'] as const;
export type SupportType = (typeof SUPPORT_TYPES)[number];

export const RESOURCE_TYPES = ['ressource', 'tutoriel', 'activite'] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

/** A structure as a place of the directory. */
export interface Place {
  id: string;
  name: string;
  commune: string;
  /** INSEE code of the commune. */
  communeCode: string | null;
  postalCode: string | null;
  address: string | null;
  /** SIRET (14 digits) or RNA (W + 9 digits): the standard's `pivot`. */
  siretOrRna: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  latitude: number | null;
  longitude: number | null;
  territory: string | null;
}

export interface PlaceService {
  placeId: string;
  service: ServiceCode;
  /** OpenStreetMap opening_hours text. */
  hours: string;
  access: AccessMode;
  /** Free text public (« familles », « tous publics »). */
  public: string;
  description: string;
}

export interface Programme {
  id: string;
  name: string;
  public: HouseholdType;
  partners: string[];
  start: string | null;
  end: string | null;
}

/** A household: pseudonymous code, never a name. */
export interface Household {
  id: string;
  programmeId: string;
  placeId: string;
  type: HouseholdType;
  communeCode: string | null;
  identifiedOn: string | null;
  targeted: boolean;
  children: number | null;
}

export interface Item {
  id: string;
  programmeId: string;
  category: ItemCategory;
  model: string;
  source: ItemSource;
  partner: string | null;
  receivedOn: string | null;
  /** The structure holding it. */
  placeId: string;
}

export interface Allocation {
  itemId: string;
  householdId: string;
  mode: AllocationMode;
  date: string;
  dueOn: string | null;
  returnedOn: string | null;
  returnCondition: string | null;
}

export interface SupportAction {
  id: string;
  householdId: string;
  placeId: string;
  type: SupportType;
  date: string;
  minutes: number | null;
}

export interface Resource {
  id: string;
  type: ResourceType;
  title: string;
  theme: string;
  public: string;
  publishedOn: string | null;
  placeId: string | null;
  url: string | null;
}

/** Everything a programme report or a directory export is computed from. */
export interface SolidarityData {
  places: Place[];
  services: PlaceService[];
  programmes: Programme[];
  households: Household[];
  items: Item[];
  allocations: Allocation[];
  supportActions: SupportAction[];
  resources: Resource[];
}

export const emptyData = (): SolidarityData => ({
  places: [],
  services: [],
  programmes: [],
  households: [],
  items: [],
  allocations: [],
  supportActions: [],
  resources: [],
});

/** French labels of the services (public directory, exports). */
export const SERVICE_LABEL_FR: Record<ServiceCode, string> = {
  demarches_en_ligne: 'Aide aux démarches administratives en ligne',
  acces_internet_materiel: 'Accès à internet et au matériel informatique',
  pret_materiel: 'Prêt de matériel informatique',
  impression_documents: 'Impression de documents',
  accompagnement_scolaire: 'Accompagnement scolaire',
  accueil_telephonique: 'Accueil téléphonique',
  outils_numeriques_quotidien: 'Maîtrise des outils numériques du quotidien',
  parentalite_numerique: 'Parentalité et éducation avec le numérique',
  aide_alimentaire: 'Aide alimentaire',
};

export const SERVICE_LABEL_EN: Record<ServiceCode, string> = {
  demarches_en_ligne: 'Help with online procedures',
  acces_internet_materiel: 'Access to internet and equipment',
  pret_materiel: 'Equipment lending',
  impression_documents: 'Document printing',
  accompagnement_scolaire: 'School support',
  accueil_telephonique: 'Phone reception',
  outils_numeriques_quotidien: 'Everyday digital tools',
  parentalite_numerique: 'Parenting and education with digital tools',
  aide_alimentaire: 'Food aid',
};

export const ACCESS_LABEL_FR: Record<AccessMode, string> = {
  accueil: 'Accueil sans rendez-vous',
  sur_rendez_vous: 'Sur rendez-vous',
  telephone: 'Par téléphone',
};
