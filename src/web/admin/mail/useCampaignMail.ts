import type { z } from 'zod';
import type {
  campaignMailResponse,
  mailLogEntry,
  mailPreviewResponse,
  mailScheduleResponse,
  mailSendResponse,
  mailSettings,
} from '../../../contract/mail.js';
import { useApi, type ApiState } from '../common.js';

/** Shapes of the mail API (type-only imports: no zod in the bundle). */
export type CampaignMail = z.infer<typeof campaignMailResponse>;
export type MailSettings = z.infer<typeof mailSettings>;
export type MailLogEntry = z.infer<typeof mailLogEntry>;
export type MailPreview = z.infer<typeof mailPreviewResponse>;
export type MailSendResult = z.infer<typeof mailSendResponse>;
export type MailScheduleResult = z.infer<typeof mailScheduleResponse>;
export type MailKind = 'invitation' | 'reminder';

export const mailPath = (campaignId: string, path = ''): string =>
  `/api/campaigns/${encodeURIComponent(campaignId)}/mail${path}`;

/** The campaign's mail page; `undefined` campaign (or a viewer, who may not read it) = no request. */
export function useCampaignMail(campaignId: string | undefined): ApiState<CampaignMail> {
  return useApi<CampaignMail>(campaignId ? mailPath(campaignId) : undefined);
}

/**
 * The structures that have received the first invitation. A failed or bounced one frees its slot
 * on the server, so "Envoyer les invitations" tries it again: it does not count here.
 */
export function invitedStructures(log: MailLogEntry[] | undefined): Set<string> {
  return new Set(
    (log ?? []).filter((e) => e.kind === 'invitation' && e.status === 'sent').map((e) => e.structureId),
  );
}
