import { PanoramaError } from '../../contract/errors/index.js';
import { StoreConflictError, StoreNotFoundError, type Repositories, type User } from '../../store/index.js';
import type { AccountDeps } from './deps.js';
import { generatePassword, hashPassword } from './passwords.js';
import { checkPasswordPolicy } from './policy.js';
import type { AdminResetOutput, CreateUserInput, ResetMode, UpdateUserInput } from './schemas.js';

async function checkTerritories(deps: AccountDeps, ids: string[] | undefined): Promise<void> {
  for (const id of ids ?? []) {
    if (!(await deps.store.territories.get(id)))
      throw new PanoramaError('account_unknown_territory', { territory: id });
  }
}

/** A structure account acts for one structure of the registry. */
async function checkStructure(deps: AccountDeps, id: string | undefined): Promise<string> {
  if (!id) throw new PanoramaError('account_structure_required');
  if (!(await deps.store.structures.get(id)))
    throw new PanoramaError('account_structure_unknown', { structure: id });
  return id;
}

function mapConflict(email: string) {
  return (err: unknown): never => {
    if (err instanceof StoreConflictError) throw new PanoramaError('account_email_taken', { email });
    throw err;
  };
}

async function accountOf(deps: AccountDeps, id: string): Promise<User> {
  const user = await deps.store.users.get(id);
  if (!user) throw new PanoramaError('account_not_found', { account: id });
  return user;
}

/** An administrator creates an account; without a password one is generated and returned once. */
export async function createUser(
  deps: AccountDeps,
  input: CreateUserInput & { actorId: string },
): Promise<{ user: User; password?: string }> {
  await checkTerritories(deps, input.territoryIds);
  if (input.role === 'correspondent' && input.territoryIds.length === 0)
    throw new PanoramaError('account_correspondent_needs_territory');
  const structureId = input.role === 'structure' ? await checkStructure(deps, input.structureId) : null;
  if (input.password !== undefined) checkPasswordPolicy(input.password, 'password');
  const generated = input.password === undefined ? generatePassword() : undefined;
  const user = await deps.store.users
    .create(
      {
        email: input.email,
        name: input.name,
        role: input.role,
        territoryIds: input.role === 'structure' ? [] : input.territoryIds,
        structureId,
        passwordHash: await hashPassword(input.password ?? generated!),
      },
      deps.now().toISOString(),
    )
    .catch(mapConflict(input.email));
  await deps.store.audit.record({
    actor: input.actorId,
    action: 'user.create',
    target: user.id,
    details: { email: user.email, role: user.role },
  });
  return generated ? { user, password: generated } : { user };
}

/**
 * Refuses (409) to disable or demote the last active administrator: nobody could manage the
 * accounts any more. Counted among the enabled administrators other than `target`.
 */
export async function assertNotLastAdmin(
  repos: Pick<Repositories, 'users'>,
  target: User,
  action: 'disable' | 'demote',
): Promise<void> {
  if (target.role !== 'admin' || target.disabled) return;
  const others = (await repos.users.list()).filter(
    (u) => u.role === 'admin' && !u.disabled && u.id !== target.id,
  );
  if (others.length === 0) throw new PanoramaError('last_admin', { email: target.email, action });
}

/** The settings row every change that may remove an administrator writes first (see updateUser). */
const ADMIN_CHANGE_LOCK = 'accounts.admin-change';

/**
 * An administrator updates an account. A password set here follows the policy and is temporary
 * (to be changed at the next sign-in, unless one sets one's own); disabling or changing the
 * password ends its sessions. A change that may remove an active administrator runs in one
 * transaction that first writes one settings row: two such changes at once (two administrators
 * demoting each other) are serialised by that row's lock on PostgreSQL, so the second counts the
 * administrators after the first and the last one always remains.
 */
export async function updateUser(
  deps: AccountDeps,
  input: UpdateUserInput & { id: string; actorId: string },
): Promise<User> {
  const { id, actorId, password, ...patch } = input;
  await accountOf(deps, id);
  await checkTerritories(deps, patch.territoryIds);
  if (password !== undefined) checkPasswordPolicy(password, 'password');
  const passwordHash = password !== undefined ? await hashPassword(password) : undefined;
  const apply = async (repos: Repositories): Promise<User> => {
    const target = await repos.users.get(id);
    if (!target) throw new PanoramaError('account_not_found', { account: id });
    if (patch.disabled === true) await assertNotLastAdmin(repos, target, 'disable');
    if (patch.role !== undefined && patch.role !== 'admin') await assertNotLastAdmin(repos, target, 'demote');
    return repos.users.update(id, {
      ...patch,
      ...(passwordHash !== undefined ? { passwordHash, mustChangePassword: id !== actorId } : {}),
    });
  };
  const mayRemoveAdmin = patch.disabled === true || (patch.role !== undefined && patch.role !== 'admin');
  const user = await (
    mayRemoveAdmin
      ? deps.store.transaction(async (repos) => {
          await repos.settings.set(ADMIN_CHANGE_LOCK, deps.now().toISOString());
          return apply(repos);
        })
      : apply(deps.store)
  ).catch((err: unknown) => {
    if (err instanceof StoreNotFoundError) throw new PanoramaError('account_not_found', { account: id });
    return mapConflict(patch.email ?? '')(err);
  });
  if (password !== undefined || patch.disabled) await deps.store.sessions.deleteForUser(id);
  if (patch.disabled === false) deps.limiter?.clearAccount(user.email);
  await deps.store.audit.record({
    actor: actorId,
    action: 'user.update',
    target: id,
    details: { ...patch, passwordChanged: password !== undefined },
  });
  return user;
}

