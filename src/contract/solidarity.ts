import { z } from 'zod';
import {
  allocationInputSchema,
  directoryInputSchema,
  directoryQuerySchema,
  exportFormatSchema,
  extendInputSchema,
  figureSchema,
  householdInputSchema,
  itemInputSchema,
  programmeInputSchema,
  resourceInputSchema,
  returnInputSchema,
  serviceInputSchema,
  staffInputSchema,
  supportInputSchema,
} from '../app/solidarity/schemas.js';
import { publicUser } from './auth.js';
import { RESOURCE_TYPES, SERVICE_CODES } from '../solidarity/domain.js';

/**
 * Digital solidarity over HTTP (/api/solidarity/*, /api/public/solidarity/*). The request bodies are
 * the use cases' own inputs (src/app/solidarity/schemas.ts), named here for the contract: one
 * definition for the use case, the route, the CLI and the web app. Households are pseudonymous
 * codes; public answers hold places, services, resources and protected counts only.
 */

/** Path parameter of every solidarity route. */
export const solidarityIdParams = z.object({ id: z.string().min(1).max(200) });
/** Narrows a list or a report to one structure of the caller's scope. */
export const structureScopeQuery = z.object({ structureId: z.string().min(1).max(200).optional() });

// ---- Requests ----------------------------------------------------------------------------------

/** GET /api/public/solidarity/directory */
export const directoryQuery = directoryQuerySchema;
/** GET /api/public/solidarity/directory/export */
export const directoryExportQuery = z.object({ format: exportFormatSchema.default('mednum-csv') });
/** GET /api/public/solidarity/resources */
export const publicResourcesQuery = z.object({
  type: z.enum(RESOURCE_TYPES).optional(),
  theme: z.string().max(100).optional(),
  public: z.string().max(100).optional(),
});
/** One service of a structure, as entered (PUT …/directory). */
export const serviceInput = serviceInputSchema;
/** PUT /api/solidarity/structures/:id/directory */
export const directoryBody = directoryInputSchema;
/** POST /api/solidarity/programmes */
export const programmeBody = programmeInputSchema;
/** POST /api/solidarity/programmes/:id/households */
export const householdsBody = z.object({ households: z.array(householdInputSchema).min(1).max(5000) });
/** POST /api/solidarity/programmes/:id/items */
export const itemsBody = z.object({ items: z.array(itemInputSchema).min(1).max(5000) });
/** POST /api/solidarity/items/:id/transfer */
export const transferBody = z.object({ structureId: z.string().min(1) });
/** POST /api/solidarity/allocations */
export const allocationBody = allocationInputSchema;
/** POST /api/solidarity/allocations/:id/return */
export const returnBody = returnInputSchema;
/** POST /api/solidarity/allocations/:id/extend */
export const extendBody = extendInputSchema;
/** POST /api/solidarity/support */
export const supportBody = supportInputSchema;
/** POST /api/solidarity/resources */
export const resourceBody = resourceInputSchema;

// ---- The directory -------------------------------------------------------------------------------

/** One service of a place, with its hours in words and whether it is open now. */
export const directoryService = z.object({
  service: z.enum(SERVICE_CODES),
  label: z.string(),
  /** OpenStreetMap opening_hours, normalised. */
  hours: z.string(),
  hoursText: z.string(),
  /** One of ACCESS_MODES (stored from a checked input). */
  access: z.string(),
  accessLabel: z.string(),
  public: z.string(),
  description: z.string(),
  openNow: z.boolean(),
});

/** A place of the public directory and its services. */
export const directoryEntry = z.object({
  id: z.string(),
  name: z.string(),
  commune: z.string(),
  communeCode: z.string().nullable(),
  postalCode: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  /** Every service's hours merged (null: no readable hours). */
  hours: z.string().nullable(),
  hoursText: z.string().nullable(),
  openNow: z.boolean(),
  services: z.array(directoryService),
});

/** GET /api/public/solidarity/directory */
export const directoryResponse = z.object({ entries: z.array(directoryEntry) });

/** A structure's directory profile, as stored (null until filled). */
export const placeProfile = z.object({
  siretOrRna: z.string().nullable(),
  postalCode: z.string().nullable(),
  commune: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
});

/** GET and PUT /api/solidarity/structures/:id/directory */
export const structureDirectoryResponse = z.object({ profile: placeProfile, entry: directoryEntry });

/** A field the national standard requires that a structure lacks (or has wrong). */
export const exportProblem = z.object({
  placeId: z.string(),
  placeName: z.string(),
  /** The standard's field. */
  field: z.string(),
  /** Error code of src/contract/errors/solidarity.ts. */
  code: z.enum(['solidarity_place_field_missing', 'solidarity_place_field_invalid']),
  value: z.string().optional(),
  detail: z.string().optional(),
});
/** GET /api/solidarity/directory/problems */
export const directoryProblemsResponse = z.object({ problems: z.array(exportProblem) });

/** GET /api/public/solidarity/directory/export: the file's content types. */
export const DIRECTORY_EXPORT_TYPES = ['text/csv', 'application/json'] as const;

// ---- Programmes, households, equipment ----------------------------------------------------------

