/**
 * Accounts of a structure's staff (role "structure"): an administrator, or a correspondent for a
 * structure of their territories, opens one and the account receives an e-mail with a single-use
 * link to choose its password (the account-invitation flow of src/app/accounts). The account then
 * acts for that structure only: its directory record, its programmes' households, equipment,
 * loans and support actions (src/server/auth/session.ts admits it on those routes only).
 */
import {
  createUser,
  sendAccountInvitation,
  toPublicUser,
  type AccountDeps,
  type AccountInvitation,
  type PublicUser,
} from '../accounts/index.js';
import type { Scope } from '../scope.js';
import { assertStructureAccess } from './data.js';
import type { StaffInput } from './schemas.js';

export async function listStructureStaff(
  deps: Pick<AccountDeps, 'store'>,
  scope: Scope,
  structureId: string,
): Promise<PublicUser[]> {
  await assertStructureAccess(deps.store, scope, structureId);
  const users = await deps.store.users.list();
  return users.filter((u) => u.role === 'structure' && u.structureId === structureId).map(toPublicUser);
}

export async function inviteStructureStaff(
  deps: AccountDeps,
  scope: Scope,
  structureId: string,
  input: StaffInput,
  actor: { id: string; name: string },
): Promise<{ user: PublicUser; invitation?: AccountInvitation }> {
  await assertStructureAccess(deps.store, scope, structureId);
  // No password is shown to the inviter: the colleague chooses it through the e-mailed link.
  const { user } = await createUser(deps, {
    email: input.email,
    name: input.name,
    role: 'structure',
    structureId,
    territoryIds: [],
    actorId: actor.id,
  });
  const invitation = await sendAccountInvitation(deps, { user, actor: actor.id, invitedBy: actor.name });
  return { user: toPublicUser(user), ...(invitation ? { invitation } : {}) };
}
