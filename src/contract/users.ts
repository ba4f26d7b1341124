import { z } from 'zod';
import { publicUser, role } from './auth.js';

/** Shortest password an account may have (src/server/auth/passwords.ts). */
export const MIN_PASSWORD_LENGTH = 10;
const password = z.string().min(MIN_PASSWORD_LENGTH, `au moins ${MIN_PASSWORD_LENGTH} caractères`).max(200);

/** POST /api/users */
export const createUserBody = z.object({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200),
  role,
  territoryIds: z.array(z.string().min(1)).default([]),
  password: password.optional(),
});
/** PATCH /api/users/:id */
export const updateUserBody = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  email: z.email().max(320).optional(),
  role: role.optional(),
  territoryIds: z.array(z.string().min(1)).optional(),
  password: password.optional(),
  disabled: z.boolean().optional(),
});

/** GET /api/users */
export const usersResponse = z.object({ users: z.array(publicUser) });
/** POST /api/users (201): the generated password is shown once, when none was given. */
export const createdUserResponse = z.object({ user: publicUser, password: z.string().optional() });
/** PATCH /api/users/:id */
export const userResponse = z.object({ user: publicUser });
