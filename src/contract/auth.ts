import { z } from 'zod';
import {
  changePasswordInput,
  loginInput,
  publicUserSchema,
  resetWithTokenInput,
  roleSchema,
} from '../app/accounts/schemas.js';

/**
 * Sign-in, sign-out, the signed-in user and passwords. The request schemas are the account use
 * cases' own inputs (src/app/accounts/schemas.ts), named here for the HTTP contract: one definition,
 * used by the use case, the route and the web app.
 */

/** The roles of an account. */
export const role = roleSchema;

/** An account as the API shows it (never its password hash). */
export const publicUser = publicUserSchema;

/** POST /api/auth/login */
export const loginBody = loginInput;
/** POST /api/auth/password: the current password, then the new one (the policy is checked by the use case). */
export const changePasswordBody = changePasswordInput;
/** POST /api/auth/reset-password: the token of a reset link and the new password. */
export const resetPasswordBody = resetWithTokenInput;

/** POST /api/auth/login, GET /api/auth/me, POST /api/auth/password (a fresh session) */
export const sessionResponse = z.object({ user: publicUser, csrfToken: z.string() });
/** POST /api/auth/logout */
export const logoutResponse = z.object({ ok: z.literal(true) });
/** POST /api/auth/reset-password: the account's e-mail, to sign in with the new password. */
export const resetPasswordResponse = z.object({ email: z.string() });
