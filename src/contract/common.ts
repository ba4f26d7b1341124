import { z } from 'zod';

/**
 * Shapes shared by every route of the HTTP contract: path parameters, the error body, and the
 * OpenAPI description of file answers (PDF, CSV, HTML…), which are sent as they are, never
 * serialized from a schema.
 */

export const idParams = z.object({ id: z.string().min(1) });
/** A respondent's personal link token. */
export const tokenParams = z.object({ token: z.string().min(16).max(128) });

/** Every failure: `{ error: { code, message, params?, details? } }` (message in the asked language). */
export const errorBody = z
  .object({
    error: z.object({
      code: z.string().describe('Stable error code (src/contract/errors)'),
      message: z.string().describe("Message in the client's language (Accept-Language), French first"),
      params: z.unknown().optional().describe('Parameters of the message (catalogue errors)'),
      details: z.unknown().optional().describe('Structured details, e.g. every problem of a file'),
    }),
  })
  .describe('Error');
export type ErrorBody = z.infer<typeof errorBody>;

/** The error answers every route may give (4xx). */
export const errorResponses = { '4xx': errorBody } as const;

/** `{ ok: true }` */
export const okResponse = z.object({ ok: z.literal(true) });

/**
 * A file answer in the OpenAPI document: its content types, no zod body (the reply is a string or a
 * Buffer, sent as is). `json` adds a JSON variant (a zod schema) for routes that also answer JSON.
 */
export function fileResponse(
  description: string,
  contentTypes: readonly string[],
  json?: z.ZodType,
): { description: string; content: Record<string, { schema: unknown }> } {
  const content: Record<string, { schema: unknown }> = {};
  for (const type of contentTypes) {
    content[type] = {
      schema: type.startsWith('text/')
        ? { type: 'string' }
        : { type: 'string', format: 'binary', contentMediaType: type },
    };
  }
  if (json) content['application/json'] = { schema: json };
  return { description, content };
}
