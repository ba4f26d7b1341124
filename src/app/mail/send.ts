import { campaignState } from '../campaigns/state.js';
import { randomUUID } from 'node:crypto';
import type { Campaign } from '../../store/index.js';
import type { MailKind, MailStatus } from '../../store/api-mail.js';
import type { AppDeps } from '../deps.js';
import { participationRows, type ParticipationRow } from '../campaigns/participation.js';
import type { Scope } from '../scope.js';
import { PanoramaError } from '../../contract/errors/index.js';
import { DEFAULT_MAIL_SETTINGS, mailSettings, renderMail, type MailSettings } from './templates.js';

export interface Named {
  id: string;
  name: string;
}
export interface SendOutcome {
  /** Structures that received the message now. */
  sent: Named[];
  /** Structures this job had already written to (not sent twice). */
  alreadySent: Named[];
  /** Structures without an e-mail address: never "sent", listed apart. */
  withoutEmail: Named[];
  /** Refused by the SMTP server ("bounced") or not handed over ("failed"). */
  failed: (Named & { status: 'failed' | 'bounced' })[];
}

export async function campaignMailSettings(
  deps: Pick<AppDeps, 'store'>,
  campaignId: string,
): Promise<MailSettings> {
  const stored = await deps.store.mail.getSettings(campaignId);
  const parsed = stored ? mailSettings.safeParse(stored.settings) : undefined;
  return parsed?.success ? parsed.data : DEFAULT_MAIL_SETTINGS;
}

export function isClosed(campaign: Campaign, now: Date): boolean {
  return campaignState(campaign, now) === 'closed';
}

const LONG_DATE = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** The message for one structure, fields filled. */
export function messageFor(
  settings: MailSettings,
  kind: MailKind,
  campaign: Campaign,
  row: ParticipationRow,
) {
  return renderMail(settings, kind, {
    structure: row.name,
    territoire: row.territory ?? '',
    campagne: campaign.name,
    date_limite: campaign.closesAt
      ? LONG_DATE.format(new Date(campaign.closesAt))
      : 'la clôture de l’enquête',
    lien: row.link,
    avancement:
      row.status === 'in_progress'
        ? 'Vous avez commencé à répondre : vos réponses sont enregistrées, il vous reste à les valider.'
        : '',
  });
}

/** SMTP 5xx (or a refused recipient) is a bounce: the address is wrong; anything else a failure. */
function classify(err: unknown): { status: 'failed' | 'bounced'; detail: string } {
  const e = err as { responseCode?: number; code?: string };
  if (typeof e?.responseCode === 'number' && e.responseCode >= 500)
    return { status: 'bounced', detail: `smtp ${e.responseCode}` };
  if (e?.code === 'EENVELOPE') return { status: 'bounced', detail: 'envelope' };
  return { status: 'failed', detail: typeof e?.code === 'string' ? e.code.slice(0, 40) : 'error' };
}

/**
 * Sends `kind` to each row with an address, once per (campaign, job, structure): the structure is
 * claimed in the log before the message leaves, so a job run twice (a second click, a restart)
 * never writes twice. Rows without an address are returned apart.
 */
export async function sendCampaignMail(
  deps: AppDeps,
  campaign: Campaign,
  rows: ParticipationRow[],
  options: { kind: MailKind; job: string },
): Promise<SendOutcome> {
  const settings = await campaignMailSettings(deps, campaign.id);
  const outcome: SendOutcome = { sent: [], alreadySent: [], withoutEmail: [], failed: [] };
  const reminded: string[] = [];
  for (const row of rows) {
    const named = { id: row.id, name: row.name };
    const email = row.email?.trim();
    if (!email) {
      outcome.withoutEmail.push(named);
      continue;
    }
    const message = messageFor(settings, options.kind, campaign, row);
    const now = deps.now();
    const claim = await deps.store.mail.claim({
      campaignId: campaign.id,
      structureId: row.id,
      job: options.job,
      kind: options.kind,
      recipient: email,
      subject: message.subject,
      at: now.toISOString(),
    });
    if (!claim) {
      outcome.alreadySent.push(named);
      continue;
    }
    let status: Exclude<MailStatus, 'pending'> = 'sent';
    let detail: string | null = null;
    try {
      const delivery = await deps.mailer.send({
        to: email,
        ...message,
        date: now,
        headers: { 'X-Panorama-Mail': options.kind },
      });
      if (delivery && delivery.rejected.length) [status, detail] = ['bounced', 'rejected'];
    } catch (err) {
      ({ status, detail } = classify(err));
    }
    await deps.store.mail.settle(claim, status, detail);
    if (status === 'sent') {
      outcome.sent.push(named);
      if (options.kind === 'reminder') reminded.push(row.invitationId);
    } else outcome.failed.push({ ...named, status });
  }
  if (reminded.length) await deps.store.invitations.markReminded(reminded, deps.now().toISOString());
  return outcome;
}

/**
 * The first invitation, to the structures in `scope` (all, or `structureIds`) that have not
 * received it yet; refused once the campaign is closed.
 */
export async function sendInvitations(
  deps: AppDeps,
  input: { campaign: Campaign; scope: Scope; structureIds?: string[] },
): Promise<SendOutcome> {
  const rows = await targetRows(deps, input.campaign, input.scope, input.structureIds);
  if (isClosed(input.campaign, deps.now())) throw new PanoramaError('mail_campaign_closed');
  return sendCampaignMail(deps, input.campaign, rows, { kind: 'invitation', job: 'invitation' });
}

/** A reminder now, to the structures in scope that have not submitted. */
export async function sendReminderNow(
  deps: AppDeps,
  input: { campaign: Campaign; scope: Scope; structureIds?: string[] },
): Promise<SendOutcome> {
  const rows = (await targetRows(deps, input.campaign, input.scope, input.structureIds)).filter(
    (r) => r.status !== 'submitted',
  );
  if (isClosed(input.campaign, deps.now()))
    throw new PanoramaError('campaign_closed', { action: 'reminders' });
  return sendCampaignMail(deps, input.campaign, rows, { kind: 'reminder', job: `manual:${randomUUID()}` });
}

async function targetRows(deps: AppDeps, campaign: Campaign, scope: Scope, structureIds?: string[]) {
  const { rows } = await participationRows(deps, scope, campaign);
  if (!structureIds) return rows;
  const visible = new Set(rows.map((r) => r.id));
  const outside = structureIds.filter((s) => !visible.has(s));
  if (outside.length)
    throw new PanoramaError('forbidden', { reason: 'reminders_out_of_scope', items: outside });
  const wanted = new Set(structureIds);
  return rows.filter((r) => wanted.has(r.id));
}
