import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { PanoramaError } from '../../contract/errors/index.js';
import type { EraseResponse, PersonExport } from '../../contract/privacy.js';
import { assertNotLastAdmin } from '../accounts/index.js';
import { outboxFiles, type PrivacyDeps } from './retention.js';

/** The audit entries of one person an export holds at most (newest first). */
export const EXPORT_AUDIT_LIMIT = 10_000;

const normalise = (email: string): string => email.trim().toLowerCase();

/** The outbox files written to this address (the mailer puts the recipient in the file name). */
function personOutboxFiles(deps: PrivacyDeps, email: string): string[] {
  const safe = email.replace(/[^a-zA-Z0-9@._-]/g, '_');
  return outboxFiles(deps.outboxDir)
    .map((f) => f.name)
    .filter((name) => name.toLowerCase().includes(`-${safe}-`));
}

/**
 * Everything Panorama holds about one e-mail address: the account, the structures whose contacts
 * name it, invitations and mail sent to it, household contacts, outbox files and the audit
 * entries about it. The export itself is audited (by whom, about which account).
 */
export async function exportPerson(
  deps: PrivacyDeps,
  input: { email: string; actor: string },
): Promise<PersonExport> {
  const email = normalise(input.email);
  const found = await deps.store.privacy.findPerson(email, EXPORT_AUDIT_LIMIT + 1);
  const files = personOutboxFiles(deps, email);
  const held =
    found.account !== undefined ||
    found.structures.length + found.places.length + found.invitations.length + found.mailLog.length > 0 ||
    found.households.length + found.audit.length + files.length > 0;
  if (!held) throw new PanoramaError('privacy_nothing_held', { email });
  const territories = await deps.store.territories.list();
  const territoryName = new Map(territories.map((t) => [t.id, t.name]));
  const exportedAt = deps.now().toISOString();
  const result: PersonExport = {
    email,
    exportedAt,
    account: found.account
      ? {
          id: found.account.id,
          email: found.account.email,
          name: found.account.name,
          role: found.account.role,
          disabled: found.account.disabled,
          createdAt: found.account.createdAt,
          territories: found.account.territoryIds.map((id) => ({ id, name: territoryName.get(id) ?? id })),
          sessions: found.account.sessions,
          passwordResets: found.account.passwordResets,
        }
      : null,
    structureContacts: found.structures.map((s) => ({
      structureId: s.id,
      structure: s.name,
      attributes: s.attributes,
    })),
    directoryContacts: found.places.map((p) => ({ structureId: p.structureId, email: p.email })),
    invitations: found.invitations.map(({ id: _id, ...rest }) => rest),
    mailLog: found.mailLog.map(({ id: _id, ...rest }) => rest),
    householdContacts: found.households.map(({ id: _id, ...rest }) => rest),
    outboxFiles: files,
    audit: found.audit.slice(0, EXPORT_AUDIT_LIMIT),
    auditTruncated: found.audit.length > EXPORT_AUDIT_LIMIT,
  };
  await deps.store.audit.record(
    { actor: input.actor, action: 'privacy.export', target: found.account?.id ?? null, details: { email } },
    exportedAt,
  );
  return result;
}

/**
 * Erases what Panorama holds about one e-mail address, after the address was typed again: the
 * account is anonymised (name, address, password, territories, sessions), contacts blanked, the
 * address removed from the send log and invitations, outbox files deleted; the audit log keeps
 * every action and date, the person replaced by a random pseudonym. Audited without the address.
 */
export async function erasePerson(
  deps: PrivacyDeps,
  input: { email: string; confirm: string; actor: string },
): Promise<EraseResponse> {
  const email = normalise(input.email);
  if (normalise(input.confirm) !== email) throw new PanoramaError('privacy_erase_confirm', { email });
  const account = await deps.store.users.findByEmail(email);
  if (account && account.id === input.actor) throw new PanoramaError('privacy_erase_self');
  if (account) {
    try {
      await assertNotLastAdmin(deps.store, account, 'disable');
    } catch (error) {
      if (error instanceof PanoramaError && error.code === 'last_admin')
        throw new PanoramaError('privacy_erase_last_admin', { email });
      throw error;
    }
  }
  const found = await deps.store.privacy.findPerson(email, 1);
  const files = personOutboxFiles(deps, email);
  const held =
    found.account !== undefined ||
    found.structures.length + found.places.length + found.invitations.length + found.mailLog.length > 0 ||
    found.households.length + found.audit.length + files.length > 0;
  if (!held) throw new PanoramaError('privacy_nothing_held', { email });
  const pseudonym = `personne-effacee-${randomBytes(4).toString('hex')}`;
  const now = deps.now().toISOString();
  const counts = await deps.store.transaction(async (repos) => {
    const erased = await repos.privacy.erasePerson(email, { pseudonym, now });
    await repos.audit.record(
      { actor: input.actor, action: 'privacy.erase', target: pseudonym, details: erased },
      now,
    );
    return erased;
  });
  for (const name of files) rmSync(join(deps.outboxDir!, name), { force: true });
  return { pseudonym, counts: { ...counts, outboxFiles: files.length } };
}
