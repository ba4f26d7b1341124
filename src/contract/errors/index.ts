import type { Lang } from '../lang.js';
import { ERROR_CATALOGUE, type ErrorCode, type ErrorParamsOf } from './catalogue.js';
import { wordFieldIssue, type FieldIssue } from './zod.js';
import { setProblemWording } from './files.js';

export { ERROR_CATALOGUE, type ErrorCode, type ErrorParamsOf } from './catalogue.js';
export { defineErrors, type ErrorSpec } from './define.js';
export {
  FORBIDDEN_REASONS,
  THINGS,
  REQUEST_PARTS,
  type ForbiddenReason,
  type Thing,
  type RequestPart,
} from './common.js';
export { fieldIssues, parseFields, wordFieldIssue, type FieldIssue } from './zod.js';

/** Optional parameters may be left out: `new PanoramaError('forbidden')`. */
type ParamsArg<C extends ErrorCode> = [ErrorParamsOf<C>] extends [undefined]
  ? []
  : object extends ErrorParamsOf<C>
    ? [params?: ErrorParamsOf<C>]
    : [params: ErrorParamsOf<C>];

/**
 * The one error type of Panorama: a stable code from the catalogue, its parameters, the status
 * the catalogue gives it, and optional structured details (e.g. the list of problems of a file).
 * `message` is the French text, for logs only: users get `messageIn(lang)` at the edge.
 */
export class PanoramaError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly params: ErrorParamsOf<C>;
  readonly status: number;
  details?: unknown;

  constructor(code: C, ...[params]: ParamsArg<C>) {
    const p = (params ?? {}) as ErrorParamsOf<C>;
    super(errorMessage(code, p, 'fr'));
    this.name = 'PanoramaError';
    this.code = code;
    this.params = p;
    this.status = ERROR_CATALOGUE[code].status;
  }

  /** Attaches structured details (problems of an input file, per-question errors...). */
  with(details: unknown): this {
    this.details = details;
    return this;
  }

  messageIn(lang: Lang): string {
    return errorMessage(this.code, this.params, lang);
  }

  /** The details with each problem worded in `lang` (see detailsIn). */
  detailsIn(lang: Lang): unknown {
    return detailsIn(this.details, lang);
  }
}

/** The message of a code in a language; an unknown code (from an older server) falls back to a generic text. */
export function errorMessage<C extends ErrorCode>(code: C, params: ErrorParamsOf<C>, lang: Lang): string {
  const spec = ERROR_CATALOGUE[code] as
    { fr: (p: unknown) => string; en: (p: unknown) => string } | undefined;
  if (!spec) return ERROR_CATALOGUE.internal[lang]();
  return spec[lang](params ?? {});
}

/**
 * The details of an error in `lang`: each item that carries a catalogue `code` (with its `params`)
 * or a zod-made `issue` gets its `message` worded here, at the edge; other items are kept as they are.
 */
export function detailsIn(details: unknown, lang: Lang): unknown {
  if (!Array.isArray(details)) return details;
  return details.map((item: unknown) => {
    if (typeof item !== 'object' || item === null) return item;
    const { code, params, issue } = item as { code?: unknown; params?: unknown; issue?: unknown };
    if (typeof code === 'string' && code in ERROR_CATALOGUE)
      return { ...item, message: errorMessage(code as ErrorCode, (params ?? {}) as never, lang) };
    if (typeof issue === 'object' && issue !== null)
      return { ...item, message: wordFieldIssue(issue as FieldIssue, lang) };
    return item;
  });
}

setProblemWording((code, params, lang) =>
  code in ERROR_CATALOGUE ? errorMessage(code as ErrorCode, params as never, lang) : undefined,
);

export function isPanoramaError(value: unknown): value is PanoramaError {
  return value instanceof PanoramaError;
}
