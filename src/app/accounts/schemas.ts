import { z } from 'zod';

/**
 * Inputs and outputs of the account use cases, shared by the HTTP routes and the web UI. The
 * password policy itself (length, common passwords, repetition) is checked by the use cases so
 * that its refusals carry a precise French message; these schemas only bound the sizes.
 */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

const anyPassword = z.string().min(1).max(1000);
/** `structure`: the staff of one structure (its `structureId`), invited by an admin or a correspondent. */
export const roleSchema = z.enum(['admin', 'correspondent', 'viewer', 'structure']);

export const loginInput = z.object({
  email: z.string().trim().min(1).max(320),
  password: anyPassword,
});

export const changePasswordInput = z.object({
  currentPassword: anyPassword,
  newPassword: z.string().max(1000),
});
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

export const resetWithTokenInput = z.object({
  token: z.string().min(1).max(200),
  newPassword: z.string().max(1000),
});
export type ResetWithTokenInput = z.infer<typeof resetWithTokenInput>;

/** How an administrator resets a password: e-mail a link, show the link once, or set a temporary password. */
export const resetModeSchema = z.enum(['email', 'link', 'temporary']);
export type ResetMode = z.infer<typeof resetModeSchema>;
export const adminResetInput = z.object({ mode: resetModeSchema });

export const adminResetOutput = z.object({
  mode: resetModeSchema,
  /** mode "email": where the link went. */
  sentTo: z.string().optional(),
  /** mode "link": the link, shown once. */
  link: z.string().optional(),
  /** mode "temporary": the password, shown once; it must be changed at the next sign-in. */
  password: z.string().optional(),
  /** Links only: when the link stops working (ISO). */
  expiresAt: z.string().optional(),
});
export type AdminResetOutput = z.infer<typeof adminResetOutput>;

export const createUserInput = z.object({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200),
  role: roleSchema,
  territoryIds: z.array(z.string().min(1)).default([]),
  /** Role "structure": the structure the account acts for. */
  structureId: z.string().min(1).max(200).optional(),
  password: z.string().max(1000).optional(),
  /** E-mail the new account a single-use link to choose its password (HTTP: yes unless false). */
  invite: z.boolean().optional(),
});
export type CreateUserInput = z.infer<typeof createUserInput>;

export const updateUserInput = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  email: z.email().max(320).optional(),
  role: roleSchema.optional(),
  territoryIds: z.array(z.string().min(1)).optional(),
  password: z.string().max(1000).optional(),
  disabled: z.boolean().optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserInput>;

export const publicUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  territoryIds: z.array(z.string()),
  /** Role "structure": the structure the account acts for. */
  structureId: z.string().nullable().optional(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
});
export type PublicUser = z.infer<typeof publicUserSchema>;
