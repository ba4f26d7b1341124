import type { Campaign } from '../../store/index.js';
import type { AppDeps } from '../deps.js';
import type { Scope } from '../scope.js';
import { PanoramaError } from '../../contract/errors/index.js';
import { participationRows } from '../campaigns/participation.js';
import { campaignMailSettings, messageFor } from './send.js';
import { checkMailSettings, PLACEHOLDERS, type MailSettings } from './templates.js';
import type { MailKind } from '../../store/api-mail.js';

/** The campaign's mail page: texts, fields, schedule, who has an address, and the send log. */
export async function campaignMail(deps: AppDeps, input: { campaign: Campaign; scope: Scope }) {
  const { campaign } = input;
  const { rows } = await participationRows(deps, input.scope, campaign);
  const visible = new Map(rows.map((r) => [r.id, r]));
  const log = (await deps.store.mail.log(campaign.id))
    .filter((e) => visible.has(e.structureId))
    .map((e) => ({
      structureId: e.structureId,
      structure: visible.get(e.structureId)!.name,
      kind: e.kind,
      recipient: e.recipient,
      status: e.status,
      at: e.at,
      scheduled: e.job.startsWith('schedule:'),
    }));
  const invited = new Set(
    log.filter((e) => e.kind === 'invitation' && e.status === 'sent').map((e) => e.structureId),
  );
  const withEmail = rows.filter((r) => r.email?.trim());
  return {
    settings: await campaignMailSettings(deps, campaign.id),
    placeholders: [...PLACEHOLDERS],
    schedule: (await deps.store.mail.listSchedules(campaign.id)).map((s) => ({
      id: s.id,
      daysBefore: s.daysBefore,
      sendAt: s.sendAt,
      doneAt: s.doneAt,
    })),
    recipients: {
      total: rows.length,
      withEmail: withEmail.length,
      invited: invited.size,
      notSubmittedWithEmail: withEmail.filter((r) => r.status !== 'submitted').length,
      withoutEmail: rows.filter((r) => !r.email?.trim()).map((r) => ({ id: r.id, name: r.name })),
    },
    log,
  };
}

export async function saveMailSettings(
  deps: Pick<AppDeps, 'store' | 'now'>,
  input: { campaign: Campaign; settings: MailSettings; actor: string },
): Promise<MailSettings> {
  checkMailSettings(input.settings);
  await deps.store.mail.setSettings(input.campaign.id, input.settings, input.actor, deps.now().toISOString());
  await deps.store.audit.record({
    actor: input.actor,
    action: 'campaign.mail.templates',
    target: input.campaign.id,
  });
  return input.settings;
}

/** Texts (saved or being edited) rendered for one real structure of the campaign. */
export async function previewMail(
  deps: AppDeps,
  input: { campaign: Campaign; scope: Scope; kind: MailKind; settings?: MailSettings; structureId?: string },
) {
  const settings = input.settings ?? (await campaignMailSettings(deps, input.campaign.id));
  checkMailSettings(settings);
  const { rows } = await participationRows(deps, input.scope, input.campaign);
  const row = input.structureId
    ? rows.find((r) => r.id === input.structureId)
    : (rows.find((r) => r.email?.trim()) ?? rows[0]);
  if (!row) {
    // Outside the caller's territories is a refusal, as for reminders (never a hint it exists).
    if (input.structureId && !input.scope.all)
      throw new PanoramaError('forbidden', { reason: 'structure_out_of_scope', items: [input.structureId] });
    if (input.structureId)
      throw new PanoramaError('mail_structure_not_invited', { structure: input.structureId });
    throw new PanoramaError('mail_preview_no_structure');
  }
  return {
    structure: { id: row.id, name: row.name },
    to: row.email?.trim() || null,
    ...messageFor(settings, input.kind, input.campaign, row),
  };
}
