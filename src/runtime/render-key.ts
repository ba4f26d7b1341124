import { createHash } from 'node:crypto';

/**
 * The cache key of a render: a digest of everything the renderer reads. A report model already
 * holds the campaign's data, the caller's scope and every option, so equal models make equal
 * documents, and a new submission or another scope makes another key.
 */
export function renderKey(task: { kind: string; format: string; [content: string]: unknown }): string {
  return createHash('sha256').update(JSON.stringify(task)).digest('base64url');
}
