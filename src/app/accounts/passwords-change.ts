import { PanoramaError } from '../../contract/errors/index.js';
import type { Session, User } from '../../store/index.js';
import { type AccountDeps } from './deps.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { checkPasswordPolicy } from './policy.js';
import type { ChangePasswordInput, ResetWithTokenInput } from './schemas.js';
import { openSession } from './sign-in.js';

/** Stores a new password: the temporary flag goes, every session and pending reset link ends. */
async function setPassword(deps: AccountDeps, userId: string, password: string): Promise<User> {
  const user = await deps.store.users.update(userId, {
    passwordHash: await hashPassword(password),
    mustChangePassword: false,
  });
  await deps.store.sessions.deleteForUser(userId);
  await deps.store.passwordResets.deleteForUser(userId);
  return user;
}

/**
 * A signed-in user changes their own password: the current one is required (a failure counts
 * against the account's sign-in limit), the new one follows the policy and differs. Every
 * session of the user ends and a fresh one is returned, so the caller stays signed in here only.
 */
export async function changeOwnPassword(
  deps: AccountDeps,
  input: ChangePasswordInput & { userId: string; ip: string },
): Promise<{ user: User; token: string; session: Session }> {
  const current = await deps.store.users.get(input.userId);
  if (!current) throw new PanoramaError('unauthenticated');
  const withSecret = (await deps.store.users.findByEmail(current.email))!;
  const now = deps.now().getTime();
  deps.limiter?.check(input.ip, current.email, now);
  if (!(await verifyPassword(withSecret.passwordHash, input.currentPassword))) {
    deps.limiter?.fail(input.ip, current.email, now);
    throw new PanoramaError('password_current_wrong');
  }
  checkPasswordPolicy(input.newPassword, 'newPassword');
  if (input.newPassword === input.currentPassword) throw new PanoramaError('password_unchanged');
  const user = await setPassword(deps, input.userId, input.newPassword);
  await deps.store.audit.record({ actor: user.id, action: 'password.change', target: user.id });
  const { token, session } = await openSession(deps, user);
  return { user, token, session };
}

/**
 * Sets a new password from a reset link. The policy is checked BEFORE the link is used, so a
 * refused password does not burn it; then the link is consumed atomically (single use, not
 * expired). The account is not signed in: the user signs in with the new password.
 */
export async function resetWithToken(
  deps: AccountDeps,
  input: ResetWithTokenInput,
): Promise<{ email: string }> {
  checkPasswordPolicy(input.newPassword, 'newPassword');
  const userId = await deps.store.passwordResets.consume(input.token, deps.now().toISOString());
  if (!userId) throw new PanoramaError('reset_link_invalid');
  const user = await setPassword(deps, userId, input.newPassword);
  deps.limiter?.clearAccount(user.email);
  await deps.store.audit.record({ actor: user.id, action: 'password.reset', target: user.id });
  return { email: user.email };
}
