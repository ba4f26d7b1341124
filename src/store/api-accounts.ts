/**
 * Users, sessions, audit log and settings: part of the storage API
 * (re-exported by src/store/api.ts and src/store/index.ts).
 * Plain JS values; every timestamp is a UTC ISO-8601 string.
 */
// ---------------------------------------------------------------------------------------------
// Users and sessions

/** `structure`: the staff of one structure (its `structureId`), see src/app/solidarity/staff.ts. */
export type UserRole = 'admin' | 'correspondent' | 'viewer' | 'structure';

export interface User {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  disabled: boolean;
  /** A temporary password was set by an administrator: the user must choose their own. */
  mustChangePassword: boolean;
  createdAt: string;
  /** Territories a correspondent may see (descendants implied). */
  territoryIds: string[];
  /** Role "structure": the one structure the account acts for (null otherwise). */
  structureId?: string | null;
}

export interface UserWithSecret extends User {
  passwordHash: string;
}

export interface UserInput {
  email: string;
  name: string;
  passwordHash: string;
  role: UserRole;
  territoryIds?: string[];
  /** Role "structure" only. */
  structureId?: string | null;
}

export interface UserRepository {
  /** Throws StoreConflictError (field 'email') when the e-mail exists, whatever its case. */
  create(input: UserInput, now?: string): Promise<User>;
  get(id: string): Promise<User | undefined>;
  /** Case-insensitive; includes the password hash, for login only. */
  findByEmail(email: string): Promise<UserWithSecret | undefined>;
  list(): Promise<User[]>;
  count(): Promise<number>;
  update(
    id: string,
    patch: Partial<
      Pick<UserInput, 'email' | 'name' | 'passwordHash' | 'role' | 'territoryIds' | 'structureId'>
    > & {
      disabled?: boolean;
      mustChangePassword?: boolean;
    },
  ): Promise<User>;
}

export interface Session {
  /** sha256 hex of the cookie token. */
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
}

export interface SessionRepository {
  /** Generates the cookie token (32 random bytes, base64url) and a CSRF token; stores only the hash. */
  create(userId: string, expiresAt: string, now?: string): Promise<{ token: string; session: Session }>;
  /**
   * The live session and its user for a cookie token; undefined when unknown, expired (the row
   * is then deleted) or the user is disabled.
   */
  findByToken(token: string, now?: string): Promise<{ session: Session; user: User } | undefined>;
  /** Records activity and optionally slides the expiry. */
  touch(token: string, lastSeenAt: string, expiresAt?: string): Promise<void>;
  delete(token: string): Promise<void>;
  deleteForUser(userId: string): Promise<number>;
  /** Removes expired sessions; returns how many. */
  purgeExpired(now?: string): Promise<number>;
}

export interface PasswordResetRepository {
  /** Creates a single-use reset token (32 random bytes, base64url); stores only its hash. */
  create(userId: string, expiresAt: string, now?: string): Promise<{ token: string }>;
  /**
   * Marks the token used and returns its user id, once: undefined when unknown, expired or
   * already used. Atomic, so two clicks on one link cannot both succeed.
   */
  consume(token: string, now?: string): Promise<string | undefined>;
  /** Invalidates every pending link of a user (after a password change). */
  deleteForUser(userId: string): Promise<number>;
}

// ---------------------------------------------------------------------------------------------
// Audit log and settings

export interface AuditEntry {
  id: string;
  at: string;
  /** User id, 'system', 'cli', or an invitation reference. */
  actor: string | null;
  action: string;
  target: string | null;
  details: unknown;
}

export interface AuditRepository {
  record(
    entry: { actor: string | null; action: string; target?: string | null; details?: unknown },
    now?: string,
  ): Promise<AuditEntry>;
  /** Newest first. */
  list(options?: { limit?: number; action?: string; target?: string; actor?: string }): Promise<AuditEntry[]>;
}

export interface SettingsRepository {
  get<T = unknown>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}
