import { startPeriodicJob, type PeriodicJob } from '../periodic.js';
import type { Campaign } from '../../store/index.js';
import type { MailSchedule } from '../../store/api-mail.js';
import type { AppDeps } from '../deps.js';
import { PanoramaError } from '../../contract/errors/index.js';
import { formatParis, parisWallClockToUtc } from '../dates.js';
import { participationRows } from '../campaigns/participation.js';
import { isClosed, sendCampaignMail } from './send.js';

/** Scheduled reminders leave at 9:00, Paris time, N days before the closing day. */
const SEND_HOUR = 9;

export function reminderDate(closesAt: string, daysBefore: number): Date {
  const [y, m, d] = new Date(closesAt)
    .toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' })
    .split('-')
    .map(Number) as [number, number, number];
  return parisWallClockToUtc(y, m, d - daysBefore, SEND_HOUR);
}

/** Replaces the campaign's pending reminders by one per number of days before closing. */
export async function scheduleReminders(
  deps: Pick<AppDeps, 'store' | 'now'>,
  input: { campaign: Campaign; daysBefore: number[]; actor: string },
): Promise<MailSchedule[]> {
  const { campaign } = input;
  const days = [...new Set(input.daysBefore)].sort((a, b) => b - a);
  if (days.length && !campaign.closesAt) throw new PanoramaError('mail_schedule_needs_closing');
  const now = deps.now();
  const planned = days.map((daysBefore) => {
    const at = reminderDate(campaign.closesAt!, daysBefore);
    if (at.getTime() <= now.getTime())
      throw new PanoramaError('mail_schedule_past', { days: daysBefore, date: formatParis(at) });
    return { daysBefore, sendAt: at.toISOString() };
  });
  const schedules = await deps.store.mail.replacePendingSchedules(
    campaign.id,
    planned,
    input.actor,
    now.toISOString(),
  );
  await deps.store.audit.record({
    actor: input.actor,
    action: 'campaign.mail.schedule',
    target: campaign.id,
    details: { daysBefore: days },
  });
  return schedules;
}

/**
 * Runs every reminder due at the clock's time: to the campaign's structures that have not
 * submitted. Each structure is claimed in the send log under the schedule's id, so a job
 * interrupted by a restart resumes without writing twice; the job is then marked done.
 */
export async function runDueReminders(deps: AppDeps): Promise<{ ran: number; sent: number }> {
  let ran = 0;
  let sent = 0;
  for (const job of await deps.store.mail.dueSchedules(deps.now().toISOString())) {
    const campaign = await deps.store.campaigns.get(job.campaignId);
    let outcome: object;
    if (!campaign || isClosed(campaign, deps.now())) outcome = { skipped: 'closed' };
    else {
      const { rows } = await participationRows(deps, { all: true }, campaign);
      const late = rows.filter((r) => r.status !== 'submitted');
      // A reminder is never the first message: a structure not invited yet (an address added
      // since, the invitations never sent) gets the invitation instead.
      const invited = await invitedStructures(deps, campaign.id);
      const reminders = await sendCampaignMail(
        deps,
        campaign,
        late.filter((r) => invited.has(r.id)),
        { kind: 'reminder', job: `schedule:${job.id}` },
      );
      const invitations = await sendCampaignMail(
        deps,
        campaign,
        late.filter((r) => !invited.has(r.id)),
        { kind: 'invitation', job: 'invitation' },
      );
      sent += reminders.sent.length + invitations.sent.length;
      outcome = {
        sent: reminders.sent.length,
        invited: invitations.sent.length,
        withoutEmail: reminders.withoutEmail.length + invitations.withoutEmail.length,
        failed: reminders.failed.length + invitations.failed.length,
      };
    }
    if (await deps.store.mail.finishSchedule(job.id, JSON.stringify(outcome), deps.now().toISOString()))
      ran++;
  }
  return { ran, sent };
}

/** The structures that received the first invitation of a campaign. */
async function invitedStructures(deps: AppDeps, campaignId: string): Promise<Set<string>> {
  const log = await deps.store.mail.log(campaignId);
  return new Set(log.filter((e) => e.kind === 'invitation' && e.status === 'sent').map((e) => e.structureId));
}

/**
 * The scheduler inside the server process: a timer that runs the due reminders. Ticks never
 * overlap; a failing tick is reported and the next one tries again.
 */
export function startMailScheduler(
  deps: AppDeps,
  options: { intervalMs: number; onError?: (err: unknown) => void },
): PeriodicJob {
  return startPeriodicJob(() => runDueReminders(deps), options);
}
