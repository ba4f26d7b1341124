import { z } from 'zod';
import { invitationStatus } from './campaigns.js';

/** GET /api/campaigns/:id/participation */
export const participationQuery = z.object({ by: z.string().trim().min(1).max(100).default('territoire') });
/** POST /api/campaigns/:id/reminders */
export const remindersBody = z.object({ structureIds: z.array(z.string().min(1)).optional() });

export const participationGroup = z.object({
  group: z.string(),
  population: z.number(),
  responses: z.number(),
  /** Percentage, null when the group is empty. */
  rate: z.number().nullable(),
});

export const participationStructure = z.object({
  id: z.string(),
  name: z.string(),
  territory: z.string().nullable(),
  status: invitationStatus,
  submittedAt: z.string().nullable(),
  /** The structure's personal answer link. */
  link: z.string(),
  email: z.string().nullable(),
  remindedAt: z.string().nullable(),
  reminderCount: z.number(),
});

/** GET /api/campaigns/:id/participation (scoped) */
export const participationResponse = z.object({
  population: z.number(),
  responses: z.number(),
  rate: z.number().nullable(),
  /** The grouping asked for: a territory level or an attribute. */
  by: z.string(),
  byGroup: z.array(participationGroup),
  structures: z.array(participationStructure),
});

const named = z.object({ id: z.string(), name: z.string() });
/** POST /api/campaigns/:id/reminders */
export const remindersResponse = z.object({
  sent: z.number(),
  withoutEmail: z.array(named),
  failed: z.array(named.extend({ reason: z.string() })),
});
