/** Inputs and outputs of the solidarity use cases (zod): the HTTP routes and the CLI validate with these. */
import { z } from 'zod';
import {
  ACCESS_MODES,
  ALLOCATION_MODES,
  HOUSEHOLD_TYPES,
  ITEM_CATEGORIES,
  ITEM_SOURCES,
  RESOURCE_TYPES,
  SERVICE_CODES,
  SUPPORT_TYPES,
} from '../../solidarity/domain.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date AAAA-MM-JJ');
const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const serviceInputSchema = z.object({
  service: z.enum(SERVICE_CODES),
  /** OpenStreetMap opening_hours; checked by the use case (precise position in the error). */
  hours: text(300).min(1),
  access: z.enum(ACCESS_MODES),
  public: text(100).default('tous publics'),
  description: text(2000).default(''),
});

export const placeProfileSchema = z.object({
  siretOrRna: z
    .string()
    .trim()
    .regex(/^(\d{14}|W\d{9})$/, 'SIRET (14 chiffres) ou RNA (W + 9 chiffres)')
    .nullish()
    .or(z.literal('').transform(() => null)),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{5}$/, 'code postal à 5 chiffres')
    .nullish()
    .or(z.literal('').transform(() => null)),
  commune: optionalText(150),
  phone: optionalText(40),
  email: z
    .email()
    .nullish()
    .or(z.literal('').transform(() => null)),
  website: z
    .url()
    .nullish()
    .or(z.literal('').transform(() => null)),
  latitude: z.number().min(-90).max(90).nullish(),
  longitude: z.number().min(-180).max(180).nullish(),
});

export const directoryInputSchema = z.object({
  profile: placeProfileSchema.prefault({}),
  services: z.array(serviceInputSchema).max(50),
});
export type DirectoryInput = z.infer<typeof directoryInputSchema>;

export const directoryQuerySchema = z.object({
  /** Commune name or postal code. */
  q: text(100).optional(),
  service: z.enum(SERVICE_CODES).optional(),
  /** "1": only the places open now. */
  open: z.enum(['0', '1']).optional(),
});
export type DirectoryQuery = z.infer<typeof directoryQuerySchema>;

export const programmeInputSchema = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,60}$/)
    .optional(),
  name: text(200).min(1),
  public: z.enum(HOUSEHOLD_TYPES),
  partners: z.array(text(100).min(1)).max(20).default([]),
  startOn: isoDate.nullish().transform((v) => v ?? null),
  endOn: isoDate.nullish().transform((v) => v ?? null),
  /** Days a household contact is kept; null: no contact kept at all. */
  retentionDays: z
    .number()
    .int()
    .min(1)
    .max(3650)
    .nullish()
    .transform((v) => v ?? null),
});
export type ProgrammeInputBody = z.infer<typeof programmeInputSchema>;

export const householdInputSchema = z.object({
  structureId: z.string().min(1),
  /** Pseudonymous code: never a name. */
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, 'code pseudonyme (lettres, chiffres, - et _)'),
  type: z.enum(HOUSEHOLD_TYPES),
  communeCode: z
    .string()
    .regex(/^(\d{5}|2[AB]\d{3})$/)
    .nullish()
    .transform((v) => v ?? null),
  identifiedOn: isoDate.nullish().transform((v) => v ?? null),
  targeted: z.boolean().default(false),
  children: z
    .number()
    .int()
    .min(0)
    .max(20)
    .nullish()
    .transform((v) => v ?? null),
  /** Visible to the structure only, purged after the programme's retention. */
  contact: optionalText(200),
});

export const itemInputSchema = z.object({
  structureId: z.string().min(1),
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,40}$/),
  category: z.enum(ITEM_CATEGORIES),
  model: text(200).default(''),
  source: z.enum(ITEM_SOURCES),
  partner: optionalText(100),
  receivedOn: isoDate.nullish().transform((v) => v ?? null),
});

export const allocationInputSchema = z.object({
  itemId: z.string().min(1),
  householdId: z.string().min(1),
  mode: z.enum(ALLOCATION_MODES),
  date: isoDate,
  dueOn: isoDate.nullish().transform((v) => v ?? null),
});

export const returnInputSchema = z.object({
  returnedOn: isoDate,
  condition: optionalText(100),
});

export const extendInputSchema = z.object({ dueOn: isoDate });

export const supportInputSchema = z.object({
  householdId: z.string().min(1),
  type: z.enum(SUPPORT_TYPES),
  date: isoDate,
  minutes: z
    .number()
    .int()
    .min(0)
    .max(1440)
    .nullish()
    .transform((v) => v ?? null),
});

export const resourceInputSchema = z.object({
  structureId: z
    .string()
    .min(1)
    .nullish()
    .transform((v) => v ?? null),
  type: z.enum(RESOURCE_TYPES),
  title: text(200).min(1),
  url: z
    .url()
    .nullish()
    .transform((v) => v ?? null),
  theme: text(100).default(''),
  public: text(100).default(''),
  publishedOn: isoDate.nullish().transform((v) => v ?? null),
});

export const exportFormatSchema = z.enum(['mednum-csv', 'mednum-json', 'data-inclusion']);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

export const figureSchema = z.object({
  id: z.string(),
  label: z.string(),
  value: z.number().nullable(),
  unit: z.string(),
});

/** An account for a structure's staff: who, to be invited by e-mail. */
export const staffInputSchema = z.object({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200),
});
export type StaffInput = z.infer<typeof staffInputSchema>;
