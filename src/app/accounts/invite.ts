import type { User } from '../../store/index.js';
import type { AccountDeps } from './deps.js';
import { resetLink } from './admin.js';

/** An invitation link lasts a week: a new colleague may not read the mail the same day. */
export const INVITATION_LINK_HOURS = 7 * 24;

export interface AccountInvitation {
  status: 'sent' | 'failed';
  sentTo: string;
  /** When the link stops working (ISO). */
  expiresAt: string;
}

const ROLE_FR: Record<User['role'], string> = {
  admin: 'administrateur',
  correspondent: 'correspondant de territoire',
  viewer: 'lecteur',
  structure: 'équipe de structure',
};

/**
 * The e-mail a new account receives: a single-use link (the password-reset mechanism) to choose
 * its password. A mail that cannot be handed over does not undo the account: the answer says
 * "failed" and the administrator can send a reset link later.
 */
export async function sendAccountInvitation(
  deps: AccountDeps,
  input: { user: User; actor: string; invitedBy?: string },
): Promise<AccountInvitation | undefined> {
  if (!deps.mailer) return undefined;
  const { user } = input;
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + INVITATION_LINK_HOURS * 3600_000).toISOString();
  const { token } = await deps.store.passwordResets.create(user.id, expiresAt, now.toISOString());
  const link = resetLink(deps.config.baseUrl, token);
  const text = [
    `Bonjour ${user.name},`,
    '',
    `${input.invitedBy ? `${input.invitedBy} vous a ouvert un compte` : 'Un compte vous a été ouvert'} (${ROLE_FR[user.role]}) sur Panorama, l’observatoire des centres sociaux, avec l’adresse ${user.email}.`,
    '',
    `Pour choisir votre mot de passe, ouvrez ce lien (valable ${INVITATION_LINK_HOURS / 24} jours, une seule fois) :`,
    '',
    link,
    '',
    `Vous vous connecterez ensuite à ${deps.config.baseUrl}/ avec votre adresse e-mail et ce mot de passe.`,
    '',
    "Si vous n'attendiez pas ce message, ignorez-le ou signalez-le à l'administrateur de l'observatoire.",
  ].join('\n');
  const record = (status: AccountInvitation['status']) =>
    deps.store.audit.record({
      actor: input.actor,
      action: 'user.invite',
      target: user.id,
      details: { status },
    });
  try {
    const delivery = await deps.mailer.send({
      to: user.email,
      subject: 'Panorama : votre compte est ouvert, choisissez votre mot de passe',
      text,
      date: now,
      headers: { 'X-Panorama-Mail': 'account-invitation' },
    });
    if (delivery && delivery.rejected.length) throw new Error('rejected');
  } catch {
    // The link that nobody received is withdrawn; a reset link can be sent later.
    await deps.store.passwordResets.deleteForUser(user.id);
    await record('failed');
    return { status: 'failed', sentTo: user.email, expiresAt };
  }
  await record('sent');
  return { status: 'sent', sentTo: user.email, expiresAt };
}
