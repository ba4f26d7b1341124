import { z } from 'zod';

/** One submitted response: SurveyJS data keyed by question name and choice value. */
export const responseRecordSchema = z.object({
  id: z.string().min(1),
  /** Registry id of the answering structure; null for an anonymous response. */
  structure: z.string().min(1).nullable().default(null),
  submittedAt: z.string().optional(),
  data: z.record(z.string(), z.unknown()),
});
export type ResponseRecord = z.infer<typeof responseRecordSchema>;

/** A member structure of the network, as read from the registry. */
export interface Structure {
  id: string;
  name: string;
  /** Every other registry column (departement, territoire, qpv, …), as text. */
  attributes: Record<string, string>;
}

export interface Registry {
  structures: Structure[];
  /** Attribute names in registry column order (excluding id and name). */
  attributes: string[];
}
