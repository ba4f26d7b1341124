import { PanoramaError } from '../../contract/errors/index.js';
import type { Session, User } from '../../store/index.js';
import { normalizeEmail, type AccountDeps } from './deps.js';
import { dummyPasswordHash, verifyPassword } from './passwords.js';

export interface SignedIn {
  user: User;
  /** The cookie token (only its hash is stored). */
  token: string;
  session: Session;
}

/** A new session for a user: it ends sessionHours after now, whatever the activity. */
export async function openSession(
  deps: AccountDeps,
  user: User,
): Promise<{ token: string; session: Session }> {
  const now = deps.now();
  const expires = new Date(now.getTime() + deps.config.sessionHours * 3600_000);
  return deps.store.sessions.create(user.id, expires.toISOString(), now.toISOString());
}

/**
 * Signs in: refuses at once (429) an address or account over its failure limit; verifies the
 * password (against a dummy hash for unknown e-mails: same work, same answer); counts only
 * failures, a success clearing its account's count. A disabled account is told so, but only
 * after the right password: an anonymous guess learns nothing.
 */
export async function signIn(
  deps: AccountDeps,
  input: { email: string; password: string; ip: string },
): Promise<SignedIn> {
  const { store, limiter } = deps;
  const account = normalizeEmail(input.email);
  const now = deps.now().getTime();
  limiter?.check(input.ip, account, now);
  const found = await store.users.findByEmail(account);
  const ok = await verifyPassword(found?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!found || !ok) {
    limiter?.fail(input.ip, account, now);
    await store.audit.record({
      actor: found?.id ?? null,
      action: 'login.failed',
      target: account,
      details: { ip: input.ip },
    });
    throw new PanoramaError('invalid_credentials');
  }
  if (found.disabled) {
    await store.audit.record({
      actor: found.id,
      action: 'login.disabled',
      target: found.id,
      details: { ip: input.ip },
    });
    throw new PanoramaError('account_disabled');
  }
  limiter?.succeed(account);
  const { passwordHash: _hash, ...user } = found;
  const { token, session } = await openSession(deps, user);
  await store.audit.record({ actor: user.id, action: 'login', target: user.id, details: { ip: input.ip } });
  return { user, token, session };
}

/**
 * The live session of a cookie token, or undefined: unknown, past its absolute lifetime, idle for
 * more than sessionIdleMinutes (then deleted), or its user disabled. Activity is recorded at most
 * once a minute; it never extends the absolute lifetime.
 */
export async function resolveSession(
  deps: AccountDeps,
  token: string,
): Promise<{ user: User; session: Session } | undefined> {
  const now = deps.now();
  const found = await deps.store.sessions.findByToken(token, now.toISOString());
  if (!found) return undefined;
  const idle = now.getTime() - Date.parse(found.session.lastSeenAt);
  if (idle > deps.config.sessionIdleMinutes * 60_000) {
    await deps.store.sessions.delete(token);
    return undefined;
  }
  if (idle > 60_000) await deps.store.sessions.touch(token, now.toISOString());
  return found;
}