export const programme = z.object({
  id: z.string(),
  name: z.string(),
  public: z.string(),
  partners: z.array(z.string()),
  startOn: z.string().nullable(),
  endOn: z.string().nullable(),
  /** Days a household's contact is kept; null: no contact kept. */
  retentionDays: z.number().nullable(),
  createdAt: z.string(),
});
/** GET /api/solidarity/programmes */
export const programmesResponse = z.object({ programmes: z.array(programme) });
/** POST /api/solidarity/programmes (201) */
export const programmeResponse = z.object({ programme });

/** A household: a pseudonymous code, never a name. */
export const household = z.object({
  id: z.string(),
  programmeId: z.string(),
  structureId: z.string(),
  code: z.string(),
  type: z.string(),
  communeCode: z.string().nullable(),
  identifiedOn: z.string().nullable(),
  targeted: z.boolean(),
  children: z.number().nullable(),
  /** Only for one structure's own staff (`?structureId=`), purged after the programme's retention. */
  contact: z.string().nullable().optional(),
  createdAt: z.string(),
});
/** GET and POST (201) /api/solidarity/programmes/:id/households */
export const householdsResponse = z.object({ households: z.array(household) });

export const item = z.object({
  id: z.string(),
  programmeId: z.string(),
  /** The structure holding it. */
  structureId: z.string(),
  code: z.string(),
  category: z.string(),
  model: z.string(),
  source: z.string(),
  partner: z.string().nullable(),
  receivedOn: z.string().nullable(),
  createdAt: z.string(),
});

/** A gift or a loan of an item to a household. */
export const allocation = z.object({
  id: z.string(),
  itemId: z.string(),
  householdId: z.string(),
  mode: z.string(),
  date: z.string(),
  dueOn: z.string().nullable(),
  returnedOn: z.string().nullable(),
  returnCondition: z.string().nullable(),
  remindedAt: z.string().nullable(),
  createdAt: z.string(),
});

/** GET /api/solidarity/programmes/:id/items */
export const itemsResponse = z.object({ items: z.array(item), allocations: z.array(allocation) });
/** POST /api/solidarity/programmes/:id/items (201) */
export const addedItemsResponse = z.object({ items: z.array(item) });
/** POST /api/solidarity/items/:id/transfer */
export const itemResponse = z.object({ item });
/** POST /api/solidarity/allocations (201), …/return, …/extend */
export const allocationResponse = z.object({ allocation });

/** A loan past its due date (household code only). */
export const overdueLoan = z.object({
  allocationId: z.string(),
  item: z.string(),
  category: z.string(),
  structureId: z.string(),
  household: z.string(),
  dueOn: z.string(),
  remindedAt: z.string().nullable(),
});
/** GET /api/solidarity/loans/overdue */
export const overdueResponse = z.object({ overdue: z.array(overdueLoan) });

export const supportAction = z.object({
  id: z.string(),
  householdId: z.string(),
  structureId: z.string(),
  type: z.string(),
  date: z.string(),
  minutes: z.number().nullable(),
  createdAt: z.string(),
});
/** POST /api/solidarity/support (201) */
export const supportResponse = z.object({ action: supportAction });

// ---- Resources and figures ------------------------------------------------------------------------

export const resource = z.object({
  id: z.string(),
  structureId: z.string().nullable(),
  type: z.string(),
  title: z.string(),
  url: z.string().nullable(),
  theme: z.string(),
  public: z.string(),
  publishedOn: z.string().nullable(),
  createdAt: z.string(),
});
/** POST /api/solidarity/resources (201) */
export const resourceResponse = z.object({ resource });

/** A published resource as the public sees it: never who published it. */
export const publicResource = resource.omit({ structureId: true, createdAt: true });
/** GET /api/public/solidarity/resources */
export const publicResourcesResponse = z.object({ resources: z.array(publicResource) });

/** One figure of a programme report; `value` null: a public count withheld (1 to k − 1). */
export const figure = figureSchema;
/** GET /api/solidarity/report, GET /api/public/solidarity/report */
export const figuresResponse = z.object({ figures: z.array(figure) });

/** POST /api/solidarity/purge: how many household contacts were erased. */
export const purgeResponse = z.object({ purged: z.number() });

// ---- A structure's staff accounts ---------------------------------------------------------------

/** POST /api/solidarity/structures/:id/staff */
export const staffBody = staffInputSchema;
/** GET /api/solidarity/structures/:id/staff */
export const staffListResponse = z.object({ staff: z.array(publicUser) });
/** POST /api/solidarity/structures/:id/staff (201): the account and where its invitation went. */
export const staffInvitedResponse = z.object({
  user: publicUser,
  invitation: z
    .object({ status: z.enum(['sent', 'failed']), sentTo: z.string(), expiresAt: z.string() })
    .optional(),
});

/** GET /public/solidarite (HTML): commune or postal code, service, open now, embedded mode. */
export const directoryPageQuery = z.object({
  q: z.string().max(100).optional(),
  service: z.enum(SERVICE_CODES).optional(),
  ouvert: z.enum(['0', '1']).optional(),
  embed: z.enum(['0', '1']).optional(),
});
