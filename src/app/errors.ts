import { PanoramaError, type Thing } from '../contract/errors/index.js';
import { StoreConflictError, StoreNotFoundError, StoreValidationError } from '../store/errors.js';

/** The store's entity names as nouns of the catalogue. */
const ENTITIES: Record<string, Thing> = {
  user: 'account',
  territory: 'territory',
  campaign: 'campaign',
  survey: 'survey',
  'survey version': 'survey_version',
  structure: 'structure',
  invitation: 'invitation',
};

/**
 * The one place where an error of a lower layer that is not a PanoramaError (the store's, which its
 * callers also use for control flow) becomes one, for the edges (HTTP, CLI) to word in the user's
 * language. Returns undefined for an unexpected failure (a bug: shown as an internal error).
 */
export function asPanoramaError(err: unknown): PanoramaError | undefined {
  if (err instanceof PanoramaError) return err;
  if (err instanceof StoreNotFoundError) {
    const what = ENTITIES[err.entity];
    return what ? new PanoramaError('not_found', { what, id: err.id }) : new PanoramaError('not_found');
  }
  if (err instanceof StoreConflictError)
    return new PanoramaError('duplicate_value', err.field ? { field: err.field } : {});
  if (err instanceof StoreValidationError)
    return new PanoramaError('data_refused', { count: Math.max(1, err.problems.length) }).with(err.problems);
  return undefined;
}
