import { z } from 'zod';

/** A structure as the API shows it (its territory by id and by name, e-mail read from attributes). */
export const structure = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(['CS', 'EVS']).nullable(),
  address: z.string().nullable(),
  communeCode: z.string().nullable(),
  territoryId: z.string().nullable(),
  territory: z.string().nullable(),
  qpv: z.boolean().nullable(),
  managerType: z.string().nullable(),
  email: z.string().nullable(),
  attributes: z.record(z.string(), z.string()),
  /** When it was archived (answers kept; hidden from lists unless asked), or null. */
  archivedAt: z.string().nullable().optional(),
});

/** GET /api/structures */
export const listStructuresQuery = z.object({
  territory: z.string().min(1).optional(),
  q: z.string().max(200).optional(),
  /** Archived structures are hidden unless `include` or `only`. */
  archived: z.enum(['exclude', 'include', 'only']).optional(),
});
/** PUT /api/structures/:id */
export const updateStructureBody = z.object({
  name: z.string().trim().min(1).max(300).optional(),
  type: z.enum(['CS', 'EVS']).nullable().optional(),
  address: z.string().max(500).nullable().optional(),
  communeCode: z
    .string()
    .regex(/^(\d[0-9AB]\d{3})$/, 'code commune INSEE à 5 caractères attendu (ex. 59350)')
    .nullable()
    .optional(),
  territoryId: z.string().min(1).nullable().optional(),
  qpv: z.boolean().nullable().optional(),
  managerType: z.string().max(200).nullable().optional(),
  email: z.email().nullable().optional(),
  attributes: z.record(z.string(), z.string()).optional(),
});

/** GET /api/structures */
export const structuresResponse = z.object({ structures: z.array(structure) });
/** GET and PUT /api/structures/:id */
export const structureResponse = z.object({ structure });

// ---- Registry import (POST /api/structures/import/preview and /api/structures/import) ----

/** JSON variant of the upload (the other is multipart: field "file", optional field "clearEmpty"). */
export const importBody = z.object({
  filename: z.string().min(1).max(300),
  /** The file, base64-encoded. */
  content: z.string().min(1),
  /** Empty cells of the file's columns clear the stored values (default: they leave them unchanged). */
  clearEmpty: z.boolean().optional(),
});

/** One problem of the file, worded for the person who must fix it. */
export const importProblem = z.object({
  line: z.number(),
  /** The column's header name ('' when the problem is the whole line). */
  column: z.string(),
  value: z.string(),
  reason: z.string(),
  code: z.string().optional(),
});

export const changeValue = z.union([z.string(), z.boolean(), z.null()]);
/** One field of one structure: `before` null = added, `after` null = removed. */
export const fieldChange = z.object({
  field: z.string(),
  attribute: z.boolean(),
  before: changeValue,
  after: changeValue,
});
export const structureChange = z.object({
  id: z.string(),
  name: z.string(),
  line: z.number(),
  action: z.enum(['create', 'update']),
  changes: z.array(fieldChange),
});

/** POST /api/structures/import/preview: what the import would do; nothing is written. */
export const importPreviewResponse = z.object({
  columns: z.array(z.string()),
  /** The first rows as read (header → cell text). */
  rows: z.array(z.record(z.string(), z.string())),
  total: z.number(),
  errors: z.array(importProblem),
  toCreate: z.number(),
  toUpdate: z.number(),
  unchanged: z.number(),
  changes: z.array(structureChange),
  /** Recognised fields the file does not have: they stay as they are. */
  absent: z.array(z.string()),
  clearEmpty: z.boolean(),
  territoriesToCreate: z.array(z.object({ name: z.string(), level: z.string() })),
});

/** POST /api/structures/import */
export const importResultResponse = z.object({
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  territoriesCreated: z.number(),
});
