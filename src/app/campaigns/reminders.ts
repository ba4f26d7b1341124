import type { Campaign } from '../../store/index.js';
import type { AppDeps } from '../deps.js';
import type { ParticipationRow } from './participation.js';
import { formatParis } from '../dates.js';

export function reminderMessage(ctx: AppDeps, campaign: Campaign, row: ParticipationRow) {
  const closing = campaign.closesAt ? `\nLa campagne se termine le ${formatParis(campaign.closesAt)}.\n` : '';
  const started =
    row.status === 'in_progress'
      ? 'Vous avez commencé à répondre : vos réponses sont enregistrées, il vous reste à les valider.\n'
      : '';
  return {
    to: row.email!,
    subject: `Rappel : questionnaire « ${campaign.name} » – ${row.name}`,
    text:
      `Bonjour,\n\n` +
      `Votre structure « ${row.name} » est invitée à répondre au questionnaire « ${campaign.name} ».\n` +
      started +
      `\nVoici votre lien personnel (il vous permet aussi de reprendre vos réponses depuis un autre appareil) :\n` +
      `${row.link}\n` +
      closing +
      `\nMerci pour votre participation.\n\n-- \nPanorama, observatoire du réseau\n` +
      `Ce lien est personnel : merci de ne pas le transférer en dehors de votre structure.\n`,
  };
}

/** Sends one reminder per row that has an address; returns those sent and those without address. */
export async function sendReminders(ctx: AppDeps, campaign: Campaign, rows: ParticipationRow[]) {
  const withoutEmail = rows.filter((r) => !r.email).map((r) => ({ id: r.id, name: r.name }));
  const sentIds: string[] = [];
  const failed: { id: string; name: string; reason: string }[] = [];
  for (const row of rows) {
    if (!row.email) continue;
    try {
      await ctx.mailer.send(reminderMessage(ctx, campaign, row));
      sentIds.push(row.invitationId);
    } catch (err) {
      failed.push({ id: row.id, name: row.name, reason: (err as Error).message });
    }
  }
  if (sentIds.length) await ctx.store.invitations.markReminded(sentIds, ctx.now().toISOString());
  return { sent: sentIds.length, withoutEmail, failed };
}
