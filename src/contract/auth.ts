import { z } from 'zod';

/** The roles of an account. */
export const role = z.enum(['admin', 'correspondent', 'viewer']);

/** An account as the API shows it (never its password hash). */
export const publicUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role,
  territoryIds: z.array(z.string()),
  disabled: z.boolean(),
  /** A temporary password was set by an administrator: the user must choose their own. */
  mustChangePassword: z.boolean().optional(),
});

/** POST /api/auth/login */
export const loginBody = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1000),
});
/** POST /api/auth/login, GET /api/auth/me */
export const sessionResponse = z.object({ user: publicUser, csrfToken: z.string() });
/** POST /api/auth/logout */
export const logoutResponse = z.object({ ok: z.literal(true) });
