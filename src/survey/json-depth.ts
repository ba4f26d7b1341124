import { PanoramaError } from '../contract/errors/index.js';
import { lineColumnAt } from './json-position.js';

/**
 * How deep JSON may nest. SurveyJS definitions (pages > panels > elements > choices) and answers
 * (dynamic panels, matrices) stay far below; a document nested thousands deep is an attack on the
 * recursive code that walks it (validation, storage, rendering), refused before it is parsed.
 */
export const MAX_JSON_DEPTH = 64;

export interface DepthExcess {
  /** The depth reached (limit + 1). */
  depth: number;
  /** Offset of the bracket that went past the limit. */
  offset: number;
}

/** Where `text` first nests deeper than `limit` (brackets inside strings do not count), if it does. */
export function jsonDepthExcess(text: string, limit = MAX_JSON_DEPTH): DepthExcess | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92)
        i++; // backslash: skip the escaped character
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 123 || ch === 91) {
      if (++depth > limit) return { depth, offset: i };
    } else if (ch === 125 || ch === 93) depth--;
  }
  return undefined;
}

/** Throws the 400 `json_too_deep` (naming the source, the depth, line and column) when `text` nests too deep. */
export function assertJsonDepth(text: string, source?: string, limit = MAX_JSON_DEPTH): void {
  const excess = jsonDepthExcess(text, limit);
  if (!excess) return;
  const { line, column } = lineColumnAt(text, excess.offset);
  throw new PanoramaError('json_too_deep', {
    depth: excess.depth,
    limit,
    line,
    column,
    ...(source ? { source } : {}),
  });
}
