import type { FieldIssue } from '../contract/errors/zod.js';

/** Base class of every storage error the callers may want to map to an HTTP status. */
export class StoreError extends Error {
  override name = 'StoreError';
}

/** A unique constraint was violated (duplicate e-mail, id already taken …): HTTP 409. */
export class StoreConflictError extends StoreError {
  override name = 'StoreConflictError';
  constructor(
    message: string,
    /** The offending field, when known (e.g. 'email'). */
    readonly field?: string,
  ) {
    super(message);
  }
}

/** A referenced row does not exist: HTTP 404 (or 400 for a dangling reference in input). */
export class StoreNotFoundError extends StoreError {
  override name = 'StoreNotFoundError';
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} "${id}" not found`);
  }
}

/**
 * One refused row: `message` is English (logs); `code`/`params` or `issue` word it in the user's
 * language at the edge.
 */
export interface StoreProblem {
  row?: number;
  id?: string;
  field?: string;
  value?: unknown;
  message: string;
  code?: string;
  params?: Record<string, unknown>;
  issue?: FieldIssue;
}

/** Input refused before anything is written: HTTP 400. `row` is the 0-based index in a batch. */
export class StoreValidationError extends StoreError {
  override name = 'StoreValidationError';
  constructor(
    message: string,
    readonly problems: StoreProblem[] = [],
  ) {
    super(message);
  }
}
