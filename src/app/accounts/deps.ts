import type { Store, User } from '../../store/index.js';
import type { ServerConfig } from '../config.js';
import type { Mailer } from '../mail.js';
import type { LoginLimiter } from './login-limit.js';
import type { PublicUser } from './schemas.js';

/**
 * What the account use cases need: the store, the clock and the configuration (session and link
 * lifetimes, public URL); the mailer for e-mailed links and the limiter for sign-ins where used.
 */
export interface AccountDeps {
  store: Store;
  config: Pick<
    ServerConfig,
    'baseUrl' | 'sessionHours' | 'sessionIdleMinutes' | 'resetLinkHours' | 'loginRateLimit'
  >;
  now(): Date;
  mailer?: Mailer;
  limiter?: LoginLimiter;
}

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/** A user as the API and the UI see it: never the password hash. */
export function toPublicUser(user: User): PublicUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    territoryIds: user.territoryIds,
    structureId: user.structureId ?? null,
    disabled: user.disabled,
    mustChangePassword: user.mustChangePassword,
  };
}
