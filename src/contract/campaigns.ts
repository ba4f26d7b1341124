import { z } from 'zod';
import { campaignDateInput } from '../app/dates.js';

export const campaignState = z.enum(['open', 'not_yet_open', 'closed']);
export const invitationStatus = z.enum(['not_started', 'in_progress', 'submitted']);

/** A campaign's population: territories, and attributes as key → value (or values). */
export const population = z.object({
  territoryIds: z.array(z.string().min(1)).optional(),
  attributes: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
});

/** POST /api/campaigns */
export const createCampaignBody = z.object({
  name: z.string().trim().min(1).max(300),
  surveyId: z.string().min(1),
  opensAt: campaignDateInput,
  closesAt: campaignDateInput,
  population: population.optional(),
  anonymousLink: z.boolean().optional(),
});
/** PATCH /api/campaigns/:id */
export const updateCampaignBody = z.object({
  name: z.string().trim().min(1).max(300).optional(),
  opensAt: campaignDateInput.optional(),
  closesAt: campaignDateInput.optional(),
  anonymousLink: z.boolean().optional(),
});

/** A campaign as the API shows it; the counts are scoped to the caller's territories. */
export const campaign = z.object({
  id: z.string(),
  name: z.string(),
  /** null only when the frozen survey version has gone missing. */
  surveyId: z.string().nullable(),
  surveyVersionId: z.string(),
  surveyTitle: z.string().nullable(),
  surveyVersion: z.number().nullable(),
  /** UTC ISO instants. */
  opensAt: z.string(),
  closesAt: z.string().nullable(),
  state: campaignState,
  population,
  publicLink: z.string().nullable(),
  invitations: z.number(),
  submitted: z.number(),
  inProgress: z.number(),
  createdAt: z.string(),
  /** When it was archived (answers kept; hidden from the list unless asked), or null. */
  archivedAt: z.string().nullable().optional(),
});

/** GET /api/campaigns?archived=include|only (archived campaigns are hidden by default) */
export const listCampaignsQuery = z.object({ archived: z.enum(['exclude', 'include', 'only']).optional() });
/** GET /api/campaigns */
export const campaignsResponse = z.object({ campaigns: z.array(campaign) });
/** GET, PATCH /api/campaigns/:id, POST /api/campaigns (201) */
export const campaignResponse = z.object({ campaign });
