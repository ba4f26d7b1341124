import { z } from 'zod';
import {
  adminResetInput,
  adminResetOutput,
  createUserInput,
  MIN_PASSWORD_LENGTH,
  resetModeSchema,
  updateUserInput,
} from '../app/accounts/schemas.js';
import { publicUser } from './auth.js';

/**
 * Accounts administration. The request schemas are the account use cases' own inputs
 * (src/app/accounts/schemas.ts): they only bound sizes, the password policy is checked by the use
 * case so that its refusal names the rule in the user's language.
 */

/** Shortest password an account may have (the policy of src/app/accounts/policy.ts). */
export { MIN_PASSWORD_LENGTH };

/** How an administrator resets a password: e-mail a link, show the link once, or set a temporary password. */
export const resetMode = resetModeSchema;

/** POST /api/users */
export const createUserBody = createUserInput;
/** PATCH /api/users/:id */
export const updateUserBody = updateUserInput;
/** POST /api/users/:id/password-reset */
export const passwordResetBody = adminResetInput;

/** GET /api/users */
export const usersResponse = z.object({ users: z.array(publicUser) });
/** POST /api/users (201): the generated password is shown once, when none was given. */
export const createdUserResponse = z.object({
  user: publicUser,
  password: z.string().optional(),
  /** The invitation e-mail with its set-password link: sent, or not handed over ("failed"). */
  invitation: z
    .object({ status: z.enum(['sent', 'failed']), sentTo: z.string(), expiresAt: z.string() })
    .optional(),
});
/** PATCH /api/users/:id */
export const userResponse = z.object({ user: publicUser });
/** POST /api/users/:id/password-reset: where the link went, or the link or password, shown once. */
export const passwordResetResponse = adminResetOutput;
