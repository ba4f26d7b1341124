import { z } from 'zod';
import { invitationStatus } from './campaigns.js';

/** GET /api/campaigns/:id/responses/:structureId */
export const structureResponsesParams = z.object({ id: z.string().min(1), structureId: z.string().min(1) });

/** A structure's current answers and every submitted revision. */
export const structureResponsesResponse = z.object({
  structure: z.object({ id: z.string(), name: z.string() }),
  status: invitationStatus,
  /** The current answers (draft or last submitted), null before any save. */
  draft: z.record(z.string(), z.unknown()).nullable(),
  draftUpdatedAt: z.string().nullable(),
  revisions: z.array(
    z.object({ revision: z.number(), submittedAt: z.string(), data: z.record(z.string(), z.unknown()) }),
  ),
});