/** The link of a reset token: the token rides in the fragment, never sent to the server's logs. */
export function resetLink(baseUrl: string, token: string): string {
  return `${baseUrl}/reinitialiser#${token}`;
}

/**
 * Resets a password, three ways: e-mail a single-use link (through the mailer: SMTP or the
 * outbox), return the link to show once, or set a temporary password returned once that must be
 * changed at the next sign-in (its sessions end). `actor` is a user id or "cli".
 */
export async function resetPassword(
  deps: AccountDeps,
  input: { user: User; mode: ResetMode; actor: string },
): Promise<AdminResetOutput> {
  const { user, mode } = input;
  const now = deps.now();
  let output: AdminResetOutput;
  if (mode === 'temporary') {
    const password = generatePassword();
    await deps.store.users.update(user.id, {
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
    });
    await deps.store.sessions.deleteForUser(user.id);
    await deps.store.passwordResets.deleteForUser(user.id);
    output = { mode, password };
  } else {
    const expiresAt = new Date(now.getTime() + deps.config.resetLinkHours * 3600_000).toISOString();
    const { token } = await deps.store.passwordResets.create(user.id, expiresAt, now.toISOString());
    const link = resetLink(deps.config.baseUrl, token);
    if (mode === 'email') {
      if (!deps.mailer) throw new PanoramaError('reset_mail_failed', { email: user.email });
      await deps.mailer
        .send({
          to: user.email,
          subject: 'Panorama : réinitialisation de votre mot de passe',
          text: resetMailText(user, link, deps.config.resetLinkHours),
        })
        .catch(() => {
          throw new PanoramaError('reset_mail_failed', { email: user.email });
        });
      output = { mode, sentTo: user.email, expiresAt };
    } else {
      output = { mode, link, expiresAt };
    }
  }
  deps.limiter?.clearAccount(user.email);
  await deps.store.audit.record({
    actor: input.actor,
    action: 'password.reset.request',
    target: user.id,
    details: { mode },
  });
  return output;
}

function resetMailText(user: User, link: string, hours: number): string {
  return [
    `Bonjour ${user.name},`,
    '',
    'Un administrateur de Panorama vous permet de choisir un nouveau mot de passe.',
    `Ouvrez ce lien (valable ${hours} heures, une seule fois) :`,
    '',
    link,
    '',
    "Si vous n'attendiez pas ce message, ignorez-le : votre mot de passe actuel reste valable.",
  ].join('\n');
}

/** An administrator resets the password of account `id`. */
export async function adminResetPassword(
  deps: AccountDeps,
  input: { id: string; mode: ResetMode; actorId: string },
): Promise<AdminResetOutput> {
  const user = await accountOf(deps, input.id);
  return resetPassword(deps, { user, mode: input.mode, actor: input.actorId });
}

/** By e-mail address, for the console (`panorama admin reset-password`). */
export async function consoleResetPassword(
  deps: AccountDeps,
  input: { email: string; mode: 'link' | 'temporary' },
): Promise<AdminResetOutput & { user: User }> {
  const found = await deps.store.users.findByEmail(input.email);
  if (!found) throw new PanoramaError('account_not_found', { account: input.email });
  const { passwordHash: _hash, ...user } = found;
  return { ...(await resetPassword(deps, { user, mode: input.mode, actor: 'cli' })), user };
}

/** Re-enables an account by e-mail address, for the console (`panorama admin enable`). */
export async function consoleEnable(
  deps: AccountDeps,
  input: { email: string },
): Promise<{ user: User; wasDisabled: boolean }> {
  const found = await deps.store.users.findByEmail(input.email);
  if (!found) throw new PanoramaError('account_not_found', { account: input.email });
  const wasDisabled = found.disabled;
  const user = wasDisabled ? await deps.store.users.update(found.id, { disabled: false }) : found;
  await deps.store.audit.record({
    actor: 'cli',
    action: 'user.enable',
    target: found.id,
    details: { wasDisabled },
  });
  const { passwordHash: _hash, ...plain } = user as typeof found;
  return { user: plain, wasDisabled };
}
