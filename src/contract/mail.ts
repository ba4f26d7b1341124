import { z } from 'zod';
import { mailSettings } from '../app/mail/templates.js';

/** HTTP contract of campaign mail (src/server/routes/mail.ts). */
export { mailSettings };
const named = z.object({ id: z.string(), name: z.string() });
export const mailKind = z.enum(['invitation', 'reminder']);

export const mailSendBody = z.object({ structureIds: z.array(z.string().min(1)).max(10_000).optional() });
export const mailSendResponse = z.object({
  sent: z.array(named),
  alreadySent: z.array(named),
  withoutEmail: z.array(named),
  failed: z.array(named.extend({ status: z.enum(['failed', 'bounced']) })),
});

export const mailScheduleBody = z.object({
  daysBefore: z.array(z.number().int().min(0).max(365)).max(10),
});
export const mailScheduleItem = z.object({
  id: z.string(),
  daysBefore: z.number(),
  sendAt: z.string(),
  doneAt: z.string().nullable(),
});
export const mailScheduleResponse = z.object({ schedule: z.array(mailScheduleItem) });

export const mailPreviewBody = z.object({
  kind: mailKind,
  settings: mailSettings.optional(),
  structureId: z.string().min(1).optional(),
});
export const mailPreviewResponse = z.object({
  structure: named,
  to: z.string().nullable(),
  subject: z.string(),
  text: z.string(),
});

export const mailLogEntry = z.object({
  structureId: z.string(),
  structure: z.string(),
  kind: mailKind,
  recipient: z.string(),
  status: z.enum(['pending', 'sent', 'failed', 'bounced']),
  at: z.string(),
  scheduled: z.boolean(),
});

export const campaignMailResponse = z.object({
  settings: mailSettings,
  placeholders: z.array(z.string()),
  schedule: z.array(mailScheduleItem),
  recipients: z.object({
    total: z.number(),
    withEmail: z.number(),
    invited: z.number(),
    notSubmittedWithEmail: z.number(),
    withoutEmail: z.array(named),
  }),
  log: z.array(mailLogEntry),
});
